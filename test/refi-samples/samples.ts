/**
 * Where the real exports of other tools are (`npm run test:samples`). They stay in the shared folder
 * beside the repository: they are other projects' data and are not copied into this one. Looked for in
 * CODEBOOM_REFI_SAMPLES, then in a `shared/refi-qda/samples` beside this checkout or any folder above it,
 * then beside the repository it was cloned from. Without them these tests fail at once, saying where
 * they looked; `npm test` does not need them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SAMPLES = findSamples();

function findSamples(): string {
  const tail = path.join('shared', 'refi-qda', 'samples');
  const candidates: string[] = [];
  if (process.env.CODEBOOM_REFI_SAMPLES) candidates.push(process.env.CODEBOOM_REFI_SAMPLES);
  const root = path.resolve(__dirname, '../..');
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, tail));
    if (path.dirname(dir) === dir) break;
  }
  try {
    const origin = execFileSync('git', ['-C', root, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    if (origin && fs.existsSync(path.resolve(root, origin))) {
      // A path to the repository, or to its .git folder.
      const repo = path.resolve(root, origin).replace(/[\\/]\.git[\\/]?$/, '');
      candidates.push(path.join(path.dirname(repo), tail));
    }
  } catch {
    // Not a clone of a local repository.
  }
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'qc-demo.qdpx')));
  if (!found) {
    throw new Error(
      `The REFI-QDA sample exports (shared/refi-qda/samples) were not found in: ${candidates.join(', ')}. ` +
        'Put the shared folder beside the repository, or set CODEBOOM_REFI_SAMPLES to the folder of the samples. ' +
        '(npm test does not need them; only npm run test:samples does.)',
    );
  }
  return found;
}

export const sample = (name: string): Buffer => fs.readFileSync(path.join(SAMPLES, name));
