/**
 * `codeboom init [DIR]`: the starter project of the editor's *Create Starter Project* (a codebook and an
 * example transcript), in English or Dutch. A folder that already has a codebook is refused, and no file
 * is ever overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { starterMessage, starterProjectFiles, STARTER_CODEBOOK_PATH } from '../../engine/starter/starterProject';
import { writeAllOrNothing } from '../../node/importFiles';
import { UserError } from '../../node/projectFiles';
import { parseLanguage } from '../cliContext';
import type { Command } from '../command';
import { relative } from '../openProject';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a starter project: a codebook.yaml with a few codes and an example transcript.',
  usage: 'codeboom init [DIR] [--lang en|nl]',
  help: [
    '  DIR     the folder of the new project (default: the current folder); made when it does not exist',
    "  --lang  the language of the codebook and the example (default: your locale's, else English)",
  ].join('\n'),
  options: { lang: { type: 'string' } },
  run(ctx, { positionals, values }) {
    if (positionals.length > 1) throw new UserError(`Give at most one folder. Usage: ${initCommand.usage}`);
    const language = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const dir = path.resolve(ctx.cwd, positionals[0] ?? '.');
    const folder = relative(ctx, dir);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError(starterMessage('not-a-folder', { folder }, language));
    const files = starterProjectFiles(language);
    if (fs.existsSync(path.join(dir, STARTER_CODEBOOK_PATH))) throw new UserError(starterMessage('has-codebook', { folder }, language));
    for (const f of files) {
      const target = path.join(dir, ...f.path.split('/'));
      if (fs.existsSync(target)) throw new UserError(starterMessage('has-file', { file: relative(ctx, target) }, language));
    }
    writeAllOrNothing(dir, files, { force: false, displayRoot: folder });
    ctx.stderr(`${starterMessage('created', { folder, files: files.map((f) => f.path).join(', ') }, language)}\n`);
    return 0;
  },
};
