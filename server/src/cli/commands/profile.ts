/**
 * `codeboom profile PARTICIPANT [dir]`: every code of one participant, with the quotes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { joinList } from '../../engine/messages';
import { buildParticipantProfile, profileHtml, profileMarkdown, profileText } from '../../engine/report/participantProfile';
import { UserError } from '../../node/projectFiles';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { inputsOf } from '../outputFile';
import { openProject } from '../openProject';

const FORMATS = ['text', 'markdown', 'json', 'html'] as const;

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Show one participant: their transcripts and variables, and every code they were coded with, with the quotes.',
  usage: 'codeboom profile PARTICIPANT [dir] [--format text|markdown|json|html] [--lang nl|en] [--out FILE]',
  help: '  PARTICIPANT     as the report names them, e.g. T9 (the front matter\'s participant, or a speaker label)',
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, FORMATS, 'text');
    const participant = positionals[0];
    if (participant === undefined) throw new UserError('Name the participant: codeboom profile T9 [dir].');
    const dir = positionals[1];
    if (dir !== undefined && !isFolder(path.resolve(ctx.cwd, dir)) && isFolder(path.resolve(ctx.cwd, participant))) {
      throw new UserError(`Name the participant first, then the folder: codeboom profile ${dir} ${participant}`);
    }
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = await openProject(ctx, positionals[1], { requireCodebook: true, language: preliminary });
    const index = project.index;
    const language = parseLanguage(values.lang as string | undefined, index.codebook.settings.language);
    const profile = buildParticipantProfile(index, participant, language);
    if (!profile) {
      const known = index.participants();
      const shown = known.length > 12 ? [...known.slice(0, 12), '…'] : known;
      throw new UserError(
        known.length > 0
          ? `No participant '${participant}' in this project: the participants are ${joinList(shown, 'en')}.`
          : `No participant '${participant}' in this project: it has no transcripts yet.`,
      );
    }
    const text =
      format === 'markdown'
        ? profileMarkdown(profile)
        : format === 'json'
          ? JSON.stringify(profile, null, 2) + '\n'
          : format === 'html'
            ? profileHtml(profile)
            : profileText(profile);
    writeOutput(ctx, text, values.out as string | undefined, inputsOf(project));
    return 0;
  },
};

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
