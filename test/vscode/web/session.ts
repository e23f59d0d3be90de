/**
 * One VS Code for the web tests (a mocha root-hook plugin, loaded with --require): code-server with a copy of
 * the extension that has only its `browser` entry (webExtension.ts), so that it runs in the browser's web
 * worker extension host and its language server in a worker of that worker, on a temporary copy of
 * examples/stay-tuned, in headless Chromium. The workspace is a folder on disk, but the worker cannot
 * reach it: the server reads it through the client's `vscode.workspace.fs`, which is the browser's path.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchOfflineBrowser, type OfflineBrowser } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { findInstall, repoRoot } from '../harness/install';
import { copyExample, type TempProject } from '../harness/tempProject';
import { Workbench } from '../harness/workbench';
import { webExtensionCopy } from './webExtension';

export interface WebSession {
  workbench: Workbench;
  /** The folder of the example's copy that the workbench has open. */
  project: string;
  /** Opens another window on `folder` with the web extension, once the workbench shows; close its page when done. */
  openWindow(folder: string): Promise<Workbench>;
}

let session: WebSession | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

/** The running workbench; only inside tests. */
export function web(): WebSession {
  assert.ok(session, 'the web session did not start (see the error of the "before all" hook)');
  return session;
}

async function cleanUp(): Promise<void> {
  session = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (e) {
      console.error(`cleaning up after the web tests: ${String(e)}`);
    }
  }
}

const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
function onSignal(signal: NodeJS.Signals): void {
  void cleanUp().finally(() => process.exit(signals[signal as keyof typeof signals] ?? 1));
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    for (const s of Object.keys(signals)) process.once(s, onSignal);
    const install = findInstall();
    const extension = webExtensionCopy();
    cleanups.push(() => extension.remove());
    const project: TempProject = copyExample();
    cleanups.push(() => project.remove());
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codeboom-web-'));
    cleanups.push(() => rmSync(stateDir, { recursive: true, force: true }));
    const server: CodeServer = await startCodeServer({
      entry: install.codeServerEntry,
      userDataDir: path.join(stateDir, 'user-data'),
      extensionsDir: path.join(stateDir, 'extensions'),
      stateDir,
      settings: { 'editor.wordWrap': 'on', 'editor.cursorBlinking': 'solid', 'workbench.colorTheme': 'Default Light Modern', 'codeboom.labelLanguage': 'en' },
    });
    cleanups.push(() => server.stop());
    const browser: OfflineBrowser = await launchOfflineBrowser(install.chromium);
    cleanups.push(async () => {
      await browser.close();
      if (browser.blocked.length > 0) console.error(`The workbench tried to leave the machine (blocked):\n  ${browser.blocked.join('\n  ')}`);
    });
    const screenshots = path.resolve(process.env.CODEBOOM_SCREENSHOTS || path.join(repoRoot, 'out/screenshots'), 'web');
    const url = (folder: string) => server.workbenchUrl({ folder, extensionDevelopmentPaths: [extension.root] });
    const workbench = await Workbench.open(await browser.context.newPage(), url(project.root), screenshots);
    const openWindow = async (folder: string) => {
      const other = await browser.context.newPage();
      await other.goto(url(folder));
      await other.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await other.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
      return new Workbench(other, screenshots);
    };
    session = { workbench, project: project.root, openWindow };
  },

  async afterAll(): Promise<void> {
    await cleanUp();
    for (const s of Object.keys(signals)) process.off(s, onSignal);
  },
};
