# fish completion for wenfeng (installed to share/fish/vendor_completions.d/wenfeng.fish)
set -l cmds check count profiles explain rules version help
complete -c wenfeng -f
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a check -d '按规范和稿件类型检查'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a count -d '统计字数（Word 兼容）'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a profiles -d '列出规范、稿件类型及其限额'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a explain -d '说明某条规则'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a rules -d '列出所有规则'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a version -d '显示版本'
complete -c wenfeng -n "not __fish_seen_subcommand_from $cmds" -a help -d '显示帮助'
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -F
complete -c wenfeng -n "__fish_seen_subcommand_from check explain" -l profile -x -a "(wenfeng profiles 2>/dev/null | awk '/^[^ ]/{print \$1}')"
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l kind -x -a "(wenfeng profiles 2>/dev/null | awk '/^    [a-z]/{print \$1}' | sort -u)"
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l medium -x -a "tv print"
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l fail-on -x -a "error warning info"
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l dictionaries -x -a "(__fish_complete_directories)"
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l color
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l no-color
complete -c wenfeng -n "__fish_seen_subcommand_from check" -l english
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l format -x -a "text json"
complete -c wenfeng -n "__fish_seen_subcommand_from rules" -l format -x -a "text markdown"
complete -c wenfeng -n "__fish_seen_subcommand_from count" -l include -x -a "notes textboxes headers comments"
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l jobs -x
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l xml-map -x
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l html-selector -x
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l stdin-filename -r
complete -c wenfeng -n "__fish_seen_subcommand_from check count" -l pretty
complete -c wenfeng -n "__fish_seen_subcommand_from profiles" -x -a "(wenfeng profiles 2>/dev/null | awk '/^[^ ]/{print \$1}')"
complete -c wenfeng -n "__fish_seen_subcommand_from explain" -x -a "(wenfeng rules 2>/dev/null | awk '{print \$1}' | grep '\.')"
