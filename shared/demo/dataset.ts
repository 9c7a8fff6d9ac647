/**
 * The embedded demo dataset: plainly synthetic incident cancer counts shaped like a Socialstyrelsen
 * Cancerregistret export, so the first screen can show a real computation before the user imports anything.
 *
 * Shape: new cases (incident persons, by region of residence) per year 2019–2023 × 21 regions × ICD-10
 * (colon C18 as leaf codes C180, C182, C187, C189 plus its published category total C18; rectosigmoid C19;
 * rectum C20; breast C50 as a distractor) × sex × 5-year age band 0-4 … 85+. Each region's expected count is
 * proportional to its population (SCB 2019), with roughly Swedish incidence: about 6 500 colorectal cancers a
 * year, rising steeply with age, and about 8 000 breast cancers, nearly all in women. Counts are Poisson draws
 * from a fixed seed, so the dataset is identical on every machine. A published national ("Riket") row is added
 * per combination; like real national rows it is a little smaller than the sum of the regions (here: about
 * 0.4 % of people counted in two regions during the period). True counts of 1–3 are masked as "X" (interval
 * 1–3, point 2), as Socialstyrelsen does.
 */
import { DatasetBuilder } from '../counts/builder';
import type { Dataset, Provenance } from '../counts/dataset';
import { NATIONAL_POPULATION_2019, REGIONS } from '../regions/regions';
import { mulberry32, seedFromString } from '../utils/prng';
import { samplePoisson } from '../utils/distributions';

export const DEMO_DATASET_ID = 'demo-cancer-incidence-2019-2023';
export const DEMO_SEED_TEXT = 'antal-demo-dataset-v1';
export const DEMO_YEARS = ['2019', '2020', '2021', '2022', '2023'] as const;
export const DEMO_AGE_BANDS = [
  '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44',
  '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+',
] as const;
/** Leaf codes that make up the published C18 category total in the demo. */
export const DEMO_C18_LEAVES = ['C180', 'C182', 'C187', 'C189'] as const;
export const DEMO_CODES = [...DEMO_C18_LEAVES, 'C18', 'C19', 'C20', 'C50'] as const;
export const DEMO_SEXES = ['male', 'female'] as const;

/** Sweden's population by age band (SCB 2019, rounded to thousands): weights for the age mix. */
const POPULATION_BY_BAND = [594, 618, 594, 540, 600, 720, 705, 640, 625, 680, 680, 610, 560, 545, 560, 420, 270, 265];
/** Incidence per 100 000 by age band, roughly Swedish shapes. */
const COLORECTAL_RATE = [0, 0, 0, 0.3, 0.8, 1.5, 3, 6, 11, 20, 35, 60, 100, 160, 230, 300, 350, 360];
const BREAST_RATE = [0, 0, 0, 0, 1, 5, 20, 50, 110, 200, 250, 260, 300, 350, 370, 330, 300, 280];
const COLORECTAL_PER_YEAR = 6500;
const BREAST_PER_YEAR = 8000;
/** Relative yearly volume: 2020 lower, as when diagnostics were postponed during the pandemic. */
const YEAR_FACTOR = [1.0, 0.93, 1.01, 1.02, 1.03];
/**
 * The demo dataset's content hash (SHA-256 of its content as `datasetContentHash` defines it). The generator is
 * fixed and seeded, so its output and this digest never change; hashing its 1.4 MB of columns at every first start
 * cost more than generating them, on the path to the first answer (plain-script SHA-256, before the JIT warms up).
 * A test recomputes it from the generated columns, with this code's hasher and with an independent one.
 */
export const DEMO_CONTENT_SHA256 = 'de1c37d458a04670d734086a8f0ec57373b6c336611a44ec8253de51091d9629';
/** Share of a national count that the regions count twice (moved during the period). */
const COUNTED_TWICE = 0.004;

interface CodeProfile {
  code: string;
  /** Share of the cancer's yearly cases under this code. */
  share: number;
  maleShare: number;
  cancer: 'colorectal' | 'breast';
}

const PROFILES: CodeProfile[] = [
  { code: 'C180', share: 0.64 * 0.2, maleShare: 0.47, cancer: 'colorectal' },
  { code: 'C182', share: 0.64 * 0.14, maleShare: 0.47, cancer: 'colorectal' },
  { code: 'C187', share: 0.64 * 0.34, maleShare: 0.53, cancer: 'colorectal' },
  { code: 'C189', share: 0.64 * 0.32, maleShare: 0.5, cancer: 'colorectal' },
  { code: 'C19', share: 0.06, maleShare: 0.55, cancer: 'colorectal' },
  { code: 'C20', share: 0.3, maleShare: 0.6, cancer: 'colorectal' },
  { code: 'C50', share: 1, maleShare: 0.01, cancer: 'breast' },
];

/** Share of a cancer's cases falling in each age band: population × incidence, normalised. */
function ageShares(rate: number[]): number[] {
  const weights = POPULATION_BY_BAND.map((pop, i) => pop * rate[i]!);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

const DEMO_PROVENANCE_BASE: Omit<Provenance, 'sha256'> = {
  publisher: 'Antal demo (syntetiska data)',
  synthetic: true,
  periodFrom: '2019',
  periodTo: '2023',
  notes: [
    'Syntetiska demodata – inte verkliga patienter.',
    'Synthetic demo data – not real patients.',
    'Poissondragningar med fast frö kring befolkningsproportionella förväntade antal (SCB 2019); ungefär svensk åldersprofil.',
    'Riket är publicerat separat och är, som i verkliga filer, något mindre än summan av regionerna.',
    'Antal 1–3 är maskerade som "X" (1–3, punkt 2), som i Socialstyrelsens tabeller.',
  ],
  maskTokens: { X: { low: 1, high: 3, point: 2 } },
};

type Cell = { low: number; point: number; high: number; masked: boolean };
const published = (trueCount: number): Cell =>
  trueCount >= 1 && trueCount <= 3 ? { low: 1, point: 2, high: 3, masked: true } : { low: trueCount, point: trueCount, high: trueCount, masked: false };

export function createDemoDataset(): Dataset {
  const random = mulberry32(seedFromString(DEMO_SEED_TEXT));
  const colorectalAges = ageShares(COLORECTAL_RATE);
  const breastAges = ageShares(BREAST_RATE);
  const builder = new DatasetBuilder(
    {
      id: DEMO_DATASET_ID,
      name: 'Syntetiska demodata: nya fall av kolorektal- och bröstcancer 2019–2023',
      basis: { unit: 'persons', kind: 'incident', regionBasis: 'residence' },
      provenance: { ...DEMO_PROVENANCE_BASE, sha256: '' },
      dimensions: [
        { key: 'year', role: 'period' },
        { key: 'region', role: 'region' },
        { key: 'icd10', role: 'code' },
        { key: 'sex', role: 'sex' },
        { key: 'age', role: 'age' },
      ],
      // Generated with each patient under one code: nothing overlaps (a real register extract of persons by
      // diagnosis would keep the default, where codes overlap).
      overlappingDimensions: [],
    },
    32_000,
  );

  DEMO_YEARS.forEach((year, y) => {
    DEMO_SEXES.forEach((sex) => {
      DEMO_AGE_BANDS.forEach((age, a) => {
        // True counts of the C18 leaves per region (index 21 = national), for the published C18 total.
        const colonTotals = new Array<number>(REGIONS.length + 1).fill(0);
        for (const profile of PROFILES) {
          const perYear = profile.cancer === 'colorectal' ? COLORECTAL_PER_YEAR : BREAST_PER_YEAR;
          const ages = profile.cancer === 'colorectal' ? colorectalAges : breastAges;
          const sexShare = sex === 'male' ? profile.maleShare : 1 - profile.maleShare;
          const nationalMean = perYear * YEAR_FACTOR[y]! * profile.share * sexShare * ages[a]!;
          const isColonLeaf = (DEMO_C18_LEAVES as readonly string[]).includes(profile.code);
          let sumOfRegions = 0;
          REGIONS.forEach((region, r) => {
            const count = samplePoisson(random, (nationalMean * region.population2019) / NATIONAL_POPULATION_2019);
            sumOfRegions += count;
            if (isColonLeaf) colonTotals[r]! += count;
            builder.add([year, region.code, profile.code, sex, age], published(count));
          });
          const national = sumOfRegions - Math.min(sumOfRegions, samplePoisson(random, sumOfRegions * COUNTED_TWICE));
          if (isColonLeaf) colonTotals[REGIONS.length]! += national;
          builder.add([year, 'national', profile.code, sex, age], published(national));
          // The published C18 category total follows its last leaf. It is a parent of C180…C189, so the
          // estimator must never add it to them.
          if (profile.code === DEMO_C18_LEAVES[DEMO_C18_LEAVES.length - 1]) {
            REGIONS.forEach((region, r) => builder.add([year, region.code, 'C18', sex, age], published(colonTotals[r]!)));
            builder.add([year, 'national', 'C18', sex, age], published(colonTotals[REGIONS.length]!));
          }
        }
      });
    });
  });

  const dataset = builder.build();
  dataset.provenance = { ...DEMO_PROVENANCE_BASE, sha256: DEMO_CONTENT_SHA256 };
  return dataset;
}
