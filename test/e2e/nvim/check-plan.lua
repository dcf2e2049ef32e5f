-- Neovim (0.7+) as a second editor for the kehoach language server: attaches `kehoach-lsp --stdio`
-- to a plan, records the published diagnostics, asks for the quick fixes on the line of the first
-- missing section (KH101), applies the first one and records the diagnostics of the edited buffer.
-- Run by test/e2e/nvim.test.ts:
--   nvim --headless --clean -n -i NONE -u check-plan.lua
-- with KEHOACH_SERVER (path of bin/kehoach-lsp.js), KEHOACH_PLAN and KEHOACH_RESULT (JSON written here).
local server = assert(vim.env.KEHOACH_SERVER, 'KEHOACH_SERVER is not set')
local plan = assert(vim.env.KEHOACH_PLAN, 'KEHOACH_PLAN is not set')
local result_path = assert(vim.env.KEHOACH_RESULT, 'KEHOACH_RESULT is not set')
local TIMEOUT_MS = 20000

local result = { log = {} }

local function finish(failure)
  result.failure = failure
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(failure and 'cquit 1' or 'qall!')
end

-- Every diagnostics notification, newest last, with the document version it was computed for.
local published = {}
local function on_diagnostics(err, params, ctx, config)
  table.insert(published, params)
  vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
end

local function simplify(diagnostics)
  local list = {}
  for _, diagnostic in ipairs(diagnostics) do
    table.insert(list, {
      code = diagnostic.code,
      line = diagnostic.range.start.line + 1,
      severity = diagnostic.severity,
      message = diagnostic.message,
    })
  end
  return list
end

vim.cmd('edit ' .. vim.fn.fnameescape(plan))
local buffer = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buffer)

local client_id = vim.lsp.start_client({
  name = 'kehoach',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(plan, ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = on_diagnostics,
    ['window/logMessage'] = function(_, params)
      table.insert(result.log, params.message)
    end,
  },
  on_exit = function(code)
    if code ~= 0 then finish('the language server exited with code ' .. code) end
  end,
})
if not client_id then finish('the language server could not be started') end
vim.lsp.buf_attach_client(buffer, client_id)

local function latest_for(version)
  for index = #published, 1, -1 do
    local params = published[index]
    if params.uri == uri and (version == nil or params.version == nil or params.version >= version) then
      return params
    end
  end
end

local function wait_for_diagnostics(version)
  local found
  vim.wait(TIMEOUT_MS, function()
    found = latest_for(version)
    return found ~= nil
  end, 20)
  return found
end

local first = wait_for_diagnostics(nil)
if not first then return finish('no diagnostics were published for ' .. uri) end
result.diagnostics = simplify(first.diagnostics)

local missing_section
for _, diagnostic in ipairs(first.diagnostics) do
  if diagnostic.code == 'KH101' then
    missing_section = diagnostic
    break
  end
end
if not missing_section then return finish('no KH101 diagnostic to fix') end

local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = missing_section.range,
  context = { diagnostics = { missing_section }, only = { 'quickfix' } },
}, TIMEOUT_MS)
local actions = (responses and responses[client_id] and responses[client_id].result) or {}
result.actions = {}
for _, action in ipairs(actions) do
  table.insert(result.actions, action.title)
end
local fix = actions[1]
if not fix or not fix.edit then return finish('no quick fix with an edit for KH101') end

local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
local edited_version = vim.lsp.util.buf_versions[buffer]
result.text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n')

local after = wait_for_diagnostics(edited_version)
if not after or after.version ~= edited_version then
  return finish('no diagnostics for the edited version ' .. tostring(edited_version))
end
result.diagnosticsAfterFix = simplify(after.diagnostics)
finish(nil)
