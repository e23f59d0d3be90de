-- Drives Neovim's own LSP client against the Codeboom language server, as a user's editor would, and
-- writes what it saw as JSON for test/nvim/neovim.test.ts to check.
--
-- Run as: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-check.lua' -c 'cquit 2'
-- with CODEBOOM_NVIM_CONFIG naming a JSON file:
--   cmd         the server's command line (a list)
--   root        the project folder (the workspace root)
--   file        the transcript to open
--   out         where to write the findings
--   language    the user's language, sent as an initialisation option
--   hover       {needle, offset}: hover at `offset` bytes into the first `needle` in the buffer
--   rename      {needle, offset, newName}: rename the code there
--   completion  {line, after}: append `line`, complete right after its `after`, accept the first item
--   timeout     milliseconds for each step
-- Exits with `cquit 0` when every step got an answer, `cquit 1` with `failure` set when one did not.

local found = { publishes = {}, progress = {}, logs = {} }
local cfg

local function write_findings()
  local out = assert(io.open(cfg.out, 'w'))
  out:write(vim.json.encode(found))
  out:close()
end

local function read_config()
  local path = os.getenv('CODEBOOM_NVIM_CONFIG')
  assert(path, 'CODEBOOM_NVIM_CONFIG is not set')
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return vim.json.decode(text)
end

local function main()
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'codeboom',
    cmd = cfg.cmd,
    root_dir = cfg.root,
    init_options = { language = cfg.language },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        table.insert(found.publishes, result)
      end,
      ['$/progress'] = function(_, result)
        table.insert(found.progress, result.value)
      end,
      ['window/logMessage'] = function(_, result)
        table.insert(found.logs, result)
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client did not start the server', 0)
  end

  -- Waits for `cond`, failing with `what` on timeout or when the server is gone.
  local function wait(what, cond)
    local ok = vim.wait(cfg.timeout, function()
      return cond() or exited ~= nil
    end, 5)
    if cond() then
      return
    end
    if exited then
      error(string.format('the server exited (code %s, signal %s) while waiting for %s', exited.code, exited.signal, what), 0)
    end
    if not ok then
      error(string.format('timed out after %d ms waiting for %s', cfg.timeout, what), 0)
    end
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  found.uri = uri
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    error('vim.lsp.buf_attach_client refused the buffer', 0)
  end

  wait('the server to answer initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end)

  wait("the end of indexing ($/progress with kind 'end')", function()
    for _, value in ipairs(found.progress) do
      if type(value) == 'table' and value.kind == 'end' then
        return true
      end
    end
    return false
  end)

  -- The latest diagnostics published for the buffer, and whether any came after publish number `since`.
  local function latest(since)
    for i = #found.publishes, since + 1, -1 do
      if found.publishes[i].uri == uri then
        return found.publishes[i]
      end
    end
    return nil
  end
  wait('diagnostics for ' .. uri, function()
    return latest(0) ~= nil
  end)
  found.diagnostics = latest(0).diagnostics

  -- Puts the cursor `offset` bytes into the first `needle` and makes position params as Neovim's own
  -- mappings do (it converts the byte column to the client's offset encoding, UTF-16).
  local function params_at(needle, offset)
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
    for row, line in ipairs(lines) do
      local col = line:find(needle, 1, true)
      if col then
        vim.api.nvim_win_set_cursor(0, { row, col - 1 + offset })
        return vim.lsp.util.make_position_params()
      end
    end
    error('the buffer does not contain ' .. needle, 0)
  end

  local function request(method, params, what)
    local results, err = vim.lsp.buf_request_sync(bufnr, method, params, cfg.timeout)
    if not results then
      error(string.format('no answer to %s within %d ms (%s)', what, cfg.timeout, tostring(err)), 0)
    end
    local answer = results[client_id]
    if not answer then
      error('the codeboom client gave no answer to ' .. what, 0)
    end
    if answer.err then
      error(string.format('%s failed: %s', what, answer.err.message or vim.inspect(answer.err)), 0)
    end
    if answer.result == nil or answer.result == vim.NIL then
      error('the server answered ' .. what .. ' with null', 0)
    end
    return answer.result
  end

  local hover_params = params_at(cfg.hover.needle, cfg.hover.offset)
  found.hover = { position = hover_params.position, result = request('textDocument/hover', hover_params, 'the hover') }

  local rename_params = params_at(cfg.rename.needle, cfg.rename.offset)
  rename_params.newName = cfg.rename.newName
  found.rename = { position = rename_params.position, result = request('textDocument/rename', rename_params, 'the rename') }

  -- Typing a new tag: the buffer changes (Neovim sends didChange), the server flags the open tag, and
  -- completion inside it offers the codes; accepting the first item closes the tag.
  local before_edit = #found.publishes
  local count = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, count, count, true, { cfg.completion.line })
  local typed_row = count -- 0-based row of the new line
  local byte_col = cfg.completion.line:find(cfg.completion.after, 1, true)
  if not byte_col then
    error('the completion line does not contain ' .. cfg.completion.after, 0)
  end
  byte_col = byte_col - 1 + #cfg.completion.after
  local _, utf16_col = vim.str_utfindex(cfg.completion.line, byte_col)
  local completion_params = {
    textDocument = { uri = uri },
    position = { line = typed_row, character = utf16_col },
    context = { triggerKind = 1 },
  }
  local list = request('textDocument/completion', completion_params, 'the completion')
  found.completion = { position = completion_params.position, result = list }

  wait('diagnostics after typing the open tag', function()
    local p = latest(before_edit)
    return p ~= nil and #p.diagnostics > #found.diagnostics
  end)
  found.diagnosticsWhileTyping = latest(before_edit).diagnostics

  local items = list.items or list
  local first = items[1]
  if not first or not first.textEdit then
    error('the completion list has no item with a text edit', 0)
  end
  local before_accept = #found.publishes
  -- A copy: Neovim marks the edits it applies, and the findings keep the server's answer as it was.
  vim.lsp.util.apply_text_edits({ vim.deepcopy(first.textEdit) }, bufnr, 'utf-16')
  found.acceptedLine = vim.api.nvim_buf_get_lines(bufnr, typed_row, typed_row + 1, true)[1]
  wait('diagnostics after accepting the completion', function()
    local p = latest(before_accept)
    return p ~= nil and #p.diagnostics == #found.diagnostics
  end)
  found.diagnosticsAfterCompletion = latest(before_accept).diagnostics

  vim.lsp.stop_client(client_id)
  wait('the server to exit after shutdown', function()
    return exited ~= nil
  end)
  found.exit = exited
end

local loaded, config = pcall(read_config)
if not loaded then
  io.stderr:write('lsp-check.lua: ' .. tostring(config) .. '\n')
  vim.cmd('cquit 1')
end
cfg = config
local ok, err = pcall(main)
if not ok then
  found.failure = tostring(err)
  write_findings()
  vim.cmd('cquit 1')
end
write_findings()
vim.cmd('cquit 0')
