// English texts of the answer's rates per 100 000 (same keys as rates.sv.ts).
import type { ratesSv } from './rates.sv';
import type { Widen } from './widen';

export const ratesEn: Widen<typeof ratesSv> = {
  columns: {
    population: 'Population',
    rate: 'Per 100,000',
    rateRange: 'Interval per 100,000',
  },
  caption: 'Per 100,000 inhabitants of the criteria’s age and sex (population {{period}}). Rates do not add up: the nation and the healthcare regions are computed from their own counts and populations.',
  captionSponsor: 'In the sponsor view a rate is computed from the count as printed, never from a hidden one: a hidden count hides its rate too.',
  projected: 'The counts are projected; they are divided by the population of {{period}}.',
  chartTitleRates: 'Patients per 100,000 inhabitants by region, with intervals',
  mapTitleRates: 'Map: patients per 100,000 inhabitants by region',
  noPopulation: 'Rates need a population table or a population column in the file (choose it under “Population table for age shares”).',
  missingRegions: 'No population (no rate): {{regions}}.',
  error: 'The population could not be read for the criteria ({{message}}); no rates.',
  issues: {
    'none-given': 'No population chosen.',
    'mixed-criteria': 'The population cannot be read for the criteria: {{steps}} mix the population’s and the patients’ dimensions.',
    unresolved: 'The population table lacks {{dimensions}}, which the criteria use: no rates.',
    'repeated-values-differ': 'The population column has different values for one region and year ({{region}} {{period}}); the largest is used.',
  },
};
