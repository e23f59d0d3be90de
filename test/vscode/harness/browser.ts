/**
 * Debian's Chromium, headless, driven by playwright-core, that reaches nothing but 127.0.0.1: host names
 * do not resolve, and every request to another address is aborted (and remembered, so a test can say
 * what the workbench tried to reach).
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  /** The URLs of requests that were aborted because they left the machine. */
  blocked: string[];
  /** Leaves every page (so the extension hosts end at once) and closes the browser. */
  close(): Promise<void>;
}

export async function launchOfflineBrowser(executablePath: string, viewport = { width: 1280, height: 800 }): Promise<OfflineBrowser> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // Playwright adds --no-sandbox for this; the sandbox needs user namespaces that containers lack.
    chromiumSandbox: false,
    // The callers handle these and close the browser themselves; Playwright's own handlers would exit the
    // process at once, before code-server and the temporary folders are cleaned up. (On exit Playwright
    // still kills the browser.)
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // A fresh temporary profile comes with launch(); these keep Chromium's own services quiet.
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const blocked: string[] = [];
  try {
    const context = await browser.newContext({ viewport });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        for (const page of context.pages()) {
          // Leave even with unsaved files: the workbench would ask first.
          page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
          await page.goto('about:blank', { timeout: 5_000 }).catch(() => undefined);
        }
        await browser.close();
      })();
      return closing;
    };
    return { browser, context, blocked, close };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

function isLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
