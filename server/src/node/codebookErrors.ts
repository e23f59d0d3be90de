/**
 * The rule for commands that report on codes: a codebook with errors is not used. A codebook that did
 * not parse, an empty one, `codes: 5` or a misspelt `kodes:` would otherwise give a report without codes
 * that looks like a project where nothing has been coded.
 */
import type { Codebook } from '../engine/codebook/codebook';
import type { Diagnostic } from '../engine/diagnostics';
import { diagnosticMessage } from '../engine/messages';
import { counted } from '../engine/messages';
import { CODEBOOK_FILE, UserError } from './projectFiles';

/** The errors of a codebook: the problem reading its file, if any, and its diagnostics of severity error. */
export function codebookErrors(codebook: Codebook, readProblem?: Diagnostic): Diagnostic[] {
  const errors = codebook.diagnostics.filter((d) => d.severity === 'error');
  return readProblem ? [{ ...readProblem, severity: 'error' }, ...errors] : errors;
}

/**
 * A codebook with errors, refused by a command that reports on its codes (exit status 1). The command
 * line lists `errors` as `check` does; its message is one English sentence for other callers.
 */
export class CodebookHasErrors extends UserError {
  constructor(
    /** The codebook as shown to the user: an absolute path, or `REVISION:path` for a git revision. */
    readonly file: string,
    readonly text: string,
    readonly errors: readonly Diagnostic[],
    /** Whose codebook it is, when there are several (a coder's version). */
    readonly owner?: string,
  ) {
    super(
      `${owner ? `${owner}: ` : ''}${CODEBOOK_FILE} has ${counted(errors.length, 'error', 'errors')}, the first: ${diagnosticMessage(errors[0], 'en', 'command-line')} Fix ${errors.length === 1 ? 'it' : 'them'} first.`,
      1,
    );
  }
}

/** Throws CodebookHasErrors when the codebook has an error. */
export function requireNoErrors(codebook: Codebook, file: string, readProblem?: Diagnostic, owner?: string): void {
  const errors = codebookErrors(codebook, readProblem);
  if (errors.length > 0) throw new CodebookHasErrors(file, codebook.text, errors, owner);
}
