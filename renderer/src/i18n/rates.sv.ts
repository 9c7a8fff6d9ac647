// Swedish texts of the answer's rates per 100 000 (same keys in rates.en.ts).
export const ratesSv = {
  columns: {
    population: 'Befolkning',
    rate: 'Per 100 000',
    rateRange: 'Intervall per 100 000',
  },
  caption: 'Per 100 000 invånare i kriteriernas ålder och kön (befolkning {{period}}). Värdena per 100 000 adderas inte: riket och sjukvårdsregionerna räknas från sina egna antal och befolkningar.',
  captionSponsor: 'I sponsorvyn räknas värdet per 100 000 från det antal som visas, aldrig från det dolda: ett dolt antal döljer också sitt värde per 100 000.',
  projected: 'Antalen är framskrivna; de delas med befolkningen {{period}}.',
  chartTitleRates: 'Patienter per 100 000 invånare per region, med intervall',
  mapTitleRates: 'Karta: patienter per 100 000 invånare per region',
  noPopulation: 'Värde per 100 000 kräver en befolkningstabell eller en befolkningskolumn i filen (välj den under ”Befolkningstabell för åldersandelar”).',
  missingRegions: 'Utan befolkning (inget värde per 100 000): {{regions}}.',
  error: 'Befolkningen kunde inte läsas för kriterierna ({{message}}); inga värden per 100 000.',
  issues: {
    'none-given': 'Ingen befolkning vald.',
    'mixed-criteria': 'Befolkningen kan inte läsas för kriterierna: {{steps}} blandar befolkningens och patienternas dimensioner.',
    unresolved: 'Befolkningstabellen saknar {{dimensions}}, som kriterierna använder: inget värde per 100 000.',
    'repeated-values-differ': 'Befolkningskolumnen har olika värden för samma region och år ({{region}} {{period}}); den största används.',
  },
};
