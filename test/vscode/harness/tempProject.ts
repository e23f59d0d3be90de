/** Temporary copies of example projects, so that tests in VS Code may edit them. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './install';

export interface TempProject {
  /** The copy's folder, named like the example. */
  root: string;
  remove(): void;
}

export function copyExample(name = 'stay-tuned'): TempProject {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'codeboom-vscode-'));
  const root = path.join(parent, name);
  cpSync(path.join(repoRoot, 'examples', name), root, { recursive: true });
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
