/**
 * Population-weighted shares for age bands that straddle an age criterion.
 *
 * Without a population table the estimator assumes patients are spread evenly over a band's years (band 60–69,
 * criterion ≥ 65: half the band). Incidence and population both change with age, so with an SCB population table
 * (persons by single year of age, and where present by region and sex) the share is the band's population at the
 * ages inside the criterion over the band's whole population: for 60–69 and ≥ 65, persons aged 65–69 / persons
 * aged 60–69, in the cell's own region and sex. The low and high are unchanged (0 and the whole band): the
 * population says how people are spread, not exactly how patients are.
 *
 * Which persons weigh a cell: the cell's county if the table has it, else the whole country (the table's national
 * rows, or the sum of its counties); the cell's sex if the table has it, else both sexes. Only the latest period of
 * the table is used, and only its finest cells (no totals). A band whose persons add up to 0 falls back to uniform.
 *
 * The table may also be a finer table of the same measure at another level (a national table of patients by
 * 5-year age, for regional counts in one band 0–19): its age bands are spread evenly over their years, and
 * `keep` leaves out the cells the study's other criteria exclude (another drug, another diagnosis).
 */
import type { Dataset } from '../counts/dataset';
import { parseAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';
import { parseRegion } from '../regions/parse';
import { COUNTY_CODES } from '../regions/regions';
import { ALL_VALUE, NATIONAL_SLOT, SLOT_COUNT, dimensionIndexByRole, regionSlots, totalValueMask } from './dimension-structure';

/** Ages 0..POPULATION_MAX_AGE; an open top band from 100 ("100+") is counted at its first year. */
export const POPULATION_MAX_AGE = 120;
/** Years an open band below 100 ("85+") is spread over. */
const OPEN_BAND_YEARS = 10;
const AGES = POPULATION_MAX_AGE + 1;
/** Sex rows of the table: male, female, and rows for both sexes together. */
const MALE = 0;
const FEMALE = 1;
const BOTH = 2;

/** Why a table cannot give age shares. */
export type PopulationTableProblem = 'no-age' | 'age-all' | 'bad-sex' | 'no-persons';

export class InvalidPopulationTableError extends Error {
  constructor(readonly datasetId: string, readonly reason: PopulationTableProblem, detail: string) {
    super(`Population table "${datasetId}": ${detail}`);
    this.name = 'InvalidPopulationTableError';
  }
}

export interface AgeWeights {
  datasetId: string;
  /** True when the table has persons per county (not only national figures). */
  hasRegions: boolean;
  /** Persons per single year of age (index = age) for a cell's region and sex values (null: the data has no such column). */
  profile(regionValue: string | null, sexValue: string | null): Float64Array;
}

const sexIndex = (value: string): number => (value === 'male' ? MALE : value === 'female' ? FEMALE : value === ALL_VALUE ? BOTH : -1);

/**
 * Reads the table once; profiles are built on first use and kept. `keep(cell)` (optional) leaves cells out.
 */
export function ageWeightsFrom(population: Dataset, keep?: (cell: number) => boolean): AgeWeights {
  const fail = (reason: PopulationTableProblem, detail: string): never => {
    throw new InvalidPopulationTableError(population.id, reason, detail);
  };
  const dims = population.dimensions;
  const ageDim = dimensionIndexByRole(population, 'age');
  if (ageDim < 0) fail('no-age', 'it has no age column');
  const regionDim = dimensionIndexByRole(population, 'region');
  const sexDim = dimensionIndexByRole(population, 'sex');
  const periodDim = dimensionIndexByRole(population, 'period');

  // Values that keep a cell out: totals (sex "all" is kept as the both-sexes row, region "national" as the
  // national slot), and every period but the latest.
  const skip = dims.map((d, i) => (i === regionDim ? new Uint8Array(d.values.length) : totalValueMask(population.id, d)));
  if (sexDim >= 0) dims[sexDim]!.values.forEach((v, i) => (skip[sexDim]![i] = sexIndex(v) < 0 ? fail('bad-sex', `sex value "${v}" is not male, female or all`) : 0));
  if (periodDim >= 0) {
    let latest = -1;
    let latestEnd = Number.NEGATIVE_INFINITY;
    dims[periodDim]!.values.forEach((v, i) => {
      const p = parsePeriod(v);
      if (!skip[periodDim]![i] && p && p.endDay > latestEnd) {
        latestEnd = p.endDay;
        latest = i;
      }
    });
    skip[periodDim]!.fill(1);
    if (latest >= 0) skip[periodDim]![latest] = 0;
  }
  // Each age value's first year and how many years it spreads over (1 for single years; a band's width; an open
  // band "85+" over OPEN_BAND_YEARS).
  const ageFrom = new Int32Array(dims[ageDim]!.values.length).fill(-1);
  const ageYears = new Int32Array(dims[ageDim]!.values.length);
  dims[ageDim]!.values.forEach((v, i) => {
    if (skip[ageDim]![i]) return;
    const band = parseAgeBand(v);
    if (!band || band.kind === 'all') return;
    const from = Math.min(band.min, POPULATION_MAX_AGE);
    const to = band.max === null ? (band.min >= 100 ? from : Math.min(POPULATION_MAX_AGE, band.min + OPEN_BAND_YEARS - 1)) : Math.min(band.max, POPULATION_MAX_AGE);
    ageFrom[i] = from;
    ageYears[i] = to - from + 1;
  });
  if (!ageFrom.some((a) => a >= 0)) fail('age-all', 'it has no ages, only a total over all ages');
  const slotOf = regionDim >= 0 ? regionSlots(population.id, dims[regionDim]!) : null;
  const sexOf = sexDim >= 0 ? Int32Array.from(dims[sexDim]!.values, sexIndex) : null;

  // persons[(slot × 3 + sex) × AGES + age]
  const persons = new Float64Array(SLOT_COUNT * 3 * AGES);
  for (let i = 0; i < population.cellCount; i++) {
    let kept = true;
    for (let d = 0; d < dims.length && kept; d++) if (skip[d]![population.columns[d]![i]!]) kept = false;
    if (!kept || (keep && !keep(i))) continue;
    const ageValue = population.columns[ageDim]![i]!;
    const from = ageFrom[ageValue]!;
    if (from < 0) continue;
    const years = ageYears[ageValue]!;
    const slot = slotOf ? slotOf[population.columns[regionDim]![i]!]! : NATIONAL_SLOT;
    const sex = sexOf ? sexOf[population.columns[sexDim]![i]!]! : BOTH;
    const perYear = population.point[i]! / years;
    for (let a = from; a < from + years; a++) persons[(slot * 3 + sex) * AGES + a]! += perYear;
  }
  const has = (slot: number, sex: number): boolean => {
    const from = (slot * 3 + sex) * AGES;
    for (let a = 0; a < AGES; a++) if (persons[from + a]! > 0) return true;
    return false;
  };
  const rows = (slot: number, sex: number): Float64Array => persons.subarray((slot * 3 + sex) * AGES, (slot * 3 + sex + 1) * AGES);
  /** A slot's persons of one sex (MALE, FEMALE) or both (BOTH): its own rows if present, else the sexes it has. */
  const ofSex = (slot: number, sex: number): Float64Array | null => {
    if (has(slot, sex)) return rows(slot, sex);
    if (sex !== BOTH || !(has(slot, MALE) || has(slot, FEMALE))) return null;
    return rows(slot, MALE).map((x, a) => x + rows(slot, FEMALE)[a]!);
  };
  const counties = Array.from({ length: NATIONAL_SLOT }, (_, s) => s);
  const nationalOf = (sex: number): Float64Array | null => {
    const own = ofSex(NATIONAL_SLOT, sex);
    if (own) return own;
    const parts = counties.map((s) => ofSex(s, sex)).filter((p): p is Float64Array => p !== null);
    if (parts.length === 0) return null;
    const sum = new Float64Array(AGES);
    for (const p of parts) for (let a = 0; a < AGES; a++) sum[a]! += p[a]!;
    return sum;
  };
  if (!nationalOf(BOTH) && !nationalOf(MALE) && !nationalOf(FEMALE)) fail('no-persons', 'it holds no persons at any age');

  const cache = new Map<string, Float64Array>();
  const slotFor = (regionValue: string | null): number => {
    if (regionValue === null) return NATIONAL_SLOT;
    const ref = parseRegion(regionValue);
    return ref?.kind === 'county' ? COUNTY_CODES.indexOf(ref.code) : NATIONAL_SLOT;
  };
  return {
    datasetId: population.id,
    hasRegions: counties.some((slot) => has(slot, BOTH) || has(slot, MALE) || has(slot, FEMALE)),
    profile(regionValue, sexValue) {
      const key = `${regionValue ?? ''}\u0001${sexValue ?? ''}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const slot = slotFor(regionValue);
      const sex = sexValue === 'male' ? MALE : sexValue === 'female' ? FEMALE : BOTH;
      // Most specific first: own county and sex, own county both sexes, the country and sex, the country.
      const found =
        (slot !== NATIONAL_SLOT ? (ofSex(slot, sex) ?? ofSex(slot, BOTH)) : null) ??
        nationalOf(sex) ??
        nationalOf(BOTH) ??
        new Float64Array(AGES);
      cache.set(key, found);
      return found;
    },
  };
}
