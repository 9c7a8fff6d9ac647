/**
 * Faithful synthetic replicas of six shapes of real Socialstyrelsen and SCB exports, each as one sheet that
 * the tests write out as CSV and as .xlsx (sheet.ts). The figures are made up; the shapes and quirks are the
 * published files': title rows, two header rows, super-headers, fill-down, code hierarchies, NO-BREAK SPACE
 * thousands, "-" for zero, masking letters explained in footnotes, total and sub-heading rows inside the
 * region column, fractional mean populations, rates named only in a title, a measure column.
 *
 * Tests compute their expected figures by hand from the grids written out here, never from the importer.
 */
import type { Cell, Sheet } from './sheet';
import { nbsp, shown } from './sheet';

/** The 21 regions by the short names Socialstyrelsen's weekly tables use, in county-code order. */
export const SHORT_REGION_NAMES = [
  'Stockholm', 'Uppsala', 'Sörmland', 'Östergötland', 'Jönköping', 'Kronoberg', 'Kalmar', 'Gotland', 'Blekinge', 'Skåne', 'Halland',
  'Västra Götaland', 'Värmland', 'Örebro', 'Västmanland', 'Dalarna', 'Gävleborg', 'Västernorrland', 'Jämtland Härjedalen', 'Västerbotten', 'Norrbotten',
] as const;

// ---------------------------------------------------------------------------------------------------------
// 1. A wide weekly table from a workbook.

export const WEEKS = ['vecka 10 2020', 'vecka 11 2020', 'vecka 12 2020', 'vecka 13 2020', 'vecka 52 2020', 'vecka 53 2020', 'vecka 1 2021', 'vecka 2 2021'] as const;

/**
 * Per region: the eight weeks, then the published total over every week of the period (not only the weeks
 * shown, so it is larger than their sum). "X" = a masked small number.
 */
export const WEEKLY_ROWS: readonly (readonly [string, ...(number | 'X')[]])[] = [
  ['Stockholm', 12, 85, 310, 402, 150, 171, 160, 142, 9120],
  ['Uppsala', 0, 'X', 14, 22, 31, 28, 25, 20, 1204],
  ['Sörmland', 0, 'X', 6, 11, 24, 19, 21, 17, 830],
  ['Östergötland', 'X', 4, 9, 18, 40, 44, 38, 29, 1530],
  ['Jönköping', 0, 0, 5, 14, 35, 41, 33, 30, 1322],
  ['Kronoberg', 0, 0, 'X', 7, 12, 15, 11, 9, 540],
  ['Kalmar', 0, 0, 'X', 5, 16, 14, 13, 12, 610],
  ['Gotland', 0, 0, 0, 'X', 'X', 4, 'X', 'X', 95],
  ['Blekinge', 0, 0, 'X', 'X', 8, 9, 7, 6, 310],
  ['Skåne', 'X', 9, 26, 48, 120, 133, 118, 101, 5210],
  ['Halland', 0, 'X', 7, 10, 22, 25, 20, 19, 905],
  ['Västra Götaland', 5, 31, 88, 140, 160, 175, 150, 139, 6840],
  ['Värmland', 0, 'X', 5, 9, 14, 16, 13, 12, 580],
  ['Örebro', 0, 'X', 8, 15, 21, 24, 19, 18, 870],
  ['Västmanland', 0, 'X', 7, 13, 19, 20, 18, 15, 760],
  ['Dalarna', 0, 'X', 9, 17, 23, 21, 20, 16, 890],
  ['Gävleborg', 0, 0, 6, 12, 25, 27, 22, 19, 930],
  ['Västernorrland', 0, 0, 'X', 6, 13, 15, 12, 10, 520],
  ['Jämtland Härjedalen', 0, 0, 'X', 'X', 9, 8, 7, 5, 260],
  ['Västerbotten', 0, 0, 'X', 4, 11, 12, 10, 9, 430],
  ['Norrbotten', 0, 0, 'X', 5, 10, 13, 12, 8, 470],
];

/** The "Totalt inrapporterat" row: published as reported nationally (late reports make it differ from the sum of the regions). */
export const WEEKLY_NATIONAL = [19, 151, 532, 793, 780, 831, 740, 662, 33500] as const;

export const WEEKLY_TITLE = 'Antal nya inskrivna i slutenvård med covid-19 per vecka och region';
export const WEEKLY_MASK_NOTE = 'X – uppgiften har skyddats av sekretesskäl';

/**
 * The weekly sheet. `regionLabelInUpperRow`: Excel exports put the region column's heading either beside the
 * periods (upper row) or beside "Antal" (lower row); both occur.
 */
export function weeklySheet(options: { regionLabelInUpperRow?: boolean } = {}): Sheet {
  const upper = options.regionLabelInUpperRow ?? false;
  const rows: Cell[][] = [
    [WEEKLY_TITLE],
    ['Källa: Socialstyrelsens rapportering av slutenvårdade patienter'],
    [],
    [upper ? 'Region' : null, ...WEEKS, 'Totalt'],
    [upper ? null : 'Region', ...WEEKS.map(() => 'Antal'), 'Antal'],
    ['Totalt inrapporterat', ...WEEKLY_NATIONAL],
    ['Rapporterande region'],
    ...WEEKLY_ROWS.map((r) => [...r] as Cell[]),
    [],
    [WEEKLY_MASK_NOTE],
    ['Uppgifterna för de senaste veckorna kan komma att ändras.'],
  ];
  return { name: 'Inskrivna per vecka', rows };
}

// ---------------------------------------------------------------------------------------------------------
// 2. A cause-of-death table with a code hierarchy.

export const DEATH_AGES = ['0', '1–4', '5–14', '15–44', '45–64', '65–79', '80–'] as const;

type DeathValue = number | '-';
/** [code, cause, [men: Samtliga, ages…], [women: Samtliga, ages…]] — the code and cause only on the men's row in the sheet. */
export const DEATH_ROWS: readonly (readonly [string, string, readonly DeathValue[], readonly DeathValue[]])[] = [
  ['A00–Y98', 'Samtliga dödsorsaker', [45213, 120, 31, 48, 1410, 5842, 14907, 22855], [44975, 95, 22, 35, 640, 3920, 11840, 28423]],
  ['A00–B99', 'Vissa infektionssjukdomar och parasitsjukdomar', [1012, 2, '-', 1, 14, 83, 301, 611], [1106, 1, 1, '-', 9, 55, 262, 778]],
  ['A40–A41', 'Sepsis', [612, 1, '-', '-', 5, 41, 170, 395], [668, '-', '-', '-', 4, 30, 148, 486]],
  ['B99–B99', 'Andra och ospecificerade infektionssjukdomar', [58, '-', '-', '-', 2, 6, 17, 33], [61, '-', '-', '-', 1, 4, 15, 41]],
  ['B99', 'Andra och ospecificerade infektionssjukdomar', [58, '-', '-', '-', 2, 6, 17, 33], [61, '-', '-', '-', 1, 4, 15, 41]],
  ['C00–D48', 'Tumörer', [12381, 3, 6, 19, 302, 2410, 5650, 3991], [10924, 2, 4, 13, 355, 2230, 4512, 3808]],
  ['C15–C26', 'Maligna tumörer i matsmältningsorganen', [3611, '-', '-', 1, 58, 702, 1690, 1160], [3093, '-', '-', '-', 49, 561, 1310, 1173]],
  ['C18', 'Malign tumör i tjocktarmen', [1078, '-', '-', '-', 17, 164, 463, 434], [1105, '-', '-', '-', 15, 143, 420, 527]],
  ['C20', 'Malign tumör i ändtarmen', [391, '-', '-', '-', 9, 81, 177, 124], [296, '-', '-', '-', 6, 52, 121, 117]],
  ['I00–I99', 'Cirkulationsorganens sjukdomar', [14780, 2, 1, 4, 190, 1302, 4505, 8776], [15533, 1, 1, 3, 78, 520, 3320, 11610]],
  ['I20–I25', 'Ischemiska hjärtsjukdomar', [6543, '-', '-', '-', 61, 640, 2203, 3639], [5210, '-', '-', '-', 12, 150, 1190, 3858]],
  ['I21', 'Akut hjärtinfarkt', [2954, '-', '-', '-', 34, 330, 1010, 1580], [2301, '-', '-', '-', 7, 76, 530, 1688]],
];

export const DEATH_TITLE = 'Antal döda efter underliggande dödsorsak, kön och ålder, 2019';

/** Counts over 999 carry a NO-BREAK SPACE between thousands (Excel's grouped number format); "-" is zero. */
const deathCell = (v: DeathValue): Cell => (v === '-' ? '-' : v >= 1000 ? nbsp(v) : v);

export function causeOfDeathSheet(): Sheet {
  const rows: Cell[][] = [
    [DEATH_TITLE],
    ['Dödsorsaksregistret'],
    [],
    // The super-header: "Ålder" over the age columns (merged in the workbook); the first three headings
    // stand in this row and span both header rows.
    ['ICD-10', 'Dödsorsak', 'Kön', 'Ålder'],
    [null, null, null, 'Samtliga', ...DEATH_AGES],
  ];
  for (const [code, cause, men, women] of DEATH_ROWS) {
    rows.push([code, cause, 'Män', ...men.map(deathCell)]);
    rows.push([null, null, 'Kvinnor', ...women.map(deathCell)]);
  }
  rows.push([], ['"-" = inga fall'], ['Källa: Socialstyrelsen, dödsorsaksregistret']);
  return { name: 'Dödsorsaker 2019', rows, merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:K4'] };
}

// ---------------------------------------------------------------------------------------------------------
// 4. SCB's mean population (Medelfolkmängd), which is fractional.

/** Mean population by county and year: half of (population at the start + at the end of the year). */
export const MEAN_POPULATION: readonly (readonly [string, number, number])[] = [
  ['01 Stockholms län', 2391990.5, 2404560],
  ['03 Uppsala län', 385400, 390152.5],
  ['09 Gotlands län', 60035.5, 60240.5],
  ['12 Skåne län', 1383200.5, 1389450],
  ['25 Norrbottens län', 249830.5, 249650.5],
];

export function meanPopulationSheet(): Sheet {
  return {
    name: 'BE0101D9',
    rows: [
      ['Medelfolkmängd efter region och år'],
      [],
      ['region', '2020', '2021'],
      ...MEAN_POPULATION.map(([region, a, b]) => [region, shown(a, String(a)), shown(b, String(b))] as Cell[]),
      [],
      ['Källa: SCB, befolkningsstatistik'],
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// 5. Rates whose kind is named only in a title line.

/** Vårdtillfällen per 100 000 inhabitants by year, region and sex, in columns named by diagnosis. */
export const RATE_ROWS: readonly (readonly [string, string, string, number, number])[] = [
  ['2019', 'Stockholm', 'Män', 312.47, 205.1],
  ['2019', 'Stockholm', 'Kvinnor', 180.02, 190.77],
  ['2019', 'Skåne', 'Män', 298.5, 214.74],
  ['2019', 'Skåne', 'Kvinnor', 171.3, 201.08],
  ['2020', 'Stockholm', 'Män', 290.11, 199.4],
  ['2020', 'Stockholm', 'Kvinnor', 168.9, 185.25],
  ['2020', 'Skåne', 'Män', 281.63, 209.9],
  ['2020', 'Skåne', 'Kvinnor', 166.04, 196.51],
];

export function rateTitleSheet(title = 'Vårdtillfällen/100 000 inv'): Sheet {
  // The workbook stores some rates as Excel writes doubles ("312.47000000000003"); the CSV prints them as shown.
  const rate = (v: number): Cell => shown(v, String(v).replace('.', ','), v === 312.47 ? '312.47000000000003' : undefined);
  return {
    name: 'Diagnoser',
    rows: [
      ['Statistikdatabas för diagnoser – slutenvård'],
      [title],
      [],
      ['År', 'Region', 'Kön', 'I21 Akut hjärtinfarkt', 'I63 Cerebral infarkt'],
      ...RATE_ROWS.map(([year, region, sex, a, b]) => [year, region, sex, rate(a), rate(b)] as Cell[]),
      [],
      ['Socialstyrelsens statistikdatabas 2021-09-14'],
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// 6. A measure column: each row says which measure its values are.

/** [measure, region, 2019, 2020, 2021] */
export const MEASURE_ROWS: readonly (readonly [string, string, number, number, number])[] = [
  ['Number of patients', 'Stockholm', 1520, 1488, 1602],
  ['Number of patients', 'Skåne', 1011, 987, 1040],
  ['Number of patients', 'Entire Sweden', 5820, 5690, 5977],
  ['Admissions', 'Stockholm', 2410, 2302, 2515],
  ['Admissions', 'Skåne', 1603, 1588, 1662],
  ['Admissions', 'Entire Sweden', 9350, 9120, 9584],
  ['Patients per 100,000 inhabitants', 'Stockholm', 63.9, 62.1, 66.4],
  ['Patients per 100,000 inhabitants', 'Skåne', 73.4, 71.2, 74.6],
  ['Patients per 100,000 inhabitants', 'Entire Sweden', 56.4, 54.9, 57.3],
];

export function measureColumnSheet(): Sheet {
  return {
    name: 'Data',
    rows: [
      ['Heart failure: patients and admissions by region and year'],
      [],
      ['Measure', 'Region', '2019', '2020', '2021'],
      ...MEASURE_ROWS.map(([m, region, a, b, c]) => [m, region, a, b, c] as Cell[]),
      [],
      ['Source: National Board of Health and Welfare'],
    ],
  };
}
