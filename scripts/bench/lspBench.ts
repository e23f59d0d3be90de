/**
 * The language server measured through the protocol, as an editor sees it: the built server runs as a
 * child process over stdio and every figure is taken on this side of the connection, from sending a
 * message to receiving the answer. In one workspace (the 1,000-transcript corpus): the time to index it
 * on start, the time from a change in a 50 KB transcript to its diagnostics, completion and hover
 * latency, and the server's resident memory after indexing.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ProjectsRequest } from '../../server/src/lsp/protocol';
import { percentile } from './engineBench';

export interface LspFigures {
  documents: number;
  /** From `initialized` to the `end` of the server's indexing progress. */
  indexMs: number;
  /** From `initialized` to the answer of `codeboom/projects`, which waits for indexing. */
  projectsMs: number;
  /** The server's VmRSS after indexing. */
  rssBytes: number;
  /** Size of the transcript that is edited, hovered and completed in. */
  documentBytes: number;
  edits: number;
  diagnosticsMedianMs: number;
  diagnosticsP95Ms: number;
  requests: number;
  completionMedianMs: number;
  completionP95Ms: number;
  hoverMedianMs: number;
  hoverP95Ms: number;
  /** A request the server answers without work (hover outside any tag): the protocol's own share. */
  roundTripMedianMs: number;
  roundTripP95Ms: number;
  /** The machine's 1-minute load average and cores when the latencies were measured: tails depend on them. */
  loadAverage: number;
  cores: number;
}

export interface LspBenchOptions {
  /** didChange → publishDiagnostics round trips measured (after a few unmeasured ones). */
  edits?: number;
  /** Completion and hover requests measured, each. */
  requests?: number;
  /** Arguments for the server's Node, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Milliseconds any one step may take before the benchmark gives up. */
  timeoutMs?: number;
}

const WARM_UP = 20;

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Line starts of a text in UTF-16 units, for LSP positions. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) * 1024;
}

/**
 * Starts `serverJs --stdio` on the project in `dir`, measures, shuts it down. The transcript edited is
 * the one in the middle of the sorted list, as in the engine benchmark.
 */
export async function measureLsp(dir: string, serverJs: string, options: LspBenchOptions = {}): Promise<LspFigures> {
  const edits = options.edits ?? 300;
  const requests = options.requests ?? 300;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  /** Resolves when `test` holds for a message the handlers below pass to `check`; fails after timeoutMs. */
  let waiting: { test: () => boolean; resolve: () => void } | undefined;
  const check = () => {
    if (waiting?.test()) {
      const w = waiting;
      waiting = undefined;
      w.resolve();
    }
  };
  const until = (test: () => boolean, what: string): Promise<void> => {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`LSP benchmark: timed out waiting for ${what}`)), timeoutMs);
      waiting = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  };

  let progressEnded = false;
  let lastPublish: PublishDiagnosticsParams | undefined;
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
    if (p.value?.kind === 'end') progressEnded = true;
    check();
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    lastPublish = p;
    check();
  });
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) process.stderr.write(`server: ${p.message}\n`);
  });
  connection.listen();

  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: path.basename(dir) }],
      locale: 'nl',
      capabilities: { window: { workDoneProgress: true } },
    });

    // Indexing on start: to the end of the progress, and to the answer of a request that waits for it.
    const started = process.hrtime.bigint();
    await connection.sendNotification(InitializedNotification.type, {});
    let projectsMs = 0;
    const projects = connection.sendRequest(ProjectsRequest.type, {}).then((answer) => {
      projectsMs = elapsedMs(started);
      return answer;
    });
    await until(() => progressEnded, 'the end of indexing');
    const indexMs = elapsedMs(started);
    const [project] = await projects;
    if (!project) throw new Error(`LSP benchmark: the server found no project in ${dir}`);
    const rssBytes = residentBytes(child.pid!);

    // The transcript in the middle, opened with a line holding an unknown code in the middle of the text.
    const files = fs.readdirSync(path.join(dir, 'transcripts')).filter((f) => f.endsWith('.txt')).sort();
    const file = path.join(dir, 'transcripts', files[Math.floor(files.length / 2)]);
    const uri = pathToFileURL(file).href;
    const original = fs.readFileSync(file, 'utf8');
    const participant = /^participant: (.+)$/m.exec(original)?.[1] ?? 'T1';
    const middle = original.indexOf('\n\n', Math.floor(original.length / 2)) + 2;
    const name = (i: number) => `w${String(i).padStart(5, '0')}`;
    const line = `${participant}= Nog even dit. [[onbekend/${name(0)}]]\n\n`;
    const text = original.slice(0, middle) + line + original.slice(middle);
    const starts = lineStarts(text);
    const nameStart = positionAt(starts, middle + line.indexOf(name(0)));
    const nameRange = { start: nameStart, end: { line: nameStart.line, character: nameStart.character + name(0).length } };
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'codeboom-transcript', version: 1, text },
    });
    const shows = (i: number) => () =>
      lastPublish?.uri === uri && lastPublish.diagnostics.some((d) => d.code === 'code.unknown' && (d.data as { path?: string } | undefined)?.path === `onbekend/${name(i)}`);
    await until(shows(0), 'the diagnostics of the opened transcript');

    // Each change renames the unknown code, so each one must be answered by a new publish that names it.
    const diagnosticTimes: number[] = [];
    for (let i = 1; i <= WARM_UP + edits; i++) {
      const start = process.hrtime.bigint();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: i + 1 },
        contentChanges: [{ range: nameRange, text: name(i) }],
      });
      await until(shows(i), `the diagnostics after change ${i}`);
      if (i > WARM_UP) diagnosticTimes.push(elapsedMs(start));
    }

    // Completion just after `[[` and a few letters of existing tags; hover in the middle of their paths.
    const tags = [...text.matchAll(/\[\[([a-z/-]+)(?:\]\]| \|)/g)].map((m) => ({ at: m.index!, path: m[1] }));
    if (tags.length === 0) throw new Error('LSP benchmark: the transcript has no tags');
    const completionTimes: number[] = [];
    const hoverTimes: number[] = [];
    const roundTripTimes: number[] = [];
    for (let i = 0; i < WARM_UP + requests; i++) {
      const tag = tags[(i * 7) % tags.length];
      const typed = 1 + (i % Math.min(6, tag.path.length));
      let start = process.hrtime.bigint();
      const list = await connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positionAt(starts, tag.at + 2 + typed),
      });
      const completionMs = elapsedMs(start);
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      if (!items.some((item) => item.label === tag.path)) throw new Error(`LSP benchmark: completion of ${tag.path.slice(0, typed)} did not offer ${tag.path}`);
      start = process.hrtime.bigint();
      const hover = await connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionAt(starts, tag.at + 2 + Math.floor(tag.path.length / 2)),
      });
      const hoverMs = elapsedMs(start);
      if (!hover) throw new Error(`LSP benchmark: no hover on [[${tag.path}]]`);
      start = process.hrtime.bigint();
      const nothing = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      const roundTripMs = elapsedMs(start);
      if (nothing) throw new Error('LSP benchmark: a hover on the front matter answered something');
      if (i >= WARM_UP) {
        completionTimes.push(completionMs);
        hoverTimes.push(hoverMs);
        roundTripTimes.push(roundTripMs);
      }
    }

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000).unref())]);
    if (code !== 0) throw new Error(`LSP benchmark: the server ended with ${code} after exit`);

    return {
      documents: project.documents,
      indexMs,
      projectsMs,
      rssBytes,
      documentBytes: Buffer.byteLength(text),
      edits,
      diagnosticsMedianMs: percentile(diagnosticTimes, 50),
      diagnosticsP95Ms: percentile(diagnosticTimes, 95),
      requests,
      completionMedianMs: percentile(completionTimes, 50),
      completionP95Ms: percentile(completionTimes, 95),
      hoverMedianMs: percentile(hoverTimes, 50),
      hoverP95Ms: percentile(hoverTimes, 95),
      roundTripMedianMs: percentile(roundTripTimes, 50),
      roundTripP95Ms: percentile(roundTripTimes, 95),
      loadAverage: os.loadavg()[0],
      cores: os.cpus().length,
    };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** The figures as a Markdown section for the output and BENCHMARKS.md. */
export function lspSection(f: LspFigures): { title: string; markdown: string } {
  const verdict = (value: number, target: number) => (value < target ? 'met' : '**missed**');
  return {
    title: 'Language server',
    markdown: `The built server (\`node dist/server.js --stdio\`) in the ${f.documents}-transcript workspace, measured
from a client over stdio: every time is from sending a message to receiving the answer, so it includes
JSON-RPC and the pipe. The edited transcript is ${(f.documentBytes / 1024).toFixed(0)} KB; each change renames an
unknown code in it, so each is answered by a new \`publishDiagnostics\`. Completion is asked after \`[[\` and
one to six letters of its existing tags, hover in the middle of them; ${WARM_UP} of each first, unmeasured.
The last row is a hover on the front matter, which the server answers with nothing: the time the protocol, the
pipe and the scheduler take by themselves.

| measure | median (ms) | 95th percentile (ms) | target | |
|--|--:|--:|--|--|
| \`didChange\` → \`publishDiagnostics\` (${f.edits} changes) | ${ms(f.diagnosticsMedianMs)} | ${ms(f.diagnosticsP95Ms)} | median < 10 ms | ${verdict(f.diagnosticsMedianMs, 10)} |
| completion inside \`[[\` (${f.requests} requests) | ${ms(f.completionMedianMs)} | ${ms(f.completionP95Ms)} | p95 < 5 ms | ${verdict(f.completionP95Ms, 5)} |
| hover on a tag (${f.requests} requests) | ${ms(f.hoverMedianMs)} | ${ms(f.hoverP95Ms)} | p95 < 2 ms | ${verdict(f.hoverP95Ms, 2)} |
| a request answered without work (${f.requests} requests) | ${ms(f.roundTripMedianMs)} | ${ms(f.roundTripP95Ms)} | | |

Indexing on start (\`initialized\` → progress \`end\`): ${ms(f.indexMs)} ms (\`codeboom/projects\` answered after
${ms(f.projectsMs)} ms). The server's resident memory after indexing (VmRSS): ${(f.rssBytes / 1024 / 1024).toFixed(0)} MB.
The machine's 1-minute load average after the latencies were measured: ${f.loadAverage.toFixed(1)} on ${f.cores} cores.`,
  };
}
