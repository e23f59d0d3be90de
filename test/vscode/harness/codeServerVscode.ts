/**
 * A VS Code "executable" for @vscode/test-electron and @vscode/test-cli on machines without desktop VS Code:
 * it takes the desktop command line of a test run, starts code-server with the same extension under
 * development and tests, opens the workbench in headless Chromium, prints what the extension host
 * logs, and exits with the code the tests ended with. scripts/e2e/code-server-vscode runs it.
 *
 * Understood: --extensionTestsPath=, --extensionDevelopmentPath= (repeatable), --user-data-dir=,
 * --extensions-dir= (also with a space instead of =), and a folder to open. Other flags that the runners
 * pass for Electron (--no-sandbox, --disable-updates, --disable-extensions, ...) are ignored.
 *
 * CODEBOOM_E2E_TIMEOUT (seconds, default 600) bounds a run; CODEBOOM_E2E_VERBOSE=1 also prints the
 * page's own console errors and the requests that were kept from leaving the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchOfflineBrowser, type OfflineBrowser } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { findInstall, SetupMissingError } from './install';

export interface DesktopArgs {
  extensionTestsPath?: string;
  extensionDevelopmentPaths: string[];
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
  ignored: string[];
}

export function parseDesktopArgs(argv: readonly string[], cwd = process.cwd()): DesktopArgs {
  const out: DesktopArgs = { extensionDevelopmentPaths: [], ignored: [] };
  const valued = new Set(['extensionTestsPath', 'extensionDevelopmentPath', 'user-data-dir', 'extensions-dir']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.folder = path.resolve(cwd, arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!valued.has(name)) {
      out.ignored.push(arg);
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new Error(`${arg} needs a value`);
    const value = path.resolve(cwd, raw);
    if (name === 'extensionTestsPath') out.extensionTestsPath = value;
    else if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPaths.push(value);
    else if (name === 'user-data-dir') out.userDataDir = value;
    else out.extensionsDir = value;
  }
  return out;
}

/** Runs the tests; resolves with the exit code to use (130 when `signal` aborts the run). */
export async function runInCodeServer(args: DesktopArgs, signal: AbortSignal): Promise<number> {
  if (!args.extensionTestsPath) throw new Error('code-server-vscode runs extension tests only: pass --extensionTestsPath=');
  const install = findInstall();
  const verbose = process.env.CODEBOOM_E2E_VERBOSE === '1';
  const timeoutSeconds = Number(process.env.CODEBOOM_E2E_TIMEOUT || 600);
  const t0 = Date.now();
  const step = (what: string) => verbose && console.error(`code-server-vscode: ${what} at ${((Date.now() - t0) / 1000).toFixed(2)} s`);
  const interrupted = new Promise<number>((resolve) => {
    if (signal.aborted) resolve(130);
    else signal.addEventListener('abort', () => resolve(130), { once: true });
  });
  /** Each step of the start gives way to an interruption (what it started is ended on exit). */
  const unlessInterrupted = async <T>(work: Promise<T>): Promise<T> => {
    const result = await Promise.race([work.then((value) => ({ value })), interrupted.then(() => undefined)]);
    if (!result) throw new Interrupted();
    return result.value;
  };
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codeboom-code-server-'));
  let server: CodeServer | undefined;
  let browser: OfflineBrowser | undefined;
  try {
    server = await unlessInterrupted(
      startCodeServer({
        entry: install.codeServerEntry,
        userDataDir: args.userDataDir ?? path.join(stateDir, 'user-data'),
        extensionsDir: args.extensionsDir ?? path.join(stateDir, 'extensions'),
        stateDir,
      }),
    );
    step('code-server ready');
    browser = await unlessInterrupted(launchOfflineBrowser(install.chromium));
    step('Chromium ready');
    const page = await browser.context.newPage();

    let settle: (code: number) => void = () => undefined;
    const ended = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${formatLogMessage(message)}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => settle(typeof code === 'number' ? code : 1));
    page.on('crash', () => {
      console.error('code-server-vscode: the browser page crashed');
      settle(1);
    });
    if (verbose) {
      page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && console.error(`[page console] ${m.text()}`));
      page.on('response', (r) => r.status() >= 400 && console.error(`[page] ${r.status()} ${r.url()}`));
    }
    let done = false;
    const running = server;
    const serverGone = running.exited.then((how) => {
      if (!done) console.error(`code-server-vscode: code-server ended (${how}) before the tests did:\n${running.logTail()}`);
      return 1;
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`code-server-vscode: the tests did not end within ${timeoutSeconds} s`);
        resolve(1);
      }, timeoutSeconds * 1000);
    });

    // Only until the page answers: the workbench goes on loading, and the tests report through the two
    // functions above.
    const url = server.workbenchUrl({ folder: args.folder, extensionDevelopmentPaths: args.extensionDevelopmentPaths, extensionTestsPath: args.extensionTestsPath });
    await unlessInterrupted(page.goto(url, { waitUntil: 'commit' }));
    step('workbench page opened');
    const code = await Promise.race([ended, serverGone, interrupted, timedOut]);
    step(`tests ended with exit code ${code}`);
    done = true;
    clearTimeout(timer);
    if (verbose && browser.blocked.length > 0) console.error(`code-server-vscode: kept from the network:\n  ${browser.blocked.join('\n  ')}`);
    return code;
  } catch (e) {
    if (e instanceof Interrupted) return 130;
    throw e;
  } finally {
    await browser?.close().catch((e: unknown) => console.error(`code-server-vscode: closing the browser: ${String(e)}`));
    step('browser closed');
    await server?.stop();
    step('code-server stopped');
    rmSync(stateDir, { recursive: true, force: true });
  }
}

class Interrupted extends Error {}

/** The workbench hands over console calls as their arguments (or their JSON): `["%s passing", 5]`. */
export function formatLogMessage(message: unknown): string {
  if (Array.isArray(message)) return format(...(message as unknown[]));
  if (typeof message !== 'string') return JSON.stringify(message);
  try {
    const args: unknown = JSON.parse(message);
    if (Array.isArray(args)) return format(...(args as unknown[]));
  } catch {
    // Not JSON: print it as it is.
  }
  return message;
}

export async function main(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  let code = 1;
  try {
    code = await runInCodeServer(parseDesktopArgs(argv), controller.signal);
  } catch (e) {
    console.error(e instanceof SetupMissingError ? e.message : `code-server-vscode: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  // Exit now even if an interrupted start left work behind; the exit handlers end what it started.
  process.exit(code);
}
