// What the trend view shows, computed from the study's trends: one small chart per series (the nation first, then
// the 21 regions), the same numbers as a table, the window choices and each series' verdict in words. Pure, so the
// view is a thin layer and this is tested on its own.
import { COUNTY_CODES } from '../../../shared/regions/regions';
import type { StudyTrends } from '../../../shared/trend';
import { fittedLog } from '../../../shared/trend/fit';
import { ratePer100k } from '../../../shared/trend/rate-math';
import type { Series, SeriesKey, SeriesPoint } from '../../../shared/trend/series';
import { formatChange, refusalText, seriesName, steadinessText } from '../../../shared/trend/texts';
import { periodSpan } from '../../../shared/trend/time';
import type { Trend } from '../../../shared/trend/trend';
import { formatCount } from '../format';
import { formatRate, type MeasureMode } from './measure-mode';
import type { Language } from '../../../shared/text/language';

/** Chart geometry in SVG user units. */
export const PANEL_WIDTH = 220;
export const PANEL_HEIGHT = 96;
const PAD = { left: 6, right: 6, top: 8, bottom: 18 };

export interface PanelPoint {
  period: string;
  /** The value in the mode (count or rate), or null (no data, or no population for a rate). */
  value: number | null;
  text: string;
  x: number;
  y: number | null;
  inWindow: boolean;
}

export interface TrendPanel {
  key: SeriesKey;
  name: string;
  points: PanelPoint[];
  /** Polyline through the points with a value ("x,y x,y …"). */
  line: string;
  /** The fitted trend over the window, from its first to its last period ("x1,y1 x2,y2"), or null. */
  trendLine: string | null;
  /** x of the window's first period, for shading what the trend is measured on. */
  windowStartX: number;
  axis: { first: string; last: string };
  lastText: string;
  status: { kind: 'trend'; average: string; steady: boolean; verdict: string } | { kind: 'refused'; reason: string };
}

const ORDER: readonly SeriesKey[] = ['national', 'national-published', ...COUNTY_CODES];

function valueOf(point: SeriesPoint, mode: MeasureMode): number | null {
  if (!point.count) return null;
  if (mode === 'counts') return point.count.point;
  return ratePer100k(point.count, point.population?.persons)?.point ?? null;
}

function textOf(value: number | null, mode: MeasureMode, language: Language, missing: string): string {
  if (value === null) return missing;
  return mode === 'counts' ? formatCount(value, language) : formatRate(value, language);
}

function panel(trend: Trend, series: Series, periods: readonly string[], mode: MeasureMode, language: Language, missing: string): TrendPanel {
  // The chart shows every period of the data (the window's are marked), so a coordinator sees what came before.
  const all = periods.map((period) => series.points.find((p) => p.period === period) ?? null);
  const chartValues = all.map((p) => (p ? valueOf(p, mode) : null));
  const max = Math.max(1, ...chartValues.filter((v): v is number => v !== null));
  const plotW = PANEL_WIDTH - PAD.left - PAD.right;
  const plotH = PANEL_HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (periods.length <= 1 ? plotW / 2 : (i / (periods.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const windowSet = new Set(trend.window.periods);
  const points: PanelPoint[] = periods.map((period, i) => {
    const value = chartValues[i]!;
    return { period, value, text: textOf(value, mode, language, missing), x: x(i), y: value === null ? null : y(value), inWindow: windowSet.has(period) };
  });
  const line = points.filter((p) => p.y !== null).map((p) => `${round(p.x)},${round(p.y!)}`).join(' ');
  let trendLine: string | null = null;
  if (trend.outcome.ok && mode === 'counts') {
    const fit = trend.outcome.fit;
    const ends = [trend.window.from, trend.window.to].map((label) => {
      const i = periods.indexOf(label);
      return `${round(x(i))},${round(y(Math.exp(fittedLog(fit, periodSpan(label)!.time))))}`;
    });
    trendLine = ends.join(' ');
  }
  const lastWithValue = [...points].reverse().find((p) => p.value !== null);
  const status: TrendPanel['status'] = trend.outcome.ok
    ? {
        kind: 'trend',
        average: formatChange(trend.outcome.averageYearlyChange, language),
        steady: trend.outcome.steadiness.steady,
        verdict: steadinessText(trend.outcome.steadiness, trend.outcome.averageYearlyChange, language),
      }
    : { kind: 'refused', reason: refusalText(trend.outcome.refusal, language) };
  return {
    key: trend.key,
    name: seriesName(trend.key, language),
    points,
    line,
    trendLine,
    windowStartX: x(Math.max(0, periods.indexOf(trend.window.from))),
    axis: { first: periods[0] ?? '', last: periods[periods.length - 1] ?? '' },
    lastText: lastWithValue ? lastWithValue.text : missing,
    status,
  };
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** One panel per series: Sweden (sum of the regions), Sweden (published row, when the data has it), then the 21 regions. */
export function trendPanels(trends: StudyTrends, mode: MeasureMode, language: Language, missing: string): TrendPanel[] {
  const periods = trends.data.periods.map((p) => p.label);
  return ORDER.map((key) => trends.trends.find((t) => t.key === key))
    .filter((t): t is Trend => t !== undefined)
    .map((t) => panel(t, trends.data.series.find((s) => s.key === t.key)!, periods, mode, language, missing));
}

// The window choices live in window-choice.ts (the criteria form offers them without the trend's statistics).
export { parseWindowValue, windowChoices, windowValue, type WindowChoice } from './window-choice';
