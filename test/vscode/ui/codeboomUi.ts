/** What the UI tests know of Codeboom's own parts of the workbench. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';

/** The extension's status bar item (its id is the extension's id and the item's). */
export function statusItem(workbench: Workbench): Locator {
  return workbench.statusItem('codeboom.codeboom.codeboom.status');
}

/** Waits until the status bar says the language server is running (it has indexed the project by then). */
export async function waitForServer(workbench: Workbench): Promise<void> {
  await statusItem(workbench).locator('[aria-label*="Codeboom is running"]').waitFor({ timeout: 60_000 });
}

/** Line and column (1-based, as Go to Line takes them) of the `nth` occurrence of `needle` in a file. */
export function lineColumnOf(file: string, needle: string, nth = 0): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times in ${path.basename(file)}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
