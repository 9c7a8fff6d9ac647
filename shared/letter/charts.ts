/**
 * The letter's two figures as SVG text (pdfmake draws `svg` nodes through svg-to-pdfkit): the county map shaded
 * by the printed figures, and the expected recruitment curve. Built from plain numbers, so the same input always
 * gives the same markup. Colours are fixed (print-safe, distinguishable in greyscale).
 */
import type { CountyCode } from '../regions/regions';
import { SVG_MAP_IDS } from '../regions/svg-map';
import type { SiteRate } from '../recruitment/site-rates';
import { SWEDEN_MAP } from './sweden-map.mjs';

const MAP_CLASS_FILLS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
const MAP_HIDDEN_FILL = '#d9d9d9';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Number with at most 2 decimals, no exponent: SVG coordinates that do not vary with float noise. */
function coord(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

export interface MapRegionValue {
  region: CountyCode;
  /** The printed point figure as a number, or null when the letter does not print it as a number. */
  value: number | null;
}

/** Quintile class (0..4) of each printed value; regions without a printed number get none. */
export function mapClasses(regions: readonly MapRegionValue[]): Map<CountyCode, number> {
  const shown = regions.filter((r): r is MapRegionValue & { value: number } => r.value !== null);
  const sorted = shown.map((r) => r.value).sort((a, b) => a - b);
  const classes = new Map<CountyCode, number>();
  if (sorted.length === 0) return classes;
  const uppers = MAP_CLASS_FILLS.map((_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / MAP_CLASS_FILLS.length) - 1)]!);
  for (const r of shown) {
    const index = uppers.findIndex((upper) => r.value <= upper);
    classes.set(r.region, index === -1 ? MAP_CLASS_FILLS.length - 1 : index);
  }
  return classes;
}

/** The county map, shaded by quintile of the printed point figures; regions printed without a number are grey. */
export function regionMapSvg(regions: readonly MapRegionValue[]): string {
  const classes = mapClasses(regions);
  const byShape = new Map(regions.map((r) => [SVG_MAP_IDS[r.region], r.region]));
  const paths = SWEDEN_MAP.locations.map((location) => {
    const region = byShape.get(location.id);
    const cls = region === undefined ? undefined : classes.get(region);
    const fill = cls === undefined ? MAP_HIDDEN_FILL : MAP_CLASS_FILLS[cls]!;
    return `<path d="${escapeXml(location.path)}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${SWEDEN_MAP.viewBox}">${paths.join('')}</svg>`;
}

/** Expected patients recruited by month t: Σ rate × months open (the mean of the Poisson–gamma model). */
export function expectedRecruited(sites: readonly SiteRate[], month: number, pick: 'low' | 'point' | 'high'): number {
  return sites.reduce((sum, s) => sum + s.ratePerMonth[pick] * Math.max(0, month - s.activationMonth), 0);
}

export interface RecruitmentChartInput {
  months: number;
  target: number;
  sites: readonly SiteRate[];
  /** Axis texts, already in the letter's language. */
  monthsLabel: string;
  targetLabel: string;
  formatCount(value: number): string;
}

const CHART = { width: 480, height: 220, left: 44, right: 12, top: 12, bottom: 32 } as const;

/** Cumulative expected recruitment at the low, point and high rates, with the target as a dashed line. */
export function recruitmentChartSvg(input: RecruitmentChartInput): string {
  const { months, target, sites } = input;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const top = Math.max(target, expectedRecruited(sites, months, 'high'), 1) * 1.1;
  const x = (m: number) => CHART.left + (months > 0 ? (m / months) * plotW : 0);
  const y = (v: number) => CHART.top + plotH - (v / top) * plotH;
  const line = (pick: 'low' | 'point' | 'high') =>
    Array.from({ length: months + 1 }, (_, m) => `${m === 0 ? 'M' : 'L'}${coord(x(m))},${coord(y(expectedRecruited(sites, m, pick)))}`).join(' ');
  const axis = `<path d="M${CHART.left},${CHART.top} L${CHART.left},${CHART.top + plotH} L${CHART.left + plotW},${CHART.top + plotH}" fill="none" stroke="#333333" stroke-width="1"/>`;
  const ticks = Array.from({ length: 5 }, (_, i) => Math.round((top / 1.1) * (i / 4)));
  const yTicks = ticks
    .map((v) => `<text x="${CHART.left - 4}" y="${coord(y(v) + 3)}" font-size="8" text-anchor="end" fill="#333333">${escapeXml(input.formatCount(v))}</text>`)
    .join('');
  const monthStep = months <= 12 ? 3 : months <= 36 ? 6 : 12;
  const xTicks = Array.from({ length: Math.floor(months / monthStep) + 1 }, (_, i) => i * monthStep)
    .map((m) => `<text x="${coord(x(m))}" y="${CHART.top + plotH + 12}" font-size="8" text-anchor="middle" fill="#333333">${m}</text>`)
    .join('');
  const xLabel = `<text x="${coord(CHART.left + plotW / 2)}" y="${CHART.height - 4}" font-size="8" text-anchor="middle" fill="#333333">${escapeXml(input.monthsLabel)}</text>`;
  const targetY = coord(y(target));
  const targetLine = `<path d="M${CHART.left},${targetY} L${CHART.left + plotW},${targetY}" fill="none" stroke="#b30000" stroke-width="1" stroke-dasharray="4,3"/>`;
  const targetText = `<text x="${CHART.left + 4}" y="${coord(y(target) - 3)}" font-size="8" fill="#b30000">${escapeXml(input.targetLabel)}</text>`;
  const band = `<path d="${line('low')}" fill="none" stroke="#6baed6" stroke-width="1"/><path d="${line('high')}" fill="none" stroke="#6baed6" stroke-width="1"/>`;
  const central = `<path d="${line('point')}" fill="none" stroke="#08519c" stroke-width="2"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}">${axis}${band}${central}${targetLine}${targetText}${yTicks}${xTicks}${xLabel}</svg>`;
}
