/** The import pipeline's public surface: bytes → preview → dataset → query. */
export { analyseFile, DEFAULT_PREVIEW_ROWS, FULL_PREVIEW_MAX_BYTES, type AnalyseOptions, type ImportFile, type ImportPreview, type PreviewSample } from './analyse-file';
export { buildDataset, type BuildMeta, type BuildOptions, type ImportProvenance, type ImportResult, type MeasureDataset } from './build-dataset';
export { importFile, IMPORT_DETECTION_ROWS, type ImportFileOptions, type ImportFileResult } from './import-file';
export { sha256OfBytes } from './file-digest';
export { queryDataset, selectMeasure, QueryError, type QueryErrorCode, type QueryFilters, type QueryResult } from './query-dataset';
export { decodeBytes, detectBinaryKind, DecodeRefusedError, type DecodedText, type EncodingOverride, type TextEncodingName } from './decode-bytes';
export { sniffDialect, type Dialect, type DialectOverride, type Delimiter, type LineEnding } from './sniff-dialect';
export { parseRecords, DEFAULT_MAX_COLUMNS, type ParseRecordsOptions, type ProgressOptions, type RawRecord } from './parse-records';
export { parseSwedishNumber, decideNumberFormat, type NumberFormat, type NumberFormatDecision } from './swedish-number';
export { detectPersonnummer, luhnValid } from './personnummer';
export { sourceSignature } from './source-signature';
export { DEFAULT_MASK_TOKENS, DEFAULT_ZERO_TOKENS, type MaskMeaning } from './value-tokens';
export type { ColumnMapping, ImportMapping } from './import-mapping';
export { formatProblem, ImportCancelledError, ImportRefusedError, type ImportProblem, type ProblemCode } from './problems';
