/**
 * The messages between the Codeboom client and server beyond LSP itself. This module is the one
 * definition both sides import: a namespace per message with its method and typed parameters and
 * result, and a note on which side sends it.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { FileListing, FileStat, HostErrorCode } from '../engine/host/projectHost';
import type { ReportRow } from '../engine/report/frequencyReport';
import type { CodeTree, CodeTreeNode } from '../engine/service/counts';
import type { RetrievedSegment } from '../engine/analysis/retrievedSegments';

/** A position of the text: 0-based line and UTF-16 column, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface ProjectInfo {
  /** URI of the project's folder (the one with codebook.yaml). */
  root: string;
  codebook: string;
  title?: string;
  /** The codebook's language (project.language), which labels follow unless the client chose another. */
  language: string;
  /** Languages the codebook's labels are written in. */
  languages: string[];
  participants: string[];
  documents: number;
  /** Document variables (front-matter keys) and their values. */
  variables: { name: string; values: string[] }[];
  /** false while the codebook cannot be read; the last good one is in use. */
  codebookOk: boolean;
  /** The globs of project.transcripts, relative to the root, so the client can watch the files they match. */
  transcripts: string[];
}

export interface CountOptions {
  /** Add the segments of subcodes to their parents. */
  includeSubcodes?: boolean;
  /** Count interviewer turns too (default: the project's setting). */
  withInterviewers?: boolean;
  /** Language of labels; default: the codebook's, or the one the client chose (`labelLanguage`). */
  language?: string;
}

/** A code of the tree with its counts: the engine's answer as it is (engine/service/counts.ts). */
export type CodeNode = CodeTreeNode;

/** The code tree of a project with counts per code and participant; `revision` grows with every change of the index. */
export type CodebookTree = CodeTree;

/** A row of the code matrix: a code with its segments per participant (the report's row). */
export type MatrixRow = ReportRow;

export interface Matrix {
  participants: string[];
  rows: MatrixRow[];
  columnTotals: number[];
}

export interface SegmentQuery extends CountOptions {
  project: string;
  code?: string;
  participant?: string;
  /** Only documents whose front-matter variable `name` has `value`. */
  variable?: { name: string; value: string };
  /** At most this many segments (default: all). */
  limit?: number;
}

export interface SegmentInfo {
  uri: string;
  /** The coded text. */
  range: Range;
  /** The code the segment counts for. */
  code: string;
  codeLabel: string;
  color?: string;
  participant: string;
  speaker?: string;
  /** The coded words, markup removed. */
  text: string;
  memos: string[];
}

/** Client → server: the projects the server found in the workspace. */
export namespace ProjectsRequest {
  export const method = 'codeboom/projects' as const;
  export const type = new RequestType<Record<string, never>, ProjectInfo[], void>(method);
}

/** Client → server: a project's code tree with counts per code and participant. */
export namespace CodebookTreeRequest {
  export const method = 'codeboom/codebookTree' as const;
  /** With `variable`, only the documents whose front-matter variable has that value are counted. */
  export type Params = CountOptions & { project: string; variable?: { name: string; value: string } };
  export const type = new RequestType<Params, CodebookTree | null, void>(method);
}

/** Client → server: the code × participant matrix. */
export namespace MatrixRequest {
  export const method = 'codeboom/matrix' as const;
  export type Params = CountOptions & { project: string };
  export const type = new RequestType<Params, Matrix | null, void>(method);
}

/** Client → server: segments of a code, a participant, a document-variable value, or a combination. */
export namespace SegmentsRequest {
  export const method = 'codeboom/segments' as const;
  export const type = new RequestType<SegmentQuery, SegmentInfo[], void>(method);
}

/** Client → server: whether a document is a transcript or the codebook of a project (and which). */
export namespace DocumentKindRequest {
  export const method = 'codeboom/documentKind' as const;
  export interface Params {
    uri: string;
  }
  export interface Result {
    kind: 'transcript' | 'codebook' | 'other';
    project?: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the frequency report of a project as Markdown, HTML, CSV or JSON. */
export namespace ReportRequest {
  export const method = 'codeboom/report' as const;
  export interface Params extends CountOptions {
    project: string;
    format: 'markdown' | 'html' | 'csv' | 'json';
  }
  export const type = new RequestType<Params, { text: string } | null, void>(method);
}

/**
 * Client → server: a file as it arrives (Word, WebVTT, SubRip, Whisper JSON, oTranscribe) turned into a
 * transcript's text; the client writes it, as an edit the user can undo. Sentences in the user's language.
 */
export namespace TranscriptImportRequest {
  export const method = 'codeboom/importTranscript' as const;
  export interface Params {
    /** The file's name, whose extension says its format. */
    name: string;
    base64: string;
    /** The project it goes into: the answer says in which folder. */
    project: string;
  }
  export type Result =
    | { ok: true; text: string; fileName: string; folder: string; speakers: { label: string; name: string }[]; warnings: string[] }
    | { ok: false; message: string };
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the project as a REFI-QDA codebook (.qdc) or project (.qdpx), base64-encoded. */
export namespace RefiExportRequest {
  export const method = 'codeboom/refiExport' as const;
  export interface Params {
    project: string;
    format: 'qdc' | 'qdpx';
    language?: string;
    /** Give codes that share a name their parent's label, for QualCoder, which keeps one code per name. */
    uniqueNames?: boolean;
  }
  export interface Result {
    base64: string;
    warnings: string[];
    /** Names that several codes share (none when `uniqueNames` was asked for). */
    nameClashes: { name: string; paths: string[] }[];
  }
  export const type = new RequestType<Params, Result | null, void>(method);
}

export interface CooccurrenceData {
  /** The unit: `overlap`, `paragraph`, `turn` or `window:N`. */
  unit: string;
  codes: { path: string; label: string; color?: string; segments: number }[];
  /** cells[i][j]: pairs of segments of codes i and j together in the unit. */
  cells: number[][];
  /** participantCells[i][j]: participants in whom they co-occur. */
  participantCells: number[][];
  maxCell: number;
}

/** Client → server: the code × code co-occurrence matrix of a project. */
export namespace CooccurrenceRequest {
  export const method = 'codeboom/cooccurrence' as const;
  export interface Params extends CountOptions {
    project: string;
    unit: string;
  }
  export const type = new RequestType<Params, CooccurrenceData | null, void>(method);
}

export interface PairSide {
  uri: string;
  range: Range;
  code: string;
  participant: string;
  text: string;
}

/** Client → server: the pairs of segments behind one cell of the co-occurrence matrix. */
export namespace CooccurringSegmentsRequest {
  export const method = 'codeboom/cooccurringSegments' as const;
  export interface Params extends CountOptions {
    project: string;
    unit: string;
    first: string;
    second: string;
  }
  export const type = new RequestType<Params, { first: PairSide; second: PairSide }[], void>(method);
}

export interface AgreementRow {
  code: string | null;
  label: string;
  level: 'document' | 'segment';
  coders: number;
  units: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  krippendorff_alpha: number | null;
}

export interface DisagreementInfo {
  file: string;
  /** The transcript in this project (the first coder's copy), to jump to. */
  uri: string;
  code: string;
  codeLabel: string;
  coders: { coder: string; hasCode: boolean; codes: string[]; startLine: number; endLine: number; text: string }[];
}

export interface AgreementData {
  coders: string[];
  minOverlap: number;
  rows: AgreementRow[];
  disagreements: DisagreementInfo[];
  /** Transcripts whose words differ between versions: an error, not a disagreement. */
  textDifferences: { file: string; coders: [string, string]; lines?: [number, number] }[];
  documents: { compared: number; oneCoder: number; notCoded: number };
}

/** Client → server: agreement between this project (one coder) and other coders' folders or git revisions. */
export namespace AgreementRequest {
  export const method = 'codeboom/agreement' as const;
  export interface Params {
    project: string;
    /** The other coders: a folder path, or a git revision of the project's repository. */
    others: ({ folder: string } | { revision: string })[];
    /** The first coder: the project folder as it is on disk (default), or a git revision. */
    self?: { revision: string };
    minOverlap?: number;
    language?: string;
  }
  export const type = new RequestType<Params, AgreementData | null, void>(method);
}

export interface DocumentSegment {
  range: Range;
  code: string;
  label: string;
  /** The code's colour, or the nearest ancestor's. */
  color?: string;
  participant: string;
  /** true for a precise passage, false for a paragraph. */
  passage: boolean;
}

/** Client → server: the coded segments of an open transcript, for highlighting it. */
export namespace DocumentSegmentsRequest {
  export const method = 'codeboom/documentSegments' as const;
  export interface Params {
    uri: string;
    language?: string;
  }
  export interface Result {
    /** The document version the segments are of. */
    version: number | null;
    segments: DocumentSegment[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the coding stripes of an open transcript: on each line where coded segments start, every code of them. */
export namespace CodingStripesRequest {
  export const method = 'codeboom/codingStripes' as const;
  export interface Params {
    uri: string;
    /** Language of labels; default: the codebook's, or the one the client chose (`labelLanguage`). */
    language?: string;
  }
  export interface Code {
    path: string;
    label: string;
    /** The code's colour, or the nearest ancestor's. */
    color?: string;
    /** true when the code marks precise passages only on this line. */
    passage: boolean;
  }
  export interface Result {
    /** The document version the stripes are of. */
    version: number | null;
    /** Lines from the top, each with the codes of the segments that start on it. */
    lines: { line: number; codes: Code[] }[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * Client → server: the recording a transcript names (`media:` in its front matter, resolved against its
 * project's folder and looked for there), its timestamps, and the moment to play from at a position.
 */
export namespace MediaRequest {
  export const method = 'codeboom/media' as const;
  export interface Params {
    uri: string;
    /** Where the cursor is: the answer's `start` is the timestamp on its line, or the last one before it. */
    position?: Position;
  }
  export interface Result {
    version: number | null;
    /** false when the document is not a transcript of a project. */
    transcript: boolean;
    /** The URI of the transcript's project folder, the only folder the media panel plays from. */
    project?: string;
    /** Whether the front matter names a recording (`media:`), playable or not. */
    named: boolean;
    /** The recording, when `media:` names a playable file inside the project (it may still be missing: see `problem`). */
    media?: { path: string; uri: string; kind: 'audio' | 'video' };
    /** Why the recording cannot be played, as one sentence in the user's language. */
    problem?: string;
    /** Each timestamp of the text and the moment it names, in seconds. */
    timestamps: { range: Range; seconds: number }[];
    /** Seconds to play from at `position` (0 without a position or a timestamp before it). */
    start: number;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** An edit of one open document, in LSP's terms (a range of the version named beside it, and its new text). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * The coding requests below answer for one open transcript at the version the client names: the server
 * applies its pending changes first and refuses with ContentModified when its text is of another version
 * (the client asks again with its new version). They answer under the server's codebook (the last good
 * one); a file that is not a transcript of a project is refused with the reason (RequestFailed).
 */
export interface VersionedDocument {
  uri: string;
  /** The version of the client's document the request is about. */
  version: number;
}

/** Client → server: the edits that code the selection with codes ("Code selection…"). */
export namespace CodingEditsRequest {
  export const method = 'codeboom/codingEdits' as const;
  export interface Params extends VersionedDocument {
    /** The selection; an empty one, or one covering a paragraph's words, codes the paragraph. */
    range: Range;
    codes: string[];
  }
  export interface Result {
    /** The version the edits are for. */
    version: number;
    /** Edits to apply together, as one undoable change; none when the target has every code already. */
    edits: TextEdit[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the codings at the cursor, innermost first, each with the edits that remove it ("Remove code"). */
export namespace RemoveCodingEditsRequest {
  export const method = 'codeboom/removeCodingEdits' as const;
  export interface Params extends VersionedDocument {
    position: Position;
  }
  export interface Coding {
    code: string;
    /** true for a precise passage, false for a paragraph coding. */
    passage: boolean;
    range: Range;
    edits: TextEdit[];
  }
  export interface Result {
    version: number;
    codings: Coding[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the range to select for "Next segment", "Previous segment" or "Next uncoded paragraph". */
export namespace SegmentNavigationRequest {
  export const method = 'codeboom/segmentNavigation' as const;
  export interface Params extends VersionedDocument {
    position: Position;
    direction: 'next' | 'previous' | 'nextUncoded';
  }
  export interface Result {
    version: number;
    /** null when the transcript has no coded segment (next, previous) or no uncoded paragraph (nextUncoded). */
    range: Range | null;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the selected words, or the coded passage at the cursor, as a quote with its participant ("Copy quote"). */
export namespace QuoteRequest {
  export const method = 'codeboom/quote' as const;
  export interface Params extends VersionedDocument {
    range: Range;
  }
  export interface Result {
    version: number;
    /** null when there are no words to quote there. */
    quote: { text: string; participant: string; formatted: string } | null;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** A query for retrieved segments: the quotes of one or more codes, narrowed, with their context. */
export interface RetrievalParams {
  project: string;
  codes: string[];
  /** any: the quotes of any of the codes; all: only those overlapping a quote of every other code. */
  mode: 'any' | 'all';
  subcodes?: boolean;
  participant?: string;
  where?: { variable: string; value: string }[];
  context: 'none' | 'sentence' | 'paragraph' | 'turn';
  withInterviewers?: boolean;
  /** Language of labels and of the exported words; default: the label language. */
  language?: string;
}

/** A retrieved segment as the engine gives it, with its place as a URI and a range instead of offsets. */
export type RetrievedQuote = Omit<RetrievedSegment, 'span'> & {
  uri: string;
  /** The coded text, to select when the quote is opened. */
  range: Range;
};

/** Client → server: retrieved segments (docs/analysis.md, "Retrieved segments"). Unknown codes are refused (InvalidParams). */
export namespace RetrieveRequest {
  export const method = 'codeboom/retrieve' as const;
  export interface Result {
    codes: { path: string; label: string; color?: string }[];
    /** One line saying what was retrieved, in the label language. */
    summary: string;
    quotes: RetrievedQuote[];
  }
  export const type = new RequestType<RetrievalParams, Result | null, void>(method);
}

/** Client → server: retrieved segments as a file to save: Markdown, HTML or CSV as text, Word as base64. */
export namespace RetrieveExportRequest {
  export const method = 'codeboom/retrieveExport' as const;
  export interface Params extends RetrievalParams {
    format: 'markdown' | 'html' | 'csv' | 'docx' | 'text';
  }
  export type Result = { text: string } | { base64: string };
  export const type = new RequestType<Params, Result | null, void>(method);
}

/** The kinds of memo: of the project (a file in memos/), on a document, on a code, on a coding. */
export type MemoKind = 'project' | 'document' | 'code' | 'coding';

export interface MemoInfo {
  /** The project's root URI. */
  project: string;
  kind: MemoKind;
  /** A free memo's title, the document's id, or the label of the code (of a code memo or a coding). */
  title: string;
  text: string;
  /** The file it stands in, and where in it (the memo's text, or a free memo's title). */
  uri: string;
  range: Range;
  /** The transcript (its id in the project) of a document or coding memo. */
  document?: string;
  participant?: string;
  /** The code's path, of a code memo or a coding memo. */
  code?: string;
}

/** Client → server: every memo of one project, or of all, grouped by kind (project, document, code, coding). */
export namespace MemosRequest {
  export const method = 'codeboom/memos' as const;
  export interface Params {
    project?: string;
  }
  export const type = new RequestType<Params, { memos: MemoInfo[] }, void>(method);
}

/**
 * What a memo is on: the coding at a position of an open transcript (of `code`, or the innermost), a
 * transcript (its front matter), or a code of a project's codebook.
 */
export type MemoTarget =
  | { kind: 'coding'; uri: string; version: number; position: Position; code?: string }
  | { kind: 'document'; uri: string }
  | { kind: 'code'; project: string; code: string };

/** Client → server: the memo on a target as it stands now, to edit it, and what it is on. */
export namespace MemoAtRequest {
  export const method = 'codeboom/memoAt' as const;
  export interface Params {
    target: MemoTarget;
  }
  export interface Result {
    memo: string;
    /** What the memo is on, for the prompt: the code's label, or the document's id. */
    title: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * Client → server: the edits that set the memo on a target (an empty memo removes it), as one edit of one
 * file the client applies as one undoable change. Refused with the reason (RequestFailed) where it cannot.
 */
export namespace MemoEditsRequest {
  export const method = 'codeboom/memoEdits' as const;
  export interface Params {
    target: MemoTarget;
    memo: string;
  }
  export interface Result {
    uri: string;
    /** The version of the open document the edits are for; null when it is not open (the file's text). */
    version: number | null;
    edits: TextEdit[];
    /** The memo as it will be read back (a coding's on one line, with what a tag cannot hold escaped). */
    memo: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the file of a new free memo (memos/<name>.md) and its first text; the client creates it. */
export namespace NewMemoRequest {
  export const method = 'codeboom/newMemo' as const;
  export interface Params {
    project: string;
    title: string;
  }
  export interface Result {
    uri: string;
    text: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** A change of code paths to apply as one edit: per document URI, edits of its text as the server has it. */
export interface WorkspaceTextEdits {
  changes: Record<string, TextEdit[]>;
}

/**
 * Client → server: the edits that manage a code from the code tree, over codebook.yaml and the
 * transcripts, for the client to apply as one edit (keeping the codebook's comments and layout). A change
 * that cannot be made is answered with `ok: false` and a sentence in the user's language; deleting a code
 * that is in use says how much (`use`), so the client can offer to merge or deprecate it instead.
 */
export namespace ManageCodeRequest {
  export const method = 'codeboom/manageCode' as const;
  export type Action =
    | { kind: 'new'; /** Absent: a top code. */ parent?: string; label: string; slug?: string }
    | { kind: 'rename'; code: string; label?: string; slug?: string }
    | { kind: 'move'; code: string; /** Absent: to the top. */ parent?: string; keepAliases: boolean }
    | { kind: 'merge'; code: string; into: string }
    | { kind: 'recolor'; code: string; color: string }
    | { kind: 'deprecate'; code: string; reason?: string }
    | { kind: 'delete'; code: string };
  export interface Params {
    project: string;
    action: Action;
  }
  export type Result =
    | { ok: true; /** The code's path after the change. */ path: string; edit: WorkspaceTextEdits }
    | { ok: false; message: string; use?: { codings: number; documents: number; mergedFrom: string[] } };
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client → server: the slug a new code with this label would get under `parent` (absent: the top). */
export namespace ProposeSlugRequest {
  export const method = 'codeboom/proposeSlug' as const;
  export interface Params {
    project: string;
    parent?: string;
    label: string;
  }
  export const type = new RequestType<Params, { slug: string }, void>(method);
}

/**
 * Server → client, in a browser's web worker, which cannot reach the workspace's files itself: the client
 * answers with `vscode.workspace.fs` and `findFiles` (client/src/server/hostRequests.ts), and the server's
 * BrowserHost (lsp/browserHost.ts) serves the loader and the index with the answers. URIs as the client
 * writes them.
 */
export namespace HostReadFileRequest {
  export const method = 'codeboom/host/readFile' as const;
  export interface Params {
    uri: string;
  }
  /** The file's bytes in base64, or why there are none: `detail` is the file system's word (`FileNotFound`, `NoPermissions`, …). */
  export type Result = { ok: true; base64: string } | { ok: false; code: HostErrorCode; detail: string };
  export const type = new RequestType<Params, Result, void>(method);
}

/** Server → client (browser): what is at a URI, or null when nothing is. */
export namespace HostStatRequest {
  export const method = 'codeboom/host/stat' as const;
  export interface Params {
    uri: string;
  }
  export const type = new RequestType<Params, FileStat | null, void>(method);
}

/** Server → client (browser): every file below a folder, relative to it with `/`, not in node_modules or .git. */
export namespace HostListFilesRequest {
  export const method = 'codeboom/host/listFiles' as const;
  export interface Params {
    folder: string;
  }
  export const type = new RequestType<Params, FileListing, void>(method);
}

/**
 * Server → client: the first indexing after the start is done, with how long it took from the server's
 * start (milliseconds) and how many transcripts it read; the client logs it (the browser benchmark reads it).
 */
export namespace IndexedNotification {
  export const method = 'codeboom/indexed' as const;
  export interface Params {
    milliseconds: number;
    transcripts: number;
  }
  export const type = new NotificationType<Params>(method);
}

/** Server → client: a project's index changed (a transcript or the codebook), so views can refresh. */
export namespace IndexChangedNotification {
  export const method = 'codeboom/indexChanged' as const;
  export interface Params {
    project: string;
    /** The index's revision; -1 when the project is gone (its codebook.yaml was deleted). */
    revision: number;
  }
  export const type = new NotificationType<Params>(method);
}

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  /** Arguments: project root URI, the code to merge, the code to merge it into. */
  mergeCode: 'codeboom.server.mergeCode',
} as const;

/** Commands the client implements that the server's code lenses and actions refer to. */
export const ClientCommands = {
  /** Arguments: the codebook's URI, the code's path. Shows the code's segments. */
  showSegments: 'codeboom.showSegments',
} as const;
