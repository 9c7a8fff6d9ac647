// English texts for which dimensions of a dataset overlap (same keys in overlap.sv.ts).
import type { Widen } from './widen';
import type { overlapSv } from './overlap.sv';

export const overlapEn: Widen<typeof overlapSv> = {
  legend: 'Can one person be counted under several values?',
  explanation:
    'Tick a column if the same person can be under several of its values (a child dispensed two drugs, a patient with two diagnoses, a person treated in two regions in the year). A sum over its values is then not a number of persons, and several values together become an interval from the largest to their sum.',
  dimension: '{{label}}: values can overlap',
  defaultNote: '(default)',
  none: 'The dataset has no column whose values can overlap (sexes, age bands and periods never do).',
  saved: 'Saved: {{summary}}',
  audit: 'Overlapping values of dataset "{{name}}" changed: {{list}}',
  auditNone: 'none',
  failed: 'The change could not be saved: {{detail}}',
};
