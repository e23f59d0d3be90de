/**
 * `codeboom check [dir]`: every problem in the codebook and the transcripts, one per line as
 * `file:line:col: severity code: message`, or as JSON. Exits 1 when there is an error.
 */
import * as path from 'node:path';
import type { Diagnostic } from '../../engine/diagnostics';
import { severityTotals } from '../../engine/diagnosticLimit';
import { counted } from '../../engine/messages';
import { CODEBOOK_FILE } from '../../node/projectFiles';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { findingLine, findingsOf, type Finding } from '../findings';
import { inputsOf } from '../outputFile';
import { openProject, relative } from '../openProject';

export const check: Command = {
  name: 'check',
  summary: 'Check the codebook and every transcript; exit 1 when there is an error.',
  usage: 'codeboom check [dir] [--format text|json] [--lang nl|en] [--out FILE]',
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, ['text', 'json'] as const, 'text');
    const language = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = await openProject(ctx, positionals[0], { requireCodebook: false, language, listsFileProblems: true });
    const findings: Finding[] = [];
    // A transcript lists at most a thousand problems; the totals count the ones its last line left out.
    let errors = 0;
    let warnings = 0;
    const add = (file: string, text: string, diagnostics: readonly Diagnostic[]) => {
      const totals = severityTotals(diagnostics);
      errors += totals.errors;
      warnings += totals.warnings;
      for (const f of findingsOf(relative(ctx, path.join(project.root, file)), text, diagnostics, language)) findings.push(f);
    };
    const codebook = project.index.codebook;
    add(CODEBOOK_FILE, codebook.text, codebook.diagnostics);
    for (const { file, problem } of project.fileProblems) add(file, file === CODEBOOK_FILE ? codebook.text : '', [problem]);
    for (const doc of project.index.documents()) {
      if (doc.resolved.diagnostics.length === 0) continue;
      // Columns are counted in characters, so the text is read again for documents with a finding.
      add(doc.id, project.index.parsed(doc.id)?.text ?? '', doc.resolved.diagnostics);
    }

    if (format === 'json') {
      writeOutput(ctx, JSON.stringify(findings, null, 2) + '\n', values.out as string | undefined, inputsOf(project));
    } else {
      const lines = findings.map(findingLine);
      writeOutput(ctx, lines.length ? lines.join('\n') + '\n' : '', values.out as string | undefined, inputsOf(project));
      const docs = project.index.size;
      const summary =
        language === 'nl'
          ? `${counted(errors, 'fout', 'fouten')}, ${counted(warnings, 'waarschuwing', 'waarschuwingen')} in ${counted(docs, 'transcript', 'transcripten')}.`
          : `${counted(errors, 'error', 'errors')}, ${counted(warnings, 'warning', 'warnings')} in ${counted(docs, 'transcript', 'transcripts')}.`;
      ctx.stderr(summary + '\n');
    }
    return errors > 0 ? 1 : 0;
  },
};
