// The answer's rates per 100 000 as the page shows them: per region, healthcare region and the nation, beside the
// counts in the tables, and as the chart's and the map's values when the measure toggle says so. In the sponsor
// view every rate is computed from the printed count (discloseRate), so a hidden count hides its rate and a small
// one gives only the range its print allows.
import type { DisclosedAnswer, DisclosedFigure } from '../../../shared/disclosure';
import type { EstimateResult, RegionEstimate } from '../../../shared/estimate/types';
import type { CountyCode, HallandRule, HealthcareRegionId } from '../../../shared/regions/regions';
import { discloseRate } from '../../../shared/trend/disclosed-rates';
import type { SeriesPopulation } from '../../../shared/trend/population';
import { healthcareRegionPopulations, rateDecimals, type EstimateRates, type RateRow } from '../../../shared/trend/rate-math';
import type { Language } from '../../../shared/text/language';
import type { Interval } from '../../../shared/utils/interval';
import { formatCount } from '../format';
import { formatRate } from '../trend/measure-mode';

/** The rates of an answer, or null when no population is linked or it cannot give any rate. */
/** One row's rate as a table shows it. */
export interface RateCell {
  /** Inhabitants the rate is per ('' without a population). */
  population: string;
  point: string;
  range: string;
  /** The rate interval as written: the point rounded, the ends outwards (null without a population, and in the sponsor view). */
  interval: Interval | null;
  /** The sponsor view's rate, computed from the printed count. */
  disclosed: DisclosedFigure | null;
  suppressed: 'primary' | 'secondary' | null;
}

const EMPTY: RateCell = { population: '', point: '', range: '', interval: null, disclosed: null, suppressed: null };

function cellOf(row: Pick<RateRow, 'count' | 'rate'> | undefined, population: SeriesPopulation | null | undefined, disclosed: DisclosedFigure | undefined, language: Language, hiddenText: string, noPopulation: string): RateCell {
  const persons = population?.persons ?? null;
  const populationText = persons === null ? '' : formatCount(persons, language);
  if (persons === null || !row) return { ...EMPTY, point: noPopulation };
  if (disclosed) {
    const rate = discloseRate(disclosed, persons, language, hiddenText);
    if (!rate) return { ...EMPTY, point: noPopulation };
    return { population: populationText, point: rate.text, range: rate.intervalText, interval: null, disclosed: rate, suppressed: rate.suppressed };
  }
  if (!row.rate) return { ...EMPTY, point: noPopulation };
  const r = row.rate;
  // Outwards at the point's decimals, so an interval never looks narrower than it is; the chart and the map draw
  // and write the same rounded interval as the table.
  const decimals = rateDecimals(r.point);
  const factor = 10 ** decimals;
  const rounded = { low: Math.floor(r.low * factor + 1e-9) / factor, point: Math.round(r.point * factor) / factor, high: Math.ceil(r.high * factor - 1e-9) / factor };
  return {
    population: populationText,
    point: formatRate(rounded.point, language, decimals),
    range: `${formatRate(rounded.low, language, decimals)}–${formatRate(rounded.high, language, decimals)}`,
    interval: rounded,
    disclosed: null,
    suppressed: null,
  };
}

export interface AnswerRateView {
  /** The population table period the rates divide by. */
  period: string;
  regions: Map<CountyCode, RateCell>;
  healthcareRegions: Map<HealthcareRegionId, RateCell>;
  national: RateCell;
  /** Regions with patients but no population (no rate). */
  missing: CountyCode[];
}

export function answerRateView(
  rates: EstimateRates,
  estimate: EstimateResult,
  disclosed: DisclosedAnswer | null,
  hallandRule: HallandRule,
  language: Language,
  texts: { hidden: string; noPopulation: string },
): AnswerRateView {
  const cell = (row: RateRow | undefined, population: SeriesPopulation | null | undefined, figure: DisclosedFigure | undefined) =>
    cellOf(row, population, figure, language, texts.hidden, texts.noPopulation);
  const regions = new Map<CountyCode, RateCell>();
  const missing: CountyCode[] = [];
  for (const r of estimate.regions) {
    const row = rates.regions[r.region];
    const figure = disclosed?.regions.find((d) => d.region === r.region);
    regions.set(r.region, cell(row, row?.population, figure));
    if (!row?.population && r.eligible.high > 0) missing.push(r.region);
  }
  // The sponsor view splits Halland by the whole percentage every output prints; its inhabitants are split the same way.
  const rule: HallandRule = disclosed && hallandRule.kind === 'population-split' ? { kind: 'population-split', sodraShare: disclosed.hallandSodraShare } : hallandRule;
  const hrPopulations = healthcareRegionPopulations(Object.fromEntries(Object.entries(rates.regions).map(([code, row]) => [code, row.population])), rule);
  const healthcareRegions = new Map<HealthcareRegionId, RateCell>();
  for (const h of estimate.healthcareRegions) {
    const figure = disclosed?.healthcareRegions.find((d) => d.healthcareRegion === h.id);
    const row = rates.healthcareRegions[h.id];
    healthcareRegions.set(h.id, cell(row, disclosed ? hrPopulations[h.id] : row?.population, figure));
  }
  const national = cell(rates.national, rates.national.population, disclosed?.national);
  const period = Object.values(rates.regions).find((r) => r.population)?.population?.period ?? rates.period;
  return { period, regions, healthcareRegions, national, missing };
}

/** The regions as the map draws them in rate mode: each region's rate interval as its value (regions without one left out). */
export function rateRegions(regions: readonly RegionEstimate[], view: AnswerRateView): RegionEstimate[] {
  return regions.flatMap((r) => {
    const cell = view.regions.get(r.region);
    if (!cell) return [];
    if (cell.interval) return [{ ...r, eligible: cell.interval }];
    // In the sponsor view the map shades by the disclosed rate only; the interval is the printed one's drawable ends.
    if (cell.disclosed) return [{ ...r, eligible: { low: cell.disclosed.low.value ?? 0, point: cell.disclosed.point.value ?? 0, high: cell.disclosed.high.value ?? 0 } }];
    return [];
  });
}
