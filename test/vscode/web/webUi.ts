/** What the web tests read from the workbench beyond what the UI tests know (../ui/codeboomUi.ts). */
import type { Workbench } from '../harness/workbench';
import { statusItem } from '../ui/codeboomUi';

/**
 * The server's first indexing as the extension logs it ("Indexed 12 transcripts in 840 ms from the server's
 * start."): shows the Codeboom log in the panel and reads the line there.
 */
export async function indexedFromLog(workbench: Workbench): Promise<{ transcripts: number; milliseconds: number }> {
  // The extension has activated once its status item shows (the server may still be indexing).
  await statusItem(workbench).waitFor({ timeout: 120_000 });
  await workbench.runCommand('Codeboom: Show Log');
  // Monaco draws spaces as no-break spaces, which \s matches.
  const pattern = /Indexed\s(\d+)\stranscripts\sin\s(\d+)\sms/;
  const line = workbench.page.locator('.part.panel .view-lines .view-line', { hasText: pattern }).first();
  await line.waitFor({ timeout: 600_000 });
  const [, transcripts, milliseconds] = pattern.exec(await line.innerText())!;
  await workbench.runCommand('View: Hide Panel');
  return { transcripts: Number(transcripts), milliseconds: Number(milliseconds) };
}
