-- Run by run.sh in pain.flow of a copy of the mini fixture with
-- `outcomes.fine` misspelled: prints the diagnostics, takes the quick fix
-- as :lua vim.lsp.buf.code_action() would, and hovers on an outcome.
local function out(s) io.stdout:write(s .. "\n") end
local v = vim.version()
out(string.format("nvim %d.%d.%d", v.major, v.minor, v.patch))
local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
out("diagnostics arrived: " .. tostring(arrived))
for _, d in ipairs(vim.diagnostic.get(0)) do
  out(string.format("line %d [%s] %s", d.lnum + 1, tostring(d.code), d.message:gsub("\n", " | ")))
end
local client = vim.lsp.get_active_clients()[1]
local d = vim.diagnostic.get(0)[1]
if d and client then
  -- The line's diagnostics in the protocol's form, as code_action() sends them.
  local sent = vim.lsp.diagnostic.get_line_diagnostics(0, d.lnum)
  local answer = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = sent[1].range,
    context = { diagnostics = sent },
  }, 10000, 0)
  local action = answer and answer.result and answer.result[1]
  out("code action: " .. (action and action.title or "none"))
  if action and action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
    out("after the fix: " .. vim.fn.getline(vim.fn.search("otherwise", "n")))
    local cleared = vim.wait(30000, function() return #vim.diagnostic.get(0) == 0 end, 50)
    out("diagnostics cleared after the fix: " .. tostring(cleared))
  end
  local line = vim.fn.search("outcomes.neuro", "n")
  local column = vim.fn.match(vim.fn.getline(line), "outcomes.neuro") + 10
  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = line - 1, character = column },
  }, 10000, 0)
  local value = hover and hover.result and hover.result.contents.value or "none"
  out("hover: " .. value:gsub("\n", " | "))
end
vim.cmd("qa!")
