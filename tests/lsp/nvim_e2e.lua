-- End-to-end test of `wenfeng lsp` with Neovim's built-in LSP client (Neovim 0.7+:
-- vim.lsp.start_client / buf_attach_client). Run by tests/lsp/nvim_e2e_test.cc:
--   WENFENG_BIN=… WENFENG_DRAFT=… WENFENG_OUT=… nvim --headless --clean -n -i NONE -c 'luafile nvim_e2e.lua'
-- The draft's line 2 is "𠮷祥村、王家庄村,要在汛前完成巡查。": the half-width comma comes after
-- 𠮷 (two UTF-16 units, four bytes). Line 4, "各村,各组,各户,要落实责任。", is a group: one
-- rule three times in a paragraph. Writes one PASS/FAIL line per check to WENFENG_OUT.
local bin, draft, out = os.getenv('WENFENG_BIN'), os.getenv('WENFENG_DRAFT'), os.getenv('WENFENG_OUT')
local results = {}
local function check(name, ok, detail)
  table.insert(results, (ok and 'PASS ' or 'FAIL ') .. name .. (detail and (' — ' .. detail) or ''))
  return ok
end
local function finish()
  local f = io.open(out, 'w')
  f:write(table.concat(results, '\n') .. '\nDONE\n')
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local published, publishes = nil, 0
  local changes = {}
  local client_id = vim.lsp.start_client({
    name = 'wenfeng',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    flags = { debounce_text_changes = 0, allow_incremental_sync = true },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        published, publishes = result, publishes + 1
        vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  if not check('client started', client_id ~= nil) then return end
  local client = vim.lsp.get_client_by_id(client_id)
  -- Record what the client sends on didChange (to see that it is incremental).
  local notify = client.notify
  client.notify = function(method, params)
    if method == 'textDocument/didChange' then
      for _, c in ipairs(params.contentChanges) do table.insert(changes, c) end
    end
    return notify(method, params)
  end
  vim.lsp.buf_attach_client(buf, client_id)
  check('diagnostics published', vim.wait(15000, function() return publishes > 0 end, 10))
  check('position encoding utf-16', client.offset_encoding == 'utf-16', tostring(client.offset_encoding))

  local function find(code, line)
    for _, d in ipairs(published and published.diagnostics or {}) do
      if d.code == code and d.range.start.line == line then return d end
    end
  end
  local d = find('punct.halfwidth', 1)
  if check('half-width comma found on line 2', d ~= nil) then
    check('UTF-16 start after 𠮷', d.range.start.character == 9, 'start ' .. d.range.start.character)
    check('UTF-16 end', d.range['end'].character == 10, 'end ' .. d.range['end'].character)
    check('severity error', d.severity == 1)
    check('code description link', d.codeDescription ~= nil and d.codeDescription.href:find('puncthalfwidth') ~= nil)
  end
  -- Neovim converts the range to byte columns for its own diagnostics: 4 bytes of 𠮷 + 7 × 3.
  local byte_col
  for _, vd in ipairs(vim.diagnostic.get(buf, { lnum = 1 })) do
    if vd.code == 'punct.halfwidth' then byte_col = vd.col end
  end
  check('Neovim byte column 25', byte_col == 25, tostring(byte_col))

  -- The quick fix whose title has `title` for the range [from, to) of `line` (0-based).
  local function quick_fix(line, from, to, diagnostics, title)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = line, character = from }, ['end'] = { line = line, character = to } },
      context = { diagnostics = diagnostics },
    }
    for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}) do
      for _, a in ipairs(r.result or {}) do
        if a.kind == 'quickfix' and a.title:find(title, 1, true) then return a end
      end
    end
  end
  -- Applies an action through Neovim's workspace edit: line `line` after it, and whether
  -- the server re-linted.
  local function apply(action, line)
    local before = publishes
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    return text, vim.wait(15000, function() return publishes > before end, 10)
  end

  -- Code action: the quick fix for that comma.
  local action = quick_fix(1, 9, 10, d and { d } or {}, 'punct.halfwidth')
  if check('quick fix offered', action ~= nil) then
    local line, relinted = apply(action, 1)
    check('fix applied to the buffer', line == '𠮷祥村、王家庄村，要在汛前完成巡查。', line)
    check('re-linted after the fix', relinted)
    check('finding gone after the fix',
          vim.wait(15000, function() return find('punct.halfwidth', 1) == nil end, 10))
  end

  -- A group: every occurrence underlined, tied together by relatedInformation, and one
  -- quick fix for all of them.
  local group = {}
  for _, g in ipairs(published and published.diagnostics or {}) do
    if g.code == 'punct.halfwidth' and g.range.start.line == 3 then table.insert(group, g) end
  end
  check('group: one diagnostic per occurrence', #group == 3, tostring(#group))
  local first = group[1]
  local related = first and first.relatedInformation or {}
  check('group: the first lists the others', #related == 2 and related[1].location.range.start.character == 5 and
        related[2].location.range.start.character == 8 and related[1].location.uri == vim.uri_from_bufnr(buf),
        vim.inspect(related))
  check('group: each message gives the count', first ~= nil and first.message:find('本段同类共 3 处', 1, true) ~= nil,
        first and first.message)
  local back = group[3] and group[3].relatedInformation or {}
  check('group: the others point to the first', #back == 1 and back[1].location.range.start.character == 2, vim.inspect(back))
  local kept  -- on the first comma: Neovim's own columns are bytes, 各村 is six
  for _, vd in ipairs(vim.diagnostic.get(buf, { lnum = 3 })) do
    if vd.col == 6 then kept = vd.user_data and vd.user_data.lsp and vd.user_data.lsp.relatedInformation end
  end
  check('Neovim keeps the related information', kept ~= nil and #kept == 2)
  local gaction = quick_fix(3, 5, 6, group, '本段同类 3 处')
  if check('group fix offered', gaction ~= nil) then
    local line4, relinted = apply(gaction, 3)
    check('group fix applied', line4 == '各村，各组，各户，要落实责任。', line4)
    check('re-linted after the group fix', relinted)
  end

  -- An incremental edit: insert "𠮷," at the start of line 2.
  local before = publishes
  vim.api.nvim_buf_set_text(buf, 1, 0, 1, 0, { '𠮷,' })
  check('re-linted after the edit', vim.wait(15000, function() return publishes > before end, 10))
  local last = changes[#changes]
  check('didChange was incremental', last ~= nil and last.range ~= nil, last and vim.inspect(last.range) or 'none')
  -- A publish for an earlier version can arrive after the edit; wait for the one that
  -- carries the new comma rather than for any publish.
  local e
  vim.wait(15000, function()
    e = find('punct.halfwidth', 1)
    return e ~= nil
  end, 10)
  check('new finding after 𠮷 at UTF-16 2', e ~= nil and e.range.start.character == 2,
        e and tostring(e.range.start.character) or 'none')
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  check('buffer text', text:find('𠮷,𠮷祥村', 1, true) ~= nil)

  -- Hover on line 2 shows the paragraph's counts.
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 1, character = 0 } }, 10000) or {}
  local value
  for _, r in pairs(hovers) do value = r.result and r.result.contents and r.result.contents.value end
  check('hover shows the paragraph', value ~= nil and value:find('第 2 段', 1, true) ~= nil, value)

  client.stop()
  check('server stopped', vim.wait(10000, function() return client.is_stopped() end, 10))
end)
if not ok then check('no Lua error', false, tostring(err)) end
finish()
