/**
 * The letter's figures as SVG text (pdfmake draws `svg` nodes through svg-to-pdfkit): the expected recruitment
 * curve here, the county map in map.ts. Built from plain numbers, so the same input always
 * gives the same markup. Colours are fixed (print-safe, distinguishable in greyscale).
 */
import type { PrintableBandPoint } from '../recruitment/printable';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Number with at most 2 decimals, no exponent: SVG coordinates that do not vary with float noise. */
function coord(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

export interface RecruitmentChartInput {
  /** The printable series (printableEnrolment): whole patients at months since the start. */
  series: readonly PrintableBandPoint[];
  months: number;
  target: number;
  /** Texts, already in the letter's language. */
  monthsLabel: string;
  countLabel: string;
  targetLabel: string;
  formatCount(value: number): string;
}

const CHART = { width: 480, height: 236, left: 48, right: 14, top: 22, bottom: 34 } as const;

/** "Round" tick step: 1, 2 or 5 × a power of ten, giving at most `count` steps up to `max`. */
export function roundTickStep(max: number, count = 5): number {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9) ?? raw;
  return Math.max(1, step);
}

/**
 * Cumulative patients by month since the start: the expected number (line) and its 80 % prediction interval
 * (band), with the target dashed and round ticks on the count axis. Every value drawn is a whole number of
 * patients from `series` — a figure the letter may print — and the axis ends on a round tick, so the coordinates
 * give a reader nothing finer than the printed figures (no site rate, no hidden count behind a rate).
 */
export function recruitmentChartSvg(input: RecruitmentChartInput): string {
  const { months, target, series } = input;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const highest = Math.max(target, ...series.map((p) => p.high80), 1);
  const step = roundTickStep(highest);
  const top = Math.ceil(highest / step) * step;
  const x = (m: number) => CHART.left + (months > 0 ? (m / months) * plotW : 0);
  const y = (v: number) => CHART.top + plotH - (v / top) * plotH;
  const at = (m: number, v: number) => `${coord(x(m))},${coord(y(v))}`;
  const line = (points: readonly PrintableBandPoint[], value: (p: PrintableBandPoint) => number) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(p.month, value(p))}`).join(' ');
  const text = (tx: number, ty: number, anchor: string, content: string, fill = '#333333') =>
    `<text x="${coord(tx)}" y="${coord(ty)}" font-size="8" text-anchor="${anchor}" fill="${fill}">${escapeXml(content)}</text>`;
  const axis = `<path d="M${CHART.left},${CHART.top} L${CHART.left},${CHART.top + plotH} L${CHART.left + plotW},${CHART.top + plotH}" fill="none" stroke="#333333" stroke-width="1"/>`;
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step)
    .map((v) => `<path d="M${CHART.left - 3},${coord(y(v))} L${CHART.left},${coord(y(v))}" fill="none" stroke="#333333" stroke-width="1"/>${text(CHART.left - 5, y(v) + 3, 'end', input.formatCount(v))}`)
    .join('');
  const monthStep = months <= 12 ? 3 : months <= 36 ? 6 : 12;
  const xTicks = Array.from({ length: Math.floor(months / monthStep) + 1 }, (_, i) => i * monthStep)
    .map((m) => text(x(m), CHART.top + plotH + 12, 'middle', input.formatCount(m)))
    .join('');
  const labels = text(CHART.left + plotW / 2, CHART.height - 4, 'middle', input.monthsLabel) + text(CHART.left - 5, CHART.top - 10, 'start', input.countLabel);
  const targetY = coord(y(target));
  const targetLine = `<path d="M${CHART.left},${targetY} L${CHART.left + plotW},${targetY}" fill="none" stroke="#b30000" stroke-width="1" stroke-dasharray="4,3"/>`;
  const targetText = text(CHART.left + 4, y(target) - 3, 'start', input.targetLabel, '#b30000');
  const band =
    series.length > 0
      ? `<path d="${line(series, (p) => p.high80)} ${[...series].reverse().map((p) => `L${at(p.month, p.low80)}`).join(' ')} Z" fill="#c6dbef" stroke="none"/>`
      : '';
  const central = series.length > 0 ? `<path d="${line(series, (p) => p.expected)}" fill="none" stroke="#08519c" stroke-width="2"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}">${band}${axis}${central}${targetLine}${targetText}${yTicks}${xTicks}${labels}</svg>`;
}
