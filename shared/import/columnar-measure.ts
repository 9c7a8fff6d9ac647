/**
 * What the import hands on for each measure: its cells column by column, ready to become a Dataset, and the
 * whole file's interpretation (problems, tokens met, rows read).
 */
import type { DimensionSpec } from '../counts/builder';
import type { MeasureSpec } from './measure-kind';
import type { ImportProblem } from './problems';
import type { MaskMeaning } from './value-tokens';

/** One measure's cells, column by column, ready to become a Dataset. */
export interface ColumnarMeasure {
  key: string;
  name: string;
  spec: MeasureSpec;
  /** 0-based file columns of this measure. */
  columns: number[];
  dimensions: DimensionSpec[];
  /** Per dimension, its values in order of first appearance (the dictionary). */
  values: string[][];
  cellCount: number;
  /** Per dimension, each cell's index into `values`. Exactly `cellCount` long. */
  index: Uint32Array[];
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  masked: Uint8Array;
  /** Decimals as printed, for a rate that expected counts are derived from (their rounding interval); else null. */
  decimals: Uint8Array | null;
  /** The first cell that a Dataset cannot hold (e.g. a negative value of an "other" measure), if any. */
  invalid: { cell: number; reason: string } | null;
}

export interface ColumnarInterpretation {
  measures: ColumnarMeasure[];
  /** In the order the preview's interpretRows reports them. */
  problems: ImportProblem[];
  /** Problems found but not kept because of `maxProblems`. */
  omittedProblems: number;
  /** Of those, errors (the rest are warnings). */
  omittedErrors: number;
  tokensUsed: Record<string, MaskMeaning>;
  excludedLines: number[];
  maskedCells: number;
  zeroTokenCells: number;
  /** Body rows read (excluded lines not counted). */
  rows: number;
}
