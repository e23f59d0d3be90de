/**
 * What the editor features read: a project (its index and codebook) and the languages to answer in. The
 * language server's Project has this shape; a test builds one from an index. Documents are named by their
 * id in the project (a transcript's path relative to the project's folder), the codebook by CODEBOOK_ID;
 * places are UTF-16 offsets and spans in their text.
 */
import type { Codebook } from '../codebook/codebook';
import type { Language } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';
import { CODEBOOK_ID } from '../project/refactorings';

export { CODEBOOK_ID };

export interface ServiceProject {
  readonly index: ProjectIndex;
  /** The codebook in use: the last one without errors (the index's). */
  readonly codebook: Codebook;
  /** The codebook as last read, maybe with errors: the text of codebook.yaml as the user has it now. */
  readonly current: Codebook;
  /** true when the codebook as last read is the one in use (it has no errors). */
  readonly codebookOk: boolean;
}

export interface ServiceModel {
  readonly project: ServiceProject;
  /** The language codes' labels are shown in (the codebook's own unless the user chose another). */
  readonly labelLanguage: string;
  /** The user's language, for every sentence the features write. */
  readonly language: Language;
}

/** A project of just an index, whose codebook is the one in use (for the command line and tests). */
export function indexProject(index: ProjectIndex): ServiceProject {
  return {
    index,
    get codebook() {
      return index.codebook;
    },
    get current() {
      return index.codebook;
    },
    codebookOk: true,
  };
}

/** A document's text as the features see it: a transcript's as indexed, the codebook's as last read. */
export function documentText(project: ServiceProject, docId: string): string | undefined {
  if (docId === CODEBOOK_ID) return project.current.text;
  return project.index.parsed(docId)?.text;
}
