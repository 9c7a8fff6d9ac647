/**
 * A dataset of anonymised aggregated counts, stored column by column.
 *
 * Dimensions are dictionary-encoded: `columns[d][i]` is an index into `dimensions[d].values`. A cell's
 * count is an interval [low, high]; an exact count has low === high, a masked cell ("X" = 1–3) has
 * low < high. `point` is the best single value (for a mask, the token's documented midpoint).
 * Cells flagged as published totals (region = national, code = chapter, age = "Totalt", …) are kept
 * as published and never added to their own parts.
 */

export type DimensionRole = 'region' | 'code' | 'sex' | 'age' | 'period' | 'extra';

export interface Dimension {
  /** Column key, unique within the dataset, e.g. "region", "icd10", "sex", "age", "year", "stage". */
  key: string;
  role: DimensionRole;
  /**
   * The column's header as the file wrote it ("Läkemedel"), for readable criterion labels; absent in datasets
   * imported before it was kept (the key is then shown).
   */
  label?: string;
  /** Normalised values: county code ("01".."25") or "national"/"unknown" for region; ICD-10 without dot
   *  ("C187", "C18", "C15-C26") for code; "male" | "female" | "all" for sex; age band label "0-4", "85+",
   *  "all" for age; "2021", "2021-03", "2021-W07" for period; free text for extra. */
  values: string[];
}

export type CountUnit = 'persons' | 'events';
export type CountKind = 'incident' | 'prevalent';
export type RegionBasis = 'residence' | 'care';

export interface Basis {
  unit: CountUnit;
  kind: CountKind;
  regionBasis: RegionBasis;
}

export interface Provenance {
  /** Human name of the source, e.g. "Socialstyrelsen, Cancerregistret" or "Syntetiska demodata". */
  publisher: string;
  /** True for generated data: every screen and letter that shows it says so. */
  synthetic: boolean;
  fileName?: string;
  sha256: string;
  /** ISO date of extraction or publication. */
  extractedAt?: string;
  periodFrom: string;
  periodTo: string;
  notes: string[];
  /** Meaning of each masked token, e.g. { "X": { low: 1, high: 3, point: 2 } }. */
  maskTokens: Record<string, { low: number; high: number; point: number }>;
}

/**
 * A dataset without its cells: what the database keeps as the dataset's record and lists show. Every member is
 * stored and loaded as it is, so a member added here is persisted without touching the database code.
 */
export interface DatasetHeader {
  id: string;
  name: string;
  basis: Basis;
  provenance: Provenance;
  dimensions: Dimension[];
  /**
   * Keys of the dimensions whose values overlap: one person can be under several values (two drugs, two
   * diagnoses, two regions in a year), so adding those values does not count persons. Absent: the default for
   * the dataset's basis (defaultOverlappingDimensions in overlap.ts); set at import and editable later.
   */
  overlappingDimensions?: string[];
  /** Number of cells (rows in the columnar store). */
  cellCount: number;
}

/** A dataset's cells, column by column (kept as typed arrays in memory and in IndexedDB). */
export interface DatasetCells {
  /** One index column per dimension, same order as `dimensions`. */
  columns: Uint32Array[];
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  /** 1 where the cell's value was masked in the source. */
  masked: Uint8Array;
}

export interface Dataset extends DatasetHeader, DatasetCells {}

/** A dataset split into its header and its cells (how the database stores it). */
export function splitDataset(dataset: Dataset): { header: DatasetHeader; cells: DatasetCells } {
  const { columns, low, point, high, masked, ...header } = dataset;
  return { header, cells: { columns, low, point, high, masked } };
}
