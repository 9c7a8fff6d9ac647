/**
 * The provenance stored with an imported dataset: everything the core records (file, size, SHA-256,
 * encoding, dialect, layout, mapping, token meanings, excluded rows, notes) plus what only the user knows
 * (coverage, free notes) and the column headers, so the mapping can be shown as "header → role" later.
 */
import type { Provenance } from '../../../shared/counts/dataset';
import type { ImportProvenance } from '../../../shared/import';

export interface StoredImportProvenance extends ImportProvenance {
  /** Coverage (täckningsgrad) as the user describes it, e.g. "97 % of the region's patients". */
  coverage: string;
  /** Free notes by the user. */
  userNotes: string;
  /** Header of each column, in file order (the mapping lists roles only). */
  columnHeaders: string[];
}

export function isImportProvenance(p: Provenance): p is StoredImportProvenance {
  return 'mapping' in p && 'fileSize' in p && 'encoding' in p;
}
