vim.cmd([[autocmd BufRead,BufNewFile *.flow setfiletype flow]])
local backcheck
vim.api.nvim_create_autocmd("FileType", {
  pattern = "flow",
  callback = function(args)
    backcheck = backcheck or vim.lsp.start_client({
      name = "backcheck",
      cmd = { "backcheck", "lsp" },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, backcheck)
  end,
})
