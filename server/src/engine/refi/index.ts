/**
 * REFI-QDA exchange (MAXQDA, NVivo, ATLAS.ti, QualCoder, ...) for front ends: export a codebook or a
 * project, import a codebook into codebook.yaml or a project as a plan of files. All pure: bytes and
 * texts in and out; a user's mistake or a bad file is a RefiError whose message is the sentence to show.
 * See docs/refi-qda.md.
 */
export { exportQdc, type QdcExportOptions } from './qdcExport';
export { buildQdpx, exportQdpx, type ExportableProject, type QdpxContent, type QdpxExportOptions, type QdpxExportSummary } from './qdpxExport';
export { importQdc } from './qdcImport';
export type { CodebookImport, CodebookImportOptions, CodebookImportSummary } from './codebookImport';
export { importQdpx, type PlannedFile, type QdpxImport, type QdpxImportOptions, type QdpxImportSummary, type SkippedSource } from './qdpxImport';
export { RefiError } from './refiError';
