-- wenfeng in Neovim's built-in LSP client. Put this file in ~/.config/nvim/plugin/ (or
-- require it from init.lua). Needs `wenfeng` on PATH.
--
-- Neovim 0.8+ (vim.lsp.start): one server per folder of drafts.
if vim.lsp.start then
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'text', 'markdown' },
    callback = function(args)
      vim.lsp.start({
        name = 'wenfeng',
        cmd = { 'wenfeng', 'lsp' },
        root_dir = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
        -- Optional: the same settings as .wenfeng.yaml, overriding it.
        init_options = { wenfeng = { profile = nil, kind = nil, medium = nil } },
      })
    end,
  })
else
  -- Neovim 0.7: start_client + buf_attach_client.
  local id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'text', 'markdown' },
    callback = function(args)
      id = id or vim.lsp.start_client({ name = 'wenfeng', cmd = { 'wenfeng', 'lsp' }, root_dir = vim.loop.cwd() })
      vim.lsp.buf_attach_client(args.buf, id)
    end,
  })
end

-- With nvim-lspconfig instead:
--   local configs = require('lspconfig.configs')
--   configs.wenfeng = { default_config = { cmd = { 'wenfeng', 'lsp' }, filetypes = { 'text', 'markdown' },
--                                          root_dir = require('lspconfig.util').path.dirname } }
--   require('lspconfig').wenfeng.setup({})
--
-- Quick fixes: vim.lsp.buf.code_action(); counts of the whole draft:
--   vim.lsp.buf.execute_command({ command = 'wenfeng.counts', arguments = { vim.uri_from_bufnr(0) } })
