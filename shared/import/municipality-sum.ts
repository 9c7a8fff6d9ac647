/**
 * Files by municipality (SCB's PxWeb default region level, "0180 Stockholm"; Socialstyrelsen also exports by
 * kommun) are read as their counties: a municipality row's region is kept as its four-digit code while rows are
 * read (so that two identical municipality rows are still a duplicate), and afterwards each measure's
 * municipality cells that share a county and every other label are summed into one county cell. Both readers
 * of rows (the preview's interpretRows and the import's ColumnarInterpreter) plan the sums here and apply the
 * plan to their own cells, so they cannot drift apart.
 *
 * - Counts and populations are summed as intervals: a masked municipality ("X" = 1–3) adds its low and high,
 *   and the county cell is masked.
 * - A rate, share or mean cannot be summed: its municipality cells are left out with one warning naming the
 *   measure, or refused when they are all the measure has.
 * - When the file also holds the county's own row for the same labels, that row is kept and the county's
 *   municipalities are not added (no double counting); an exact county row that the municipalities' sum
 *   cannot reach is warned about with both figures.
 * - A county summed from fewer municipalities than it has is warned about: its figure is not the county's.
 */
import type { MeasureSpec } from './measure-kind';
import { MUNICIPALITIES_PER_COUNTY, type CountyCode } from '../regions/regions';
import { problem, type ImportProblem, type ProblemPlace } from './problems';
import { phrase, valuePhrase, type Phrase, type PhraseParam } from './phrases';

/** The value a municipality's region label is read as while rows are read: its four-digit code. */
export const isMunicipalityValue = (value: string): boolean => value.length === 4 && /^\d{4}$/.test(value);

/** One measure's cells as the planner reads them, whichever reader holds them. */
export interface MunicipalCells {
  name: string;
  spec: MeasureSpec;
  count: number;
  /** Index of the region dimension among the cells' dimensions. */
  regionDim: number;
  /** The normalised region value of cell i. */
  region(i: number): string;
  /** The cell's other labels, as one comparable key (region left out). */
  key(i: number): string;
  low(i: number): number;
  point(i: number): number;
  high(i: number): number;
  masked(i: number): boolean;
  place(i: number): ProblemPlace;
  /** Cell i's other labels for messages ("ålder 0-4, period 2022"; see cellLabel). */
  label(i: number): PhraseParam;
}

/**
 * Output cells in order: each made of one source cell as it is, or of a county's municipality cells summed.
 * No cells at all: the measure (a rate given only by municipality) is left out of the import.
 */
export interface SumPlan {
  out: { from: number[]; county: CountyCode | null }[];
}

export interface SumResult {
  /** Per measure: its plan, or null when its cells stay as they are. */
  plans: (SumPlan | null)[];
  problems: ImportProblem[];
}

const countyName = (code: string): Phrase | string => valuePhrase('region', code);

const interval = (low: number, high: number): number | Phrase => (low === high ? low : phrase('municipalityInterval', { low, high }));

/** Plans every measure's sums; `measures` in the order the reader reports them. */
export function planMunicipalitySums(measures: readonly MunicipalCells[], file: string): SumResult {
  const plans: (SumPlan | null)[] = [];
  const problems: ImportProblem[] = [];
  const whole = { file, line: null, column: null };
  const summedMunicipalities = new Set<string>();
  const summedCounties = new Set<string>();
  /** Per county: the fewest municipalities any of its sums had (a county summed from too few is not the county). */
  const fewest = new Map<string, { n: number; place: ProblemPlace }>();
  const keptCounties = new Map<string, number>();
  const anySummable = measures.some((m) => m.spec.kind === 'count' || m.spec.kind === 'population');
  for (const m of measures) {
    let any = false;
    for (let i = 0; i < m.count && !any; i++) any = isMunicipalityValue(m.region(i));
    if (!any) {
      plans.push(null);
      continue;
    }
    // The county rows present, by county and labels.
    const countyRow = new Map<string, number>();
    for (let i = 0; i < m.count; i++) {
      const r = m.region(i);
      if (!isMunicipalityValue(r)) countyRow.set(`${r}\u0001${m.key(i)}`, i);
    }
    const summable = m.spec.kind === 'count' || m.spec.kind === 'population';
    const out: SumPlan['out'] = [];
    const groups = new Map<string, { from: number[]; county: CountyCode | null }>();
    const shadowed = new Map<number, number[]>();
    let dropped = 0;
    for (let i = 0; i < m.count; i++) {
      const r = m.region(i);
      if (!isMunicipalityValue(r)) {
        out.push({ from: [i], county: null });
        continue;
      }
      const county = r.slice(0, 2) as CountyCode;
      const id = `${county}\u0001${m.key(i)}`;
      const own = countyRow.get(id);
      if (own !== undefined) {
        const list = shadowed.get(own) ?? [];
        list.push(i);
        shadowed.set(own, list);
        continue;
      }
      if (!summable) {
        dropped++;
        continue;
      }
      let group = groups.get(id);
      if (!group) {
        group = { from: [], county };
        groups.set(id, group);
        out.push(group);
      }
      group.from.push(i);
    }
    if (dropped > 0) {
      // Beside a count or a population the rate is only left out; a file of rates alone has nothing to import.
      problems.push(!anySummable
        ? problem('municipality-rate', 'error', whole, m.name, phrase('municipalityRateExp'), phrase('municipalityRateOnlyMsg', { measure: m.name }))
        : problem('municipality-rate', 'warning', whole, m.name, phrase('municipalityRateExp'), phrase('municipalityRateDroppedMsg', { measure: m.name, cells: dropped })));
    }
    for (const group of groups.values()) {
      const county = group.county!;
      summedCounties.add(county);
      const codes = new Set<string>();
      for (const i of group.from) {
        summedMunicipalities.add(m.region(i));
        codes.add(m.region(i));
      }
      const before = fewest.get(county);
      if (!before || codes.size < before.n) fewest.set(county, { n: codes.size, place: m.place(group.from[0]!) });
    }
    for (const [own, from] of shadowed) {
      const county = m.region(own);
      keptCounties.set(county, (keptCounties.get(county) ?? 0) + 1);
      if (!summable || m.masked(own)) continue;
      let low = 0;
      let high = 0;
      for (const i of from) {
        low += m.low(i);
        high += m.high(i);
      }
      const value = m.point(own);
      if (value < low || value > high) {
        problems.push(problem('municipality-sum-differs', 'warning', m.place(own), String(value), phrase('municipalitySumDiffersExp'),
          phrase('municipalitySumDiffersMsg', { county: countyName(county), value, sum: interval(low, high), label: m.label(own), measure: m.name })));
      }
    }
    plans.push({ out });
  }
  if (summedMunicipalities.size > 0) {
    problems.push(problem('municipalities-summed', 'warning', whole, '', phrase('municipalitiesSummedExp'),
      phrase('municipalitiesSummedMsg', { municipalities: summedMunicipalities.size, counties: summedCounties.size })));
  }
  for (const [county, cells] of keptCounties) {
    problems.push(problem('municipalities-summed', 'warning', whole, county, phrase('municipalitiesSummedExp'),
      phrase('municipalityCountyKeptMsg', { county: countyName(county), cells })));
  }
  for (const [county, { n, place }] of fewest) {
    const all = MUNICIPALITIES_PER_COUNTY[county as CountyCode];
    if (n < all) {
      problems.push(problem('municipalities-incomplete', 'warning', place, String(n), phrase('municipalitiesIncompleteExp', { all }),
        phrase('municipalitiesIncompleteMsg', { county: countyName(county), n, all })));
    }
  }
  return { plans, problems };
}
