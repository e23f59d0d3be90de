/**
 * `codeboom retrieve [dir] --code PATH …`: every quote of one or more codes with its context, participant,
 * place and memos (what MAXQDA calls retrieved segments), as text, Markdown, HTML, CSV or a Word document.
 */
import { documentVariables } from '../../engine/analysis/retrieval';
import { CONTEXT_UNITS, retrieveSegments, unknownCodes, type ContextUnit } from '../../engine/analysis/retrievedSegments';
import { joinList, type Language } from '../../engine/messages';
import type { ProjectIndex } from '../../engine/project/projectIndex';
import { retrievalDocx } from '../../engine/report/retrievedSegmentsDocx';
import { RETRIEVAL_COLUMNS, RETRIEVAL_FORMATS, retrievalReport } from '../../engine/report/retrievedSegmentsReport';
import { editDistance, fold } from '../../engine/text/similarity';
import { UserError } from '../../node/projectFiles';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { inputsOf, writeFileSafely } from '../outputFile';
import { openProject } from '../openProject';

export const retrieveCommand: Command = {
  name: 'retrieve',
  summary: 'List the quotes of one or more codes with their context, participant, place and memos, ready for a results chapter.',
  usage:
    'codeboom retrieve [dir] --code PATH [--code PATH ...] [--all] [--subcodes] [--participant ID] [--where VARIABLE=VALUE ...] [--context none|sentence|paragraph|turn] [--format text|markdown|html|csv|docx] [--interviewers] [--lang nl|en] [--out FILE]',
  help: [
    '  --code PATH     a code whose quotes to retrieve (repeatable)',
    '  --all           only quotes that overlap a quote of every other --code in the same transcript',
    '  --subcodes      each code stands for itself and its subcodes',
    '  --participant   only the quotes of this participant',
    '  --where V=X     only transcripts whose front matter has variable V with value X (repeatable: all must hold)',
    '  --context       what to show around each quote (default sentence): nothing, the sentence before and',
    '                  after (within the speaker turn), the paragraph, or the whole speaker turn',
    '  --format        text (default), markdown, html, csv or docx (a Word document; needs --out)',
    '  --interviewers  include quotes from interviewer turns',
    `  csv columns: ${RETRIEVAL_COLUMNS.join(',')}`,
  ].join('\n'),
  options: {
    code: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    subcodes: { type: 'boolean' },
    participant: { type: 'string' },
    where: { type: 'string', multiple: true },
    context: { type: 'string' },
    format: { type: 'string' },
    interviewers: { type: 'boolean' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const w = retrieveWords(preliminary);
    const format = parseFormat(values.format as string | undefined, RETRIEVAL_FORMATS, 'text');
    const codes = (values.code as string[] | undefined) ?? [];
    if (codes.length === 0) throw new UserError(w.noCode);
    const all = Boolean(values.all);
    if (all && new Set(codes).size < 2) throw new UserError(w.allNeedsTwo);
    const context = (values.context as string | undefined) ?? 'sentence';
    if (!(CONTEXT_UNITS as readonly string[]).includes(context)) throw new UserError(w.badContext(context));
    const where = ((values.where as string[] | undefined) ?? []).map((item) => {
      const m = /^([^=]+)=(.*)$/.exec(item);
      if (!m || m[1].trim() === '') throw new UserError(w.badWhere(item));
      return { variable: m[1].trim(), value: m[2].trim() };
    });
    const out = values.out as string | undefined;
    if (format === 'docx' && !out) throw new UserError(w.docxNeedsOut);

    const project = await openProject(ctx, positionals[0], { requireCodebook: true, language: preliminary });
    const index = project.index;
    const unknown = unknownCodes(index.codebook, codes);
    if (unknown.length > 0) throw new UserError(w.unknownCode(unknown[0].path, unknown[0].nearest));
    const participant = values.participant as string | undefined;
    if (participant !== undefined && !index.participants().includes(participant)) throw new UserError(w.unknownParticipant(participant, index.participants()));
    for (const condition of where) checkCondition(index, condition, w);

    const language = parseLanguage(values.lang as string | undefined, index.codebook.settings.language);
    const result = retrieveSegments(
      index,
      {
        codes,
        mode: all ? 'all' : 'any',
        subcodes: Boolean(values.subcodes),
        participant,
        where,
        context: context as ContextUnit,
        withInterviewers: values.interviewers ? true : undefined,
      },
      language,
    );
    if (format === 'docx') {
      writeFileSafely(ctx, out!, await retrievalDocx(result, language), inputsOf(project));
      ctx.stderr(`Wrote ${out}\n`);
    } else {
      writeOutput(ctx, retrievalReport(result, format, language), out, inputsOf(project));
    }
    return 0;
  },
};

function checkCondition(index: ProjectIndex, { variable, value }: { variable: string; value: string }, w: RetrieveWords): void {
  const variables = documentVariables(index);
  const values = variable === 'participant' ? index.participants() : variables.get(variable);
  if (!values) {
    const known = [...variables.keys(), 'participant'].sort();
    throw new UserError(w.unknownVariable(variable, known.filter((v) => editDistance(fold(v), fold(variable)) <= 2), known));
  }
  if (!values.includes(value)) throw new UserError(w.unknownValue(variable, value, values));
}

const quoted = (items: string[], language: Language, word: 'and' | 'or' = 'and') => joinList(items.map((i) => `'${i}'`), language, word);

const en = {
  noCode: "Give at least one code with --code PATH, e.g. --code afstemmen/geduld; 'codeboom report --format csv' lists the codes.",
  allNeedsTwo: '--all keeps the quotes where several codes meet: give two or more different --code options with it.',
  badContext: (value: string) => `--context must be none, sentence, paragraph or turn, not '${value}'.`,
  badWhere: (value: string) => `--where must be VARIABLE=VALUE, e.g. --where discipline=muziektherapie, not '${value}'.`,
  docxNeedsOut: 'A Word document cannot go to the terminal: give --out FILE.docx with --format docx.',
  unknownCode: (path: string, nearest: string[]) =>
    nearest.length > 0
      ? `'${path}' is not a code in codebook.yaml; did you mean ${quoted(nearest, 'en', 'or')}?`
      : `'${path}' is not a code in codebook.yaml: give a code's path, as 'codeboom report --format csv' lists them.`,
  unknownParticipant: (p: string, known: string[]) => `No transcript has participant '${p}': the participants are ${quoted(known, 'en')}.`,
  unknownVariable: (v: string, near: string[], known: string[]) =>
    near.length > 0
      ? `No transcript has a variable '${v}' in its front matter; did you mean ${quoted(near, 'en', 'or')}? The variables are ${quoted(known, 'en')}.`
      : `No transcript has a variable '${v}' in its front matter: the variables are ${quoted(known, 'en')}.`,
  unknownValue: (v: string, value: string, values: string[]) => `No transcript has ${v} = '${value}': its values are ${quoted(values, 'en')}.`,
};

type RetrieveWords = typeof en;

const nl: RetrieveWords = {
  noCode: "Geef ten minste één code met --code PAD, bijvoorbeeld --code afstemmen/geduld; 'codeboom report --format csv' toont de codes.",
  allNeedsTwo: '--all houdt de citaten waar meerdere codes samenkomen: geef er twee of meer verschillende --code-opties bij.',
  badContext: (value) => `--context moet none, sentence, paragraph of turn zijn, niet '${value}'.`,
  badWhere: (value) => `--where moet VARIABELE=WAARDE zijn, bijvoorbeeld --where discipline=muziektherapie, niet '${value}'.`,
  docxNeedsOut: 'Een Word-document kan niet naar de terminal: geef --out BESTAND.docx bij --format docx.',
  unknownCode: (path, nearest) =>
    nearest.length > 0
      ? `'${path}' is geen code in codebook.yaml; bedoelde je ${quoted(nearest, 'nl', 'or')}?`
      : `'${path}' is geen code in codebook.yaml: geef het pad van een code, zoals 'codeboom report --format csv' ze toont.`,
  unknownParticipant: (p, known) => `Geen transcript heeft deelnemer '${p}': de deelnemers zijn ${quoted(known, 'nl')}.`,
  unknownVariable: (v, near, known) =>
    near.length > 0
      ? `Geen transcript heeft een variabele '${v}' in de front matter; bedoelde je ${quoted(near, 'nl', 'or')}? De variabelen zijn ${quoted(known, 'nl')}.`
      : `Geen transcript heeft een variabele '${v}' in de front matter: de variabelen zijn ${quoted(known, 'nl')}.`,
  unknownValue: (v, value, values) => `Geen transcript heeft ${v} = '${value}': de waarden zijn ${quoted(values, 'nl')}.`,
};

/** The command's sentences in the user's language (LANG), as cliWords.ts gives the others. */
export function retrieveWords(language: Language): RetrieveWords {
  return language === 'nl' ? nl : en;
}
