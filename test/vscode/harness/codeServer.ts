/**
 * code-server on loopback, configured to stay offline: no telemetry, update checks, extension gallery,
 * experiments or workspace trust. It runs in its own process group, and stop() ends the whole group (the
 * server forks an extension host, the language server and file watchers; ending only the first process
 * would leave them behind). If this process exits without stop(), the group is killed on the way out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Settings for a test profile: nothing that phones home, no welcome page, no git, no trust prompts. */
export const offlineSettings: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autofetch': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
  // VS Code for the web saves after a delay by default; desktop VS Code, where the suite also runs, does not.
  'files.autoSave': 'off',
};

export interface CodeServerOptions {
  /** code-server's out/node/entry.js. */
  entry: string;
  userDataDir: string;
  extensionsDir: string;
  /** A folder of this run's own: config, XDG folders and the server's log go here. */
  stateDir: string;
  /** Settings merged over offlineSettings into User/settings.json. */
  settings?: Record<string, unknown>;
}

export interface WorkbenchPage {
  /** The folder to open (absolute). */
  folder?: string;
  /** Extensions to load from source, as with --extensionDevelopmentPath (absolute). */
  extensionDevelopmentPaths?: readonly string[];
  /** A module whose run() the extension host calls, as with --extensionTestsPath (absolute). */
  extensionTestsPath?: string;
}

export interface CodeServer {
  readonly origin: string;
  /** The page that opens a workbench; development and test paths travel in the `payload` parameter. */
  workbenchUrl(page: WorkbenchPage): string;
  /** Settles when the server process exits, with how it exited. */
  readonly exited: Promise<string>;
  /** The last lines the server wrote, for failure messages. */
  logTail(lines?: number): string;
  /** Ends the server and everything it started. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { entry, userDataDir, extensionsDir, stateDir } = options;
  for (const dir of [userDataDir, extensionsDir, stateDir, path.join(userDataDir, 'User')]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...offlineSettings, ...options.settings }, null, 2));

  const port = await freeLoopbackPort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(stateDir, 'config.yaml');
  writeFileSync(config, `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const logFile = path.join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    entry,
    '--config', config,
    '--bind-addr', host,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Without these, even `code-server --version` writes into the home folder.
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
    // An empty gallery: otherwise the server asks Open VSX about extensions.
    EXTENSIONS_GALLERY: '{}',
  };
  // Keep the parent's debugging and loader flags away from the server.
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;

  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('code-server did not start');

  const killOnExit = () => killGroup(pgid, 'SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
  });
  const logTail = (lines = 30) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await endGroup(child, pgid, exited);
      process.off('exit', killOnExit);
      log.end();
    })();
    return stopping;
  };

  const origin = `http://${host}`;
  try {
    await waitUntilHealthy(origin, exited, logTail);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    origin,
    exited,
    logTail,
    stop,
    workbenchUrl(page: WorkbenchPage): string {
      const url = new URL('/', origin);
      if (page.folder) url.searchParams.set('folder', page.folder);
      const payload: [string, string][] = [];
      const remote = (p: string) => `vscode-remote://${host}${pathToFileURL(p).pathname}`;
      for (const p of page.extensionDevelopmentPaths ?? []) payload.push(['extensionDevelopmentPath', remote(p)]);
      if (page.extensionTestsPath) payload.push(['extensionTestsPath', remote(page.extensionTestsPath)]);
      if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
      return url.toString();
    },
  };
}

/**
 * code-server announces readiness only in its log, in words that change between releases; its health
 * endpoint is the documented signal, so poll it (every 100 ms, for at most 60 s).
 */
async function waitUntilHealthy(origin: string, exited: Promise<string>, logTail: () => string): Promise<void> {
  let gone: string | undefined;
  void exited.then((how) => (gone = how));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`code-server ended (${gone}) before it was ready:\n${logTail()}`);
    if ((await statusOf(`${origin}/healthz`)) === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer on ${origin}/healthz within 60 s:\n${logTail()}`);
}

/** The status of a GET, or 0 when nothing answers; no connection is kept open (fetch's would hold the process 4 s). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** SIGTERM to the group, then SIGKILL to whatever is left after 5 s. */
async function endGroup(child: ChildProcess, pgid: number, exited: Promise<string>): Promise<void> {
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  // Only the first process reports its exit; the others are seen by probing the group (no event exists).
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
  clearTimeout(timer);
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await exited;
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone already.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port that was free on 127.0.0.1 a moment ago. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))));
    });
  });
}
