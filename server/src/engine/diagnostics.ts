/**
 * Diagnostics the engine reports. Each has a stable string code that front ends show, filter and attach
 * quick fixes to; the message is built from the code and its arguments in the user's language
 * (see messages.ts), so the engine never stores prose.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Span {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset after the last character. */
  end: number;
}

export const DiagnosticCodes = {
  tagUnclosed: 'tag.unclosed',
  tagMalformed: 'tag.malformed',
  passageUnclosed: 'passage.unclosed',
  passageUnopened: 'passage.unopened',
  passageUncoded: 'passage.uncoded',
  passageMalformed: 'passage.malformed',
  codeUnknown: 'code.unknown',
  codeAlias: 'code.alias',
  codeDeprecated: 'code.deprecated',
  codeMerged: 'code.merged',
  codeNotCodable: 'code.not-codable',
  participantMissing: 'participant.missing',
  frontMatterInvalid: 'frontmatter.invalid',
  frontMatterUnclosed: 'frontmatter.unclosed',
  codebookSyntax: 'codebook.syntax',
  codebookSchema: 'codebook.schema',
  codebookDuplicate: 'codebook.duplicate',
  codebookMergeTarget: 'codebook.merge-target',
  codebookMergeCycle: 'codebook.merge-cycle',
  codebookColor: 'codebook.color',
  codebookAliasConflict: 'codebook.alias-conflict',
  codebookPattern: 'codebook.pattern',
  codebookLanguage: 'codebook.language',
  codebookMissing: 'codebook.missing',
  fileNotUtf8: 'file.not-utf8',
  fileBinary: 'file.binary',
  fileUnreadable: 'file.unreadable',
  fileExtraBom: 'file.extra-bom',
  diagnosticsTruncated: 'diagnostics.truncated',
  projectNoTranscripts: 'project.no-transcripts',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

export const defaultSeverity: Record<DiagnosticCode, Severity> = {
  'tag.unclosed': 'error',
  'tag.malformed': 'error',
  'passage.unclosed': 'error',
  'passage.unopened': 'error',
  'passage.uncoded': 'warning',
  'passage.malformed': 'error',
  'code.unknown': 'error',
  'code.alias': 'warning',
  'code.deprecated': 'warning',
  'code.merged': 'warning',
  'code.not-codable': 'warning',
  'participant.missing': 'warning',
  'frontmatter.invalid': 'error',
  'frontmatter.unclosed': 'error',
  'codebook.syntax': 'error',
  'codebook.schema': 'error',
  'codebook.duplicate': 'error',
  'codebook.merge-target': 'error',
  'codebook.merge-cycle': 'error',
  'codebook.color': 'error',
  'codebook.alias-conflict': 'error',
  'codebook.pattern': 'error',
  'codebook.language': 'warning',
  'codebook.missing': 'error',
  'file.not-utf8': 'warning',
  'file.binary': 'warning',
  'file.unreadable': 'warning',
  'file.extra-bom': 'warning',
  /** Takes the severity of the worst problem it stands for (diagnosticLimit.ts). */
  'diagnostics.truncated': 'information',
  'project.no-transcripts': 'warning',
};

/** Arguments of a message; `suggestions`, `replacement` and similar also drive quick fixes. */
export interface DiagnosticArgs {
  [name: string]: string | number | string[] | undefined;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  span: Span;
  args: DiagnosticArgs;
}

export function diagnostic(code: DiagnosticCode, span: Span, args: DiagnosticArgs = {}): Diagnostic {
  return { code, severity: defaultSeverity[code], span, args };
}
