-- Run by run.sh in safety.flow of a copy of the mini fixture: once the
-- server has checked the folder, sends a red flag's `yes` on (`yes -> next`)
-- and prints what is shown in this file: the broken invariant of
-- outcomes.flow at the edit, and what the unsaved edit changes.
local function out(s) io.stdout:write(s .. "\n") end
local checked = false
vim.lsp.handlers["window/logMessage"] = function(_, result)
  if result and result.message:find("linted and verified", 1, true) then
    checked = true
  end
end
out("checked before the edit: " .. tostring(vim.wait(30000, function() return checked end, 50)))
local line = vim.fn.search("yes -> outcomes.emergency", "n")
vim.fn.setline(line, "    yes -> next")
local shown = vim.wait(30000, function()
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.lnum + 1 == line then codes[tostring(d.code)] = true end
  end
  return codes["E033"] and codes["diff"]
end, 50)
out("the finding and the diff at the edited line: " .. tostring(shown))
for _, d in ipairs(vim.diagnostic.get(0)) do
  out(string.format("line %d [%s] %s", d.lnum + 1, tostring(d.code), d.message:gsub("\n", " | ")))
end
vim.cmd("qa!")
