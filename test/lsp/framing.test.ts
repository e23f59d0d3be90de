/**
 * The language server as an editor starts it (`codeboom lsp --stdio`, a process of its own): a message it
 * cannot read ends it with one line on stderr and a non-zero exit, so that the editor starts it again, instead
 * of a server that lives on and never answers.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { MAX_MESSAGE_BYTES } from '../../server/src/lsp/framing';

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the next message the server writes whose id is `id`. */
  response(id: number): Promise<{ id: number; result?: unknown; error?: unknown }>;
}

function startServer(): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/codeboom.js'), 'lsp', '--stdio'], { cwd: ROOT });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => (stderr += t));
  let out = Buffer.alloc(0);
  const messages: { id?: number }[] = [];
  const waiting: { id: number; resolve: (m: never) => void }[] = [];
  child.stdout.on('data', (data: Buffer) => {
    out = Buffer.concat([out, data]);
    for (;;) {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(out.subarray(0, end).toString('ascii'))![1]);
      if (out.length < end + 4 + length) return;
      const message = JSON.parse(out.subarray(end + 4, end + 4 + length).toString('utf8')) as { id?: number };
      out = out.subarray(end + 4 + length);
      messages.push(message);
      for (const w of waiting.filter((x) => x.id === message.id)) w.resolve(message as never);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stderr: () => stderr,
    exited,
    response: (id) => {
      const known = messages.find((m) => m.id === id);
      return known ? Promise.resolve(known as never) : new Promise((resolve) => waiting.push({ id, resolve }));
    },
  };
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

describe('language server framing over stdio', () => {
  before(function () {
    this.timeout(60_000);
    // The test runs the program as editors do, so it needs the bundles of the current sources.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  const broken: { what: string; bytes: string; line: RegExp }[] = [
    { what: 'a length that is not a number', bytes: 'Content-Length: abc\r\n\r\n{}', line: /Content-Length 'abc' is not a number of bytes/ },
    { what: 'a negative length', bytes: 'Content-Length: -5\r\n\r\n{}', line: /Content-Length '-5' is not a number of bytes/ },
    { what: 'a number followed by letters', bytes: 'Content-Length: 2x\r\n\r\n{}', line: /Content-Length '2x' is not a number of bytes/ },
    { what: 'a length above the maximum', bytes: `Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`, line: /more than the 64 MB/ },
    { what: 'a header line without a colon', bytes: 'Content-Length 2\r\n\r\n{}', line: /header line 'Content-Length 2' has no ':'/ },
    { what: 'a header without Content-Length', bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', line: /no Content-Length/ },
    { what: 'a body that is not JSON', bytes: frame('{"jsonrpc": "2.0", "id": 2, "method": '), line: /message body is not JSON/ },
    { what: 'a body that is not UTF-8', bytes: 'Content-Length: 4\r\n\r\n"\xff\xfe"', line: /message body is not JSON/ },
    { what: 'a body that is JSON but no message', bytes: frame('[1, 2]'), line: /not a JSON-RPC message/ },
    { what: 'a header that never ends', bytes: `X-Padding: ${'a'.repeat(9000)}`, line: /header .*longer than 8 KB/ },
    { what: 'a message without any header', bytes: '{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}', line: /starts with '\{"jsonrpc": "2.0", "id": 2, "method": "s…' instead of a header such as Content-Length/ },
    { what: 'header lines ended by a bare line feed', bytes: 'Content-Length: 2\n\n{}', line: /bare line feed instead of \\r\\n/ },
    { what: 'a header line without a colon before the header is complete', bytes: 'garbage\r\n', line: /header line 'garbage' has no ':'/ },
  ];

  for (const { what, bytes, line } of broken) {
    it(`ends with one line on stderr and exit status 2 after ${what}`, async () => {
      const run = startServer();
      try {
        run.child.stdin.write(initialize);
        const answer = await run.response(1);
        assert.ok(answer.result, 'a valid message before the broken one is answered');
        run.child.stdin.write(Buffer.from(bytes, 'latin1'));
        const status = await run.exited;
        assert.equal(status, 2);
        const lines = run.stderr().split('\n').filter((l) => l !== '');
        assert.equal(lines.length, 1, `one line on stderr, got: ${run.stderr()}`);
        assert.match(lines[0], /^codeboom lsp: /);
        assert.match(lines[0], line);
        assert.match(lines[0], /the server stops so that the editor can start it again/);
      } finally {
        run.child.kill();
      }
    });
  }

  it('writes its line in the language the client asked for', async () => {
    const run = startServer();
    try {
      run.child.stdin.write(
        frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { language: 'nl' } } })),
      );
      await run.response(1);
      run.child.stdin.write('Content-Length: abc\r\n\r\n');
      assert.equal(await run.exited, 2);
      assert.equal(
        run.stderr(),
        "codeboom lsp: de editor stuurde een bericht dat de server niet kan lezen (Content-Length 'abc' is geen aantal bytes); de server stopt zodat de editor hem opnieuw kan starten.\n",
      );
    } finally {
      run.child.kill();
    }
  });

  it('ends with status 0 after shutdown and exit, and 1 when its input closes without them', async () => {
    const polite = startServer();
    polite.child.stdin.write(initialize);
    await polite.response(1);
    polite.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' })));
    await polite.response(2);
    polite.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
    assert.equal(await polite.exited, 0);

    const abrupt = startServer();
    abrupt.child.stdin.write(initialize);
    await abrupt.response(1);
    abrupt.child.stdin.end();
    assert.equal(await abrupt.exited, 1);
    assert.equal(abrupt.stderr(), '');
  });

  it('reads a message split into many small writes and two messages in one write', async () => {
    const run = startServer();
    try {
      for (let i = 0; i < initialize.length; i += 7) run.child.stdin.write(initialize.slice(i, i + 7));
      await run.response(1);
      run.child.stdin.write(
        frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'workspace/symbol', params: { query: 'é' } })) +
          frame(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'shutdown' })),
      );
      assert.deepEqual((await run.response(2)).result, []);
      assert.equal((await run.response(3)).result, null);
    } finally {
      run.child.kill();
    }
  });
});
