import type { Widen } from './widen';
import type { datasetsSv } from './datasets.sv';

// English texts of the Datasets page and the import flow (same keys as datasets.sv.ts).
export const datasetsEn: Widen<typeof datasetsSv> = {
  title: 'Datasets',
  intro: 'Anonymised aggregated counts that answers are based on.',
  empty: 'No datasets yet.',
  columns: { name: 'Name', publisher: 'Source', cells: 'Cells', period: 'Period', basis: 'Basis', sha: 'SHA-256' },
  synthetic: 'synthetic',
};
