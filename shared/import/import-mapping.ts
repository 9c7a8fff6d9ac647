/**
 * The mapping from a file's columns to dataset dimensions and measures. The importer proposes one (with
 * evidence per column); the user may change any part of it before the dataset is built, and the mapping
 * used is recorded in the provenance so the import can be repeated or audited.
 */
import type { DimensionRole } from '../counts/dataset';
import type { MeasureSpec } from './measure-kind';
import type { MemberReading } from './member-labels';
import type { NumberFormat } from './swedish-number';
import type { MaskMeaning } from './value-tokens';

export type ColumnMapping =
  | { kind: 'ignore' }
  | {
      kind: 'dimension';
      role: DimensionRole;
      /** Dataset dimension key ("region", "sex", "age", "period", "code", or a slug of the header for extra). */
      key: string;
    }
  | {
      kind: 'measure';
      /** Columns with the same measure key form one measure; their members spread it over dimensions (wide layout). */
      measure: string;
      /** Display name: the header without its member labels ("Antal patienter", "Population"). */
      name: string;
      spec: MeasureSpec;
      /** Dimension values this column stands for in a wide layout ("2019" → period 2019; "Totalt" → all). */
      members: MemberReading[];
      numberFormat: NumberFormat;
    }
  | {
      /** The column names each row's measure ("Mått": "Number of patients", "Admissions"); see measure-names.ts. */
      kind: 'measure-name';
      /** Key of the column while rows are read (its values are compared like a dimension's). */
      key: string;
      /** What each name measures; names not listed are read from their words when they are met. */
      specs: Record<string, MeasureSpec>;
    };

export interface ImportMapping {
  /** One entry per column, in file order. */
  columns: ColumnMapping[];
  /** For each rate measure key, the population measure key used to derive expected counts. */
  ratePopulation: Record<string, string>;
  /** Lines (as in the preview) the user excluded on purpose; recorded in provenance. */
  excludeLines: number[];
  /** Meaning of each masked token for this source. */
  maskTokens: Record<string, MaskMeaning>;
  /** Tokens that mean zero for this source. */
  zeroTokens: string[];
  /** Tokens the source explains as withheld without telling their size: they need a meaning before import. */
  withheldTokens?: string[];
}
