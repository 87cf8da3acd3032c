" wenfeng 文风 in Vim. Put this file in ~/.vim/plugin/. Needs `wenfeng` on PATH.

" 1. Plain Vim: :make runs wenfeng on the current file and fills the quickfix list.
"    --column-unit byte because Vim's %c counts bytes.
autocmd FileType text setlocal makeprg=wenfeng\ check\ --format\ line\ --column-unit\ byte\ %
autocmd FileType text setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m

" 2. ALE, as a linter of the one-line format (reads the buffer on stdin; .wenfeng.yaml is
"    found from the buffer's folder through --stdin-filename).
function! WenfengHandle(buffer, lines) abort
  let l:out = []
  for l:m in ale#util#GetMatches(a:lines, '\v^.{-}:(\d+):(\d+): (error|warning|info): (.*)$')
    call add(l:out, {'lnum': l:m[1] + 0, 'col': l:m[2] + 0,
          \ 'type': l:m[3] is# 'error' ? 'E' : l:m[3] is# 'warning' ? 'W' : 'I', 'text': l:m[4]})
  endfor
  return l:out
endfunction
if exists('g:loaded_ale')
  call ale#linter#Define('text', {
        \ 'name': 'wenfeng',
        \ 'executable': 'wenfeng',
        \ 'command': 'wenfeng check --format line --column-unit byte --stdin-filename %s -',
        \ 'callback': 'WenfengHandle',
        \})
  " Or ALE's LSP client with the language server:
  " call ale#linter#Define('text', {'name': 'wenfeng-lsp', 'lsp': 'stdio', 'executable': 'wenfeng',
  "       \ 'command': '%e lsp', 'project_root': {b -> expand('#' . b . ':p:h')}})
endif
