/** The import pipeline's public surface: bytes → preview → dataset → query. */
export { analyseFile, type AnalyseOptions, type ImportFile, type ImportPreview } from './analyse-file';
export { buildDataset, type BuildMeta, type ImportProvenance, type ImportResult, type MeasureDataset } from './build-dataset';
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
