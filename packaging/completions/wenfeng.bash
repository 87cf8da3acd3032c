# bash completion for wenfeng (installed to share/bash-completion/completions/wenfeng)
# Options when the word starts with "-", else file names.
_wenfeng_options_or_files() {
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$1" -- "$cur"))
  else COMPREPLY=($(compgen -f -- "$cur")); fi
}

_wenfeng() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "check count profiles explain rules version help --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    --profile)
      COMPREPLY=($(compgen -W "$(wenfeng profiles 2>/dev/null | awk '/^[^ ]/{print $1}')" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
      return ;;
    --kind)
      COMPREPLY=($(compgen -W "$(wenfeng profiles 2>/dev/null | awk '/^    [a-z]/{print $1}' | sort -u)" -- "$cur"))
      return ;;
    --medium) COMPREPLY=($(compgen -W "tv print" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
    --format)
      if [ "$cmd" = rules ]; then COMPREPLY=($(compgen -W "text markdown" -- "$cur"))
      else COMPREPLY=($(compgen -W "text json" -- "$cur")); fi
      return ;;
    --include) COMPREPLY=($(compgen -W "notes textboxes headers comments" -- "$cur")); return ;;
    --dictionaries) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --jobs|--xml-map|--html-selector|--stdin-filename) return ;;
  esac
  case "$cmd" in
    check) _wenfeng_options_or_files "--profile --kind --medium --format --fail-on --jobs --xml-map --html-selector --stdin-filename --dictionaries --pretty --color --no-color --english" ;;
    count) _wenfeng_options_or_files "--format --include --jobs --xml-map --html-selector --stdin-filename --pretty" ;;
    profiles)
      COMPREPLY=($(compgen -W "$(wenfeng profiles 2>/dev/null | awk '/^[^ ]/{print $1}')" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur")) ;;
    explain)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "--profile" -- "$cur"))
      else COMPREPLY=($(compgen -W "$(wenfeng rules 2>/dev/null | awk '{print $1}' | grep '\.')" -- "$cur")); fi ;;
    rules) COMPREPLY=($(compgen -W "--format" -- "$cur")) ;;
  esac
}
complete -o filenames -F _wenfeng wenfeng
