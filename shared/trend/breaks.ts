/**
 * Breaks in a series: a period that cannot be compared with the one before it, so no trend may be measured
 * across it. Each kind is detected from the data, except a new reporting rule, which the data cannot show and the
 * coordinator declares.
 *
 * - code-change: a code or drug the criteria include first has patients in a period and keeps having them (it
 *   appears), or has none from a period on (it disappears), somewhere in the data. A code that comes and goes
 *   (0, 1, 0, 2 patients) is a small count, not a change of codes. A break at the first period it appears, or the
 *   first period it is gone.
 * - period-length: the periods change length (years, then months): a prevalent count of a month is not a year's.
 * - regions-changed: the regions with data change, so the sum of the regions counts different regions (only the
 *   national sum; each region's own series simply has no value where it has no data).
 * - zero-population: the population of the series is 0 in a period, or part of it is (Socialstyrelsen's tables
 *   carry a population of 0 where a drug was not reported; see SeriesPopulation.incomplete): that period itself is
 *   not a comparable value of the series.
 * - declared: the coordinator's note that the data changed meaning from a period on (a new reporting rule, a
 *   register's new coverage), with their reason.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import { estimateEligible } from '../estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../regions/regions';
import type { CountyCode } from '../regions/regions';
import { totalValueMask } from '../estimate/dimension-structure';
import { cutsOf, slice } from './slice';
import { seriesStudy } from './study-parts';
import type { Series, SeriesKey, TrendData, TrendDataOptions } from './series';
import type { PeriodSpan } from './time';
import type { DeclaredBreak } from './declared-breaks';

// Declaring a break is a change of the study's setting, kept apart from detection so that the answer page can
// offer it without loading the estimator.
export { declareBreak, withdrawBreak, type DeclareBreakResult, type DeclaredBreak } from './declared-breaks';

export type SeriesBreak =
  | { kind: 'code-change'; period: string; dimension: string; appeared: string[]; disappeared: string[] }
  | { kind: 'period-length'; period: string; fromYears: number; toYears: number }
  | { kind: 'regions-changed'; period: string; appeared: CountyCode[]; disappeared: CountyCode[] }
  | { kind: 'zero-population'; period: string }
  | { kind: 'declared'; period: string; reason: string };

/** Breaks that concern every series of the data: code changes, period lengths and declared ones. */
export interface DataBreaks {
  common: SeriesBreak[];
  /** Composition changes of the national sum. */
  national: SeriesBreak[];
}

/** Periods a code/extra value has patients in (its high > 0 in some cell of that period), per column. */
function activity(dataset: Dataset, dim: number, periodDim: number, labels: Map<number, string>): Map<number, Set<string>> {
  const active = new Map<number, Set<string>>();
  const values = dataset.columns[dim]!;
  const periods = dataset.columns[periodDim]!;
  for (let i = 0; i < dataset.cellCount; i++) {
    if (!(dataset.high[i]! > 0)) continue;
    const label = labels.get(periods[i]!);
    if (label === undefined) continue;
    let set = active.get(values[i]!);
    if (!set) active.set(values[i]!, (set = new Set()));
    set.add(label);
  }
  return active;
}

/**
 * Where a value's activity switches for good: on from a period (appears) or off from a period (disappears).
 * Null when it is active throughout, never, or comes and goes.
 */
function switchOf(active: Set<string>, order: readonly string[]): { appears?: string; disappears?: string } | null {
  const flags = order.map((label) => active.has(label));
  const first = flags.indexOf(true);
  const last = flags.lastIndexOf(true);
  if (first < 0) return null;
  // Active on one unbroken run: inactive before it means it appeared; inactive after it means it disappeared.
  for (let i = first; i <= last; i++) if (!flags[i]) return null;
  const out: { appears?: string; disappears?: string } = {};
  if (first > 0) out.appears = order[first]!;
  if (last < order.length - 1) out.disappears = order[last + 1]!;
  return out.appears || out.disappears ? out : null;
}

/** Code changes among the values the study's criteria include (checked by the estimator on that value alone). */
function codeChanges(study: Study, datasets: readonly Dataset[], order: readonly string[], options: TrendDataOptions): SeriesBreak[] {
  const measured = seriesStudy(study);
  const estimateOptions = { hallandRule: DEFAULT_HALLAND_RULE, ...(options.ageShares ? { population: options.ageShares } : {}) };
  const byPeriod = new Map<string, { dimension: string; appeared: Set<string>; disappeared: Set<string> }>();
  for (const dataset of datasets) {
    const cut = cutsOf(dataset);
    if (!cut) continue;
    const periodDim = dataset.dimensions.findIndex((d) => d.role === 'period');
    const labels = new Map([...cut.periods].map(([label, v]) => [v, label]));
    dataset.dimensions.forEach((dimension, dim) => {
      if (dimension.role !== 'code' && dimension.role !== 'extra') return;
      const totals = totalValueMask(dataset.id, dimension);
      for (const [value, active] of activity(dataset, dim, periodDim, labels)) {
        if (totals[value]) continue;
        const change = switchOf(active, order);
        if (!change) continue;
        // Does the study count this value at all? Ask the estimator with only this value's cells of a period it is active in.
        const column = dataset.columns[dim]!;
        const sample = order.find((label) => active.has(label))!;
        const result = estimateEligible(measured, [slice(dataset, cut.periods.get(sample)!, 'as-is', (i) => column[i] === value)], estimateOptions);
        const reached = result.national.high + (result.nationalPublished?.high ?? 0) + (result.unknownRegion?.high ?? 0);
        if (!(reached > 0)) continue;
        const name = dimension.values[value]!;
        for (const [period, list] of [[change.appears, 'appeared'], [change.disappears, 'disappeared']] as const) {
          if (!period) continue;
          const key = `${period}\u0000${dimension.key}`;
          let entry = byPeriod.get(key);
          if (!entry) byPeriod.set(key, (entry = { dimension: dimension.key, appeared: new Set(), disappeared: new Set() }));
          entry[list].add(name);
        }
      }
    });
  }
  return [...byPeriod.entries()]
    .map(([key, e]) => ({ kind: 'code-change' as const, period: key.split('\u0000')[0]!, dimension: e.dimension, appeared: [...e.appeared].sort(), disappeared: [...e.disappeared].sort() }))
    .sort((a, b) => order.indexOf(a.period) - order.indexOf(b.period) || a.dimension.localeCompare(b.dimension));
}

function periodLengths(periods: readonly PeriodSpan[]): SeriesBreak[] {
  const out: SeriesBreak[] = [];
  for (let i = 1; i < periods.length; i++) {
    const a = periods[i - 1]!;
    const b = periods[i]!;
    if (Math.abs(a.nominalYears - b.nominalYears) > 1e-9) out.push({ kind: 'period-length', period: b.label, fromYears: a.nominalYears, toYears: b.nominalYears });
  }
  return out;
}

function regionChanges(data: TrendData): SeriesBreak[] {
  const out: SeriesBreak[] = [];
  for (let i = 1; i < data.periods.length; i++) {
    const before = new Set(data.regionsPresent[data.periods[i - 1]!.label] ?? []);
    const now = new Set(data.regionsPresent[data.periods[i]!.label] ?? []);
    const appeared = [...now].filter((c) => !before.has(c));
    const disappeared = [...before].filter((c) => !now.has(c));
    if (appeared.length + disappeared.length > 0 && before.size > 0 && now.size > 0) out.push({ kind: 'regions-changed', period: data.periods[i]!.label, appeared, disappeared });
  }
  return out;
}

/** The breaks of the data as a whole (code changes, period lengths, declared) and of the national sum. */
export function dataBreaks(study: Study, datasets: readonly Dataset[], data: TrendData, options: TrendDataOptions & { declared?: readonly DeclaredBreak[] } = {}): DataBreaks {
  const order = data.periods.map((p) => p.label);
  const declared: SeriesBreak[] = (options.declared ?? []).map((d) => ({ kind: 'declared', period: d.period, reason: d.reason }));
  return {
    common: [...codeChanges(study, datasets, order, options), ...periodLengths(data.periods), ...declared],
    national: regionChanges(data),
  };
}

/** The breaks of one series: the data's, the national sum's composition, and its own zero populations. */
export function seriesBreaks(series: Series, breaks: DataBreaks): SeriesBreak[] {
  const own: SeriesBreak[] = series.points
    .filter((p) => p.population && (p.population.persons === 0 || p.population.incomplete))
    .map((p) => ({ kind: 'zero-population', period: p.period }));
  return [...breaks.common, ...(series.key === 'national' ? breaks.national : []), ...own];
}

export const isNationalKey = (key: SeriesKey): boolean => key === 'national' || key === 'national-published';
