/**
 * `codeboom import FILE...` for transcripts as they arrive (Word, WebVTT, SubRip, Whisper JSON,
 * oTranscribe): one transcript per file, named after it, written into --into DIR or, inside a project,
 * into the folder its transcript patterns name. Each file goes on its own: one that is refused (not what
 * its name says, or a transcript of that name exists and --force was not given) gets one sentence and
 * nothing is written for it, the others are still imported, and the exit status is then 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCodebook } from '../../engine/codebook/codebook';
import type { Language } from '../../engine/messages';
import { newTranscriptFolder, transcriptMatcher, type ProjectSettings } from '../../engine/project/settings';
import { importMessage, importTranscript, transcriptFileName, type ImportMessage } from '../../engine/import/transcriptImport';
import { writeAllOrNothing } from '../../node/importFiles';
import { CODEBOOK_FILE, UserError } from '../../node/projectFiles';
import { parseLanguage, type CliContext } from '../cliContext';
import type { ParsedArguments } from '../command';
import { relative } from '../openProject';

export async function importTranscripts(ctx: CliContext, { positionals, values }: ParsedArguments): Promise<number> {
  const lang: Language = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
  const say = (m: ImportMessage): void => ctx.stderr(`${importMessage(m, lang)}\n`);
  const into = values.into as string | undefined;
  const dir = into !== undefined ? path.resolve(ctx.cwd, into) : defaultFolder(ctx.cwd);
  if (into !== undefined && !(fs.existsSync(dir) && fs.statSync(dir).isDirectory())) {
    throw new UserError(importMessage({ code: 'import.no-folder', args: { folder: into } }, lang));
  }
  const project = projectAround(dir);
  const written = new Set<string>();
  let refused = 0;
  for (const file of positionals) {
    const fail = (m: ImportMessage): void => {
      ctx.stderr(`error: ${importMessage(m, lang)}\n`);
      refused++;
    };
    const bytes = readSource(path.resolve(ctx.cwd, file), file);
    if ('code' in bytes) {
      fail(bytes);
      continue;
    }
    const result = await importTranscript(file, bytes, { language: lang });
    if (!result.ok) {
      fail(result.problem);
      continue;
    }
    const name = transcriptFileName(file);
    const target = path.join(dir, name);
    const shown = relative(ctx, target);
    if (written.has(name)) {
      fail({ code: 'import.same-name', args: { file, target: shown } });
      continue;
    }
    if (fs.existsSync(target) && !values.force) {
      fail({ code: 'import.exists', args: { file, target: shown } });
      continue;
    }
    try {
      writeAllOrNothing(dir, [{ path: name, content: result.transcript.text }], { force: true, displayRoot: relative(ctx, dir) });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      ctx.stderr(`error: ${e.message}\n`);
      refused++;
      continue;
    }
    written.add(name);
    for (const w of result.transcript.warnings) ctx.stderr(`warning: ${importMessage(w, lang)}\n`);
    const speakers = result.transcript.speakers;
    say({ code: 'import.wrote', args: { target: shown, speakers: speakers.length, labels: speakers.map((s) => (s.label === s.name ? s.label : `${s.label} = ${s.name}`)).join(', ') } });
    if (project && !project.isTranscript(path.relative(project.root, target).split(path.sep).join('/'))) {
      ctx.stderr(`warning: ${importMessage({ code: 'import.not-matched', args: { target: shown, patterns: project.patterns } }, lang)}\n`);
    }
  }
  say({ code: 'import.summary', args: { written: written.size, total: positionals.length } });
  return refused > 0 ? 2 : 0;
}

function readSource(file: string, shown: string): Uint8Array | ImportMessage {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { code: 'import.missing', args: { file: shown } };
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'import.missing', args: { file: shown } };
    return { code: 'import.unreadable', args: { file: shown, detail: code ?? String(e) } };
  }
}

interface ProjectAround {
  root: string;
  patterns: string;
  isTranscript: (relPath: string) => boolean;
  settings: ProjectSettings;
}

/** The project (the nearest folder with codebook.yaml) that holds `dir`, if any. */
function projectAround(dir: string): ProjectAround | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const codebook = path.join(d, CODEBOOK_FILE);
    if (fs.existsSync(codebook)) {
      let text = '';
      try {
        text = fs.readFileSync(codebook, 'utf8');
      } catch {
        // An unreadable codebook: its defaults serve.
      }
      const settings = parseCodebook(text).settings;
      return { root: d, patterns: settings.transcripts.join(', '), isTranscript: transcriptMatcher(settings), settings };
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** Without --into: inside a project, the folder its transcript patterns name (see newTranscriptFolder); elsewhere, the current folder. */
function defaultFolder(cwd: string): string {
  const project = projectAround(cwd);
  if (!project) return path.resolve(cwd);
  return path.join(project.root, ...newTranscriptFolder(project.settings).split('/').filter(Boolean));
}
