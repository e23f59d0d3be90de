/**
 * Writing what an import produced: every file of the plan, or none. Existing files are not replaced
 * unless the user asked (`--force`); when any write fails, the files already written are removed and the
 * replaced ones put back.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './projectFiles';

export interface FileToWrite {
  /** Relative to the target folder, with `/`. */
  path: string;
  content: string | Uint8Array;
}

export interface WriteOptions {
  force: boolean;
  /** How the folder is named in messages. */
  displayRoot?: string;
}

export function writeAllOrNothing(root: string, files: readonly FileToWrite[], options: WriteOptions): string[] {
  const shown = options.displayRoot ?? root;
  const targets = files.map((f) => {
    const target = path.resolve(root, f.path);
    const rel = path.relative(path.resolve(root), target);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UserError(`Refusing to write ${f.path}: it is outside ${shown}.`);
    }
    return target;
  });
  const folder = targets.find((t) => fs.existsSync(t) && fs.statSync(t).isDirectory());
  if (folder) throw new UserError(`${path.relative(root, folder).split(path.sep).join('/')} in ${shown} is a folder: choose another name.`);
  const existing = targets.filter((t) => fs.existsSync(t));
  if (existing.length > 0 && !options.force) {
    const first = path.relative(root, existing[0]).split(path.sep).join('/');
    const more = existing.length > 1 ? ` and ${existing.length - 1} other file${existing.length === 2 ? '' : 's'}` : '';
    throw new UserError(`${shown} already has ${first}${more}: import into a new folder, or add --force to overwrite.`);
  }

  const createdDirs: string[] = [];
  const temps: string[] = [];
  const backups: [string, string][] = [];
  const placed: string[] = [];
  const suffix = `.codeboom-${process.pid}`;
  try {
    targets.forEach((target, i) => {
      const dir = path.dirname(target);
      if (!fs.existsSync(dir)) {
        const first = fs.mkdirSync(dir, { recursive: true });
        if (first) createdDirs.push(first);
      }
      const temp = `${target}${suffix}.tmp`;
      fs.writeFileSync(temp, files[i].content);
      temps.push(temp);
    });
    targets.forEach((target, i) => {
      if (fs.existsSync(target)) {
        const backup = `${target}${suffix}.old`;
        fs.renameSync(target, backup);
        backups.push([target, backup]);
      }
      fs.renameSync(temps[i], target);
      placed.push(target);
    });
  } catch (e) {
    for (const t of placed) fs.rmSync(t, { force: true });
    for (const [target, backup] of backups) fs.renameSync(backup, target);
    for (const t of temps) fs.rmSync(t, { force: true });
    for (const d of createdDirs.reverse()) fs.rmSync(d, { recursive: true, force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError(`Could not write into ${shown} (${code}), so nothing was imported: check that the folder is writable.`);
  }
  for (const [, backup] of backups) fs.rmSync(backup, { force: true });
  return targets;
}

/** Reads a file to import, refusing one too large to be a REFI-QDA export Codeboom can use. */
export function readImportFile(file: string, shown: string): Uint8Array {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UserError(`${shown} is not a file: give the path of a .qdc or .qdpx file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`There is no file ${shown}: give the path of a .qdc or .qdpx file.`);
  }
  if (size > 1024 * 1024 * 1024) throw new UserError(`${shown} is larger than 1 GiB: export it again without media files.`);
  return fs.readFileSync(file);
}
