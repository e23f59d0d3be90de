/**
 * One VS Code for all UI tests (a mocha root-hook plugin, loaded with --require): code-server with the
 * extension loaded from this repository, on a temporary copy of examples/stay-tuned, in headless Chromium.
 * Each *.test.ts file is one area of the UI; it gets the workbench with `ui()` and leaves it as it found
 * it (editors may stay open). Screenshots go to out/screenshots/, which git ignores, so a run leaves the clone
 * as it was; CODEBOOM_SCREENSHOTS names another folder (`npm run screenshots` sets it to docs/screenshots to
 * refresh the README's pictures).
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

export interface UiSession {
  workbench: Workbench;
  /** The folder of the example's copy that the workbench has open. */
  project: string;
  /**
   * Opens another window of the same code-server on `folder` (an empty one, say), in a page of its own,
   * once the workbench shows; close its page when done.
   */
  openWindow(folder: string): Promise<Workbench>;
}

let session: UiSession | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

/** The running workbench; only inside tests. */
export function ui(): UiSession {
  assert.ok(session, 'the UI session did not start (see the error of the "before all" hook)');
  return session;
}

async function cleanUp(): Promise<void> {
  session = undefined;
  // Browser first, then the server, then the folders: the reverse of the start.
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (e) {
      console.error(`cleaning up after the UI tests: ${String(e)}`);
    }
  }
}

/** Mocha does not handle Ctrl+C or SIGTERM: clean up, then end as the signal would have. */
const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
function onSignal(signal: NodeJS.Signals): void {
  void cleanUp().finally(() => process.exit(signals[signal as keyof typeof signals] ?? 1));
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    for (const s of Object.keys(signals)) process.once(s, onSignal);
    const install = findInstall();
    const project: TempProject = copyExample();
    cleanups.push(() => project.remove());
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codeboom-ui-'));
    cleanups.push(() => rmSync(stateDir, { recursive: true, force: true }));
    const server: CodeServer = await startCodeServer({
      entry: install.codeServerEntry,
      userDataDir: path.join(stateDir, 'user-data'),
      extensionsDir: path.join(stateDir, 'extensions'),
      stateDir,
      // Transcripts are prose: wrap lines as a researcher would, so a screenshot shows whole turns.
      // A cursor that does not blink looks the same in every screenshot.
      // The example's codebook is Dutch; the README's screenshots show its English labels.
      settings: { 'editor.wordWrap': 'on', 'editor.cursorBlinking': 'solid', 'workbench.colorTheme': 'Default Light Modern', 'codeboom.labelLanguage': 'en' },
    });
    cleanups.push(() => server.stop());
    const browser: OfflineBrowser = await launchOfflineBrowser(install.chromium);
    cleanups.push(async () => {
      await browser.close();
      if (browser.blocked.length > 0) console.error(`The workbench tried to leave the machine (blocked):\n  ${browser.blocked.join('\n  ')}`);
    });
    const page = await browser.context.newPage();
    const screenshots = path.resolve(process.env.CODEBOOM_SCREENSHOTS || path.join(repoRoot, 'out/screenshots'));
    const workbench = await Workbench.open(page, server.workbenchUrl({ folder: project.root, extensionDevelopmentPaths: [repoRoot] }), screenshots);
    const openWindow = async (folder: string) => {
      const other = await browser.context.newPage();
      await other.goto(server.workbenchUrl({ folder, extensionDevelopmentPaths: [repoRoot] }));
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
