/**
 * How often codes were used, as the editor shows it: one code's segments and participants (a hover, a
 * code lens), the code tree with counts per code (optionally within the documents that have one value of
 * a document variable), and the code × participant matrix. Every count follows the engine's one rule of
 * what counts for a code (`countedCodes` in frequencies.ts).
 */
import { codeCounts, countedCodes } from '../analysis/frequencies';
import { documentVariable } from '../analysis/retrieval';
import { codeLabel, type Code } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import { languageOf } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';
import { buildFrequencyReport, type ReportRow } from '../report/frequencyReport';
import type { ServiceModel } from './model';

/**
 * A code's segments and the number of participants they come from, with its subcodes' when it only
 * groups them. Two numbers: a hover needs no list of participants in natural order, and sorting a
 * thousand of them was most of a hover's time.
 */
export function codeUsage(index: ProjectIndex, code: Code): { segments: number; participants: number } {
  const withInterviewers = index.codebook.settings.countInterviewers;
  const sources = countedCodes(index.codebook, code, { categoriesAddUp: true });
  if (sources.length === 1) {
    const own = index.countsOf(code.path, withInterviewers);
    let segments = 0;
    for (const n of own.values()) segments += n;
    return { segments, participants: own.size };
  }
  const participants = new Set<string>();
  let segments = 0;
  for (const source of sources) {
    for (const [participant, n] of index.countsOf(source.path, withInterviewers)) {
      participants.add(participant);
      segments += n;
    }
  }
  return { segments, participants: participants.size };
}

export interface CountChoices {
  /** Add the segments of every subcode to its parent's. */
  includeSubcodes?: boolean;
  /** Count interviewer turns as well (default: the project's `count_interviewers`). */
  withInterviewers?: boolean;
}

export interface CodeTreeNode {
  path: string;
  label: string;
  color?: string;
  codable: boolean;
  /** Deprecated, or merged into another code. */
  deprecated: boolean;
  definition?: string;
  segments: number;
  participants: number;
  byParticipant: Record<string, number>;
  children: CodeTreeNode[];
}

export interface CodeTree {
  participants: string[];
  nodes: CodeTreeNode[];
  /** The index's revision the counts are of. */
  revision: number;
}

/**
 * The codebook as a tree with counts per code; a category adds up its codes. With `variable`, only the
 * documents whose variable has that value are counted (the tree grouped by a variable).
 */
export function codeTree(model: ServiceModel, choices: CountChoices & { variable?: { name: string; value: string } } = {}): CodeTree {
  const index = model.project.index;
  const codebook = model.project.codebook;
  const variable = choices.variable;
  const counts = codeCounts(index, {
    includeSubcodes: choices.includeSubcodes,
    withInterviewers: choices.withInterviewers,
    categoriesAddUp: true,
    documents: variable ? (document) => documentVariable(document, variable.name) === variable.value : undefined,
  });
  const language = model.labelLanguage;
  const nodeOf = (code: Code): CodeTreeNode => {
    const c = counts.get(code.path)!;
    return {
      path: code.path,
      label: codeLabel(codebook, code, language),
      color: code.color,
      codable: code.codable,
      deprecated: Boolean(code.deprecated) || Boolean(code.mergedInto),
      definition: localize(code.definition, language, codebook.settings.language),
      segments: c.segments,
      participants: c.participants.length,
      byParticipant: Object.fromEntries(c.byParticipant),
      children: code.children.map((p) => nodeOf(codebook.codes.get(p)!)),
    };
  };
  return {
    participants: index.participants(),
    nodes: codebook.roots.map((p) => nodeOf(codebook.codes.get(p)!)),
    revision: index.revision,
  };
}

export interface CountMatrix {
  participants: string[];
  /** Segments per participant over all codes (each segment once). */
  columnTotals: number[];
  rows: ReportRow[];
}

/** The code × participant matrix, labelled in the label language; a category adds up its codes. */
export function countMatrix(model: ServiceModel, choices: CountChoices = {}): CountMatrix {
  const report = buildFrequencyReport(model.project.index, {
    language: languageOf(model.labelLanguage),
    includeSubcodes: choices.includeSubcodes,
    withInterviewers: choices.withInterviewers,
    categoriesAddUp: true,
  });
  return { participants: report.participants, columnTotals: report.columnTotals, rows: report.rows };
}
