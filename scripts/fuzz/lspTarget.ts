/**
 * LSP framing: the language server as an editor starts it (`dist/server.js --stdio`), fed frames that are
 * well formed, bodies that are not JSON, and headers that cannot be read (a length that is not a number,
 * negative or too large, no length at all, bytes that are no header). After each case a request follows
 * that any live server answers. The invariant: within the time of a case the server either answers it
 * (it read everything before it, or reported what it could not and went on) or exits, so that its client
 * starts it again. A server that stays alive without answering hangs its editor: that is the failure.
 * One server serves cases until it exits; the next case starts a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { transcriptText } from './generators';
import { ensure, FuzzFailure } from './invariants';
import type { Counts, FuzzTarget } from './target';

/** The repository: the folder above this file (bundled in dist/ or run from scripts/fuzz/) with package.json. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
const ROOT = repositoryRoot();
export const SERVER_SCRIPT = path.join(ROOT, 'dist/server.js');

type Chunk =
  | { kind: 'request'; method: string }
  | { kind: 'notification'; method: string }
  | { kind: 'open'; text: string }
  | { kind: 'split'; pieces: number }
  | { kind: 'body not JSON'; body: string }
  | { kind: 'bad length'; value: string }
  | { kind: 'no length'; header: string }
  | { kind: 'garbage'; text: string };

/** Chunks after which a server cannot know where the next message starts. */
const BROKEN = new Set<Chunk['kind']>(['bad length', 'no length', 'garbage']);

const chunk: fc.Arbitrary<Chunk> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom('codeboom/fuzz', 'textDocument/hover', 'workspace/symbol', 'textDocument/documentSymbol', '') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('notification' as const), method: fc.constantFrom('$/cancelRequest', 'workspace/didChangeConfiguration', '$/setTrace', 'codeboom/unknown') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), text: transcriptText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), pieces: fc.integer({ min: 2, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('body not JSON' as const), body: fc.oneof(fc.constantFrom('', '{', 'null', '[1,2]', '5', '"x"', '{"jsonrpc":"2.0"}', '{"id":1}', '\ufeff{}'), fc.string({ maxLength: 30 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad length' as const), value: fc.constantFrom('abc', '-1', '-0', '', ' ', '1e3', '0x10', '12abc', '2147483648', '9007199254740993', '99999999999999999999', 'NaN', 'Infinity') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('no length' as const), header: fc.constantFrom('Content-Type: application/vscode-jsonrpc; charset=utf-8', 'Content-Lenght: 10', 'X: y', 'no colon here') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ unit: fc.constantFrom(...'abcXYZ019:{}[]" -'.split('')), minLength: 1, maxLength: 20 }) }) },
);

export interface LspCase {
  chunks: Chunk[];
}

function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

const json = (message: object) => frame(JSON.stringify({ jsonrpc: '2.0', ...message }));

/** One running server and what it has said. */
class Server {
  readonly process: ChildProcess;
  private buffer = Buffer.alloc(0);
  private readonly answered = new Set<string | number>();
  private waiters: (() => void)[] = [];
  exited = false;
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [SERVER_SCRIPT, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (d: Buffer) => this.read(d));
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-2000)));
    this.process.stdin!.on('error', () => undefined);
    this.process.on('exit', () => {
      this.exited = true;
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private read(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      let message: { id?: string | number; method?: string };
      try {
        message = JSON.parse(body);
      } catch {
        continue;
      }
      if (message.id !== undefined && message.method !== undefined) {
        // A request of the server's own (configuration, registrations): answer it, as a client does.
        this.write(json({ id: message.id, result: null }));
      } else if (message.id !== undefined) {
        this.answered.add(message.id);
        this.wake();
      }
    }
  }

  write(bytes: Buffer): void {
    if (!this.exited) this.process.stdin!.write(bytes);
  }

  /** Resolves with 'answered' or 'exited', or 'silent' after `ms`. */
  waitFor(id: string | number, ms: number): Promise<'answered' | 'exited' | 'silent'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('silent'), ms);
      const finish = (how: 'answered' | 'exited' | 'silent') => {
        clearTimeout(timer);
        resolve(how);
      };
      const check = () => {
        if (this.answered.has(id)) finish('answered');
        else if (this.exited) finish('exited');
        else this.waiters.push(check);
      };
      check();
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill();
    await exited;
  }
}

export function lspFramingTarget(caseTimeoutMs = 5000): FuzzTarget<LspCase> {
  let server: Server | undefined;
  let next = 0;

  const start = async (): Promise<Server> => {
    const s = new Server();
    const id = `init-${next++}`;
    s.write(json({ id, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    const how = await s.waitFor(id, 30_000);
    if (how !== 'answered') throw new FuzzFailure(`the language server did not answer initialize (${how}): ${s.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    s.write(json({ method: 'initialized', params: {} }));
    return s;
  };

  return {
    name: 'lsp-framing',
    async: true,
    arbitrary: fc.record({ chunks: fc.array(chunk, { minLength: 1, maxLength: 6 }) }),
    setup() {
      if (!fs.existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run npm run build first.`);
    },
    async teardown() {
      await server?.stop();
      server = undefined;
    },
    async check(c: LspCase, counts: Counts) {
      if (!server || server.exited) {
        server = await start();
        counts.add('servers started');
      }
      const s = server;
      const broken = c.chunks.some((k) => BROKEN.has(k.kind));
      for (const k of c.chunks) {
        counts.add(k.kind);
        switch (k.kind) {
          case 'request':
            s.write(json({ id: `r-${next++}`, method: k.method, params: { textDocument: { uri: 'file:///fuzz/T01.txt' }, position: { line: 0, character: 0 }, query: '' } }));
            break;
          case 'notification':
            s.write(json({ method: k.method, params: { id: 1, settings: {}, value: 'off' } }));
            break;
          case 'open':
            s.write(json({ method: 'textDocument/didOpen', params: { textDocument: { uri: `file:///fuzz/T${next++}.txt`, languageId: 'codeboom-transcript', version: 1, text: k.text } } }));
            break;
          case 'split': {
            const bytes = json({ id: `s-${next++}`, method: 'codeboom/fuzz', params: {} });
            const size = Math.ceil(bytes.length / k.pieces);
            for (let at = 0; at < bytes.length; at += size) {
              s.write(bytes.subarray(at, at + size));
              await new Promise((resolve) => setImmediate(resolve));
            }
            break;
          }
          case 'body not JSON':
            s.write(frame(k.body));
            break;
          case 'bad length':
            s.write(Buffer.from(`Content-Length: ${k.value}\r\n\r\n{"jsonrpc":"2.0","method":"x"}`, 'utf8'));
            break;
          case 'no length':
            s.write(Buffer.from(`${k.header}\r\n\r\n{"jsonrpc":"2.0","method":"x"}`, 'utf8'));
            break;
          case 'garbage':
            s.write(Buffer.from(k.text, 'utf8'));
            break;
        }
      }
      const probe = `probe-${next++}`;
      s.write(json({ id: probe, method: 'codeboom/fuzz', params: {} }));
      const how = await s.waitFor(probe, caseTimeoutMs);
      counts.add(`ended ${how}`);
      if (how === 'silent') {
        await s.stop();
        throw new FuzzFailure(
          `the language server neither answered nor exited within ${caseTimeoutMs / 1000} s after ${broken ? 'input it could not read' : 'well-formed input'}: it hangs its editor`,
        );
      }
      ensure(how === 'answered' || broken || c.chunks.some((k) => k.kind === 'body not JSON'), `the language server exited on well-formed input: ${s.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    },
  };
}
