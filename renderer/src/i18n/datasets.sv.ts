// Swedish texts of the Datasets page and the import flow.
export const datasetsSv = {
  title: 'Dataset',
  intro: 'Anonymiserade, aggregerade antal som svaren bygger på.',
  empty: 'Inga dataset ännu.',
  columns: { name: 'Namn', publisher: 'Källa', cells: 'Celler', period: 'Period', basis: 'Underlag', sha: 'SHA-256' },
  synthetic: 'syntetiska',
} as const;
