// Swedish texts of the trend area: the trend view and the counts ↔ rates toggle (same keys in trend.en.ts).
// The steadiness verdict, refusals and breaks are worded in shared/trend/texts.ts, shared with the letter and CLI.
export const trendSv = {
  title: 'Utvecklingen över åren',
  intro:
    'Antalet som uppfyller de kriterier data kan se, period för period, per region och för riket, med den genomsnittliga förändringen per år över fönstret och om förändringen är jämn nog att räkna fram.',
  window: {
    label: 'Fönster för trenden',
    last: 'De senaste {{n}} perioderna ({{from}}–{{to}})',
    from: 'Från {{period}} ({{n}} perioder)',
    hint: 'Trenden och framskrivningen räknas över fönstret; det slutar alltid med den senaste perioden.',
  },
  average: 'Genomsnittlig förändring {{change}} per år ({{from}}–{{to}})',
  refused: 'Ingen trend: {{reason}}',
  steady: 'Jämn',
  unsteady: 'Inte jämn',
  noTrend: 'Ingen trend',
  chart: {
    title: '{{name}}: {{measure}} per period, {{from}}–{{to}}',
    desc: 'Punkterna är periodernas värden; den streckade linjen är trenden över fönstret. Senaste värdet: {{last}}.',
    descNoTrend: 'Punkterna är periodernas värden; ingen trend kunde räknas. Senaste värdet: {{last}}.',
    noData: 'inga data',
  },
  table: {
    summary: 'Visa som tabell',
    caption: '{{measure}} per period och region, med genomsnittlig förändring per år över fönstret',
    series: 'Region',
    average: 'Förändring per år',
    verdict: 'Jämn nog att räkna fram?',
    noValue: '–',
  },
  measure: {
    label: 'Visa som',
    counts: 'Antal',
    rates: 'Per 100 000 invånare',
    legendCounts: 'Antal patienter',
    legendRates: 'Patienter per 100 000 invånare i kriteriernas ålder och kön',
    noPopulation: 'ingen befolkning',
    nationalRate: 'Rikets värde per 100 000 räknas från rikets antal och befolkning, inte som en summa av regionernas.',
    populationPeriod: 'Befolkning {{period}}',
  },
} as const;
