// Horizontal bars with interval whiskers: the point estimate as a bar, [low, high] as a line across it.
// With a disclosed figure (the sponsor view) a row shows only what the policy prints: a small value as a hatched
// band over its range (e.g. 1–4), a hidden one as its text alone.
import { memo, type ReactNode } from 'react';
import type { DisclosedFigure, DisclosedValue } from '../../../../shared/disclosure';
import { formatCount, formatIntervalRange } from '../../format';
import type { Language } from '../../../../shared/text/language';
import type { Interval } from '../../../../shared/utils/interval';
import { sameFiguresWith } from './same-figures';

export interface IntervalChartRow {
  key: string;
  label: string;
  interval: Interval;
  /** Set in the sponsor view: the row shows this instead of the exact interval. */
  disclosed?: DisclosedFigure | null;
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;
const WIDTH = 640;

/** Where a disclosed end may be drawn: a printed number, or the edge of a small value's range; null if hidden. */
function drawable(v: DisclosedValue, edge: 'low' | 'high'): number | null {
  if (v.kind === 'shown' || v.kind === 'zero') return v.value;
  if (v.kind === 'hidden') return null;
  return edge === 'low' ? v.display.low : v.display.high;
}

function rowScale(row: IntervalChartRow): number {
  if (!row.disclosed) return row.interval.high;
  return Math.max(drawable(row.disclosed.high, 'high') ?? 0, drawable(row.disclosed.point, 'high') ?? 0);
}

export interface IntervalChartProps {
  rows: IntervalChartRow[];
  title: string;
  language: Language;
  /** Writes a value of the rows (default: whole patients; rates per 100 000 pass their own). */
  format?: (value: number) => string;
}

/**
 * Drawn again only when its rows' figures, texts or the values it writes change, not for every new answer object
 * (a site's rate leaves the regions' figures as they were).
 */
export const IntervalChart = memo(IntervalChartView, (a, b) => sameFiguresWith<IntervalChartProps>(a, b, { format: (p) => p.rows.flatMap((r) => [r.interval.low, r.interval.point, r.interval.high]) }));

function IntervalChartView({ rows, title, language, format }: IntervalChartProps) {
  const write = format ?? ((v: number) => formatCount(v, language));
  const max = Math.max(1, ...rows.map(rowScale));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
  const x = (v: number) => LABEL_WIDTH + (v / max) * plotWidth;
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="interval-chart-title" preserveAspectRatio="xMinYMin meet">
        <title id="interval-chart-title">{title}</title>
        <defs>
          <pattern id="chart-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
        </defs>
        {rows.map((row, i) => {
          const y = 4 + i * ROW_HEIGHT;
          const mid = y + ROW_HEIGHT / 2;
          const label = (
            <text x={LABEL_WIDTH - 8} y={mid + 4} textAnchor="end" className="chart-label">
              {row.label}
            </text>
          );
          if (row.disclosed) return <DisclosedRow key={row.key} row={row} disclosed={row.disclosed} y={y} mid={mid} x={x} label={label} />;
          return (
            <g key={row.key}>
              <title>{`${row.label}: ${write(row.interval.point)} (${format ? `${write(row.interval.low)}–${write(row.interval.high)}` : formatIntervalRange(row.interval, language)})`}</title>
              {label}
              <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(0, x(row.interval.point) - LABEL_WIDTH)} height={ROW_HEIGHT - 8} className="chart-bar" />
              <Whisker low={x(row.interval.low)} high={x(row.interval.high)} mid={mid} />
              <text x={WIDTH - 4} y={mid + 4} textAnchor="end" className="chart-value">
                {write(row.interval.point)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Whisker({ low, high, mid }: { low: number; high: number; mid: number }) {
  return (
    <>
      <line x1={low} x2={high} y1={mid} y2={mid} className="chart-whisker" />
      <line x1={low} x2={low} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
      <line x1={high} x2={high} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
    </>
  );
}

function DisclosedRow({ row, disclosed, y, mid, x, label }: { row: IntervalChartRow; disclosed: DisclosedFigure; y: number; mid: number; x: (v: number) => number; label: ReactNode }) {
  const point = disclosed.point;
  const low = drawable(disclosed.low, 'low');
  const high = drawable(disclosed.high, 'high');
  const barHeight = ROW_HEIGHT - 8;
  return (
    <g data-suppressed={disclosed.suppressed ?? undefined}>
      <title>{`${row.label}: ${disclosed.text} (${disclosed.intervalText})`}</title>
      {label}
      {point.kind === 'small' || point.kind === 'band' ? (
        <rect x={x(point.display.low)} y={y + 4} width={Math.max(2, x(point.display.high) - x(point.display.low))} height={barHeight} className="chart-bar-suppressed" />
      ) : point.kind === 'hidden' ? null : (
        <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(0, x(point.value ?? 0) - LABEL_WIDTH)} height={barHeight} className="chart-bar" />
      )}
      {low !== null && high !== null && <Whisker low={x(low)} high={x(high)} mid={mid} />}
      <text x={WIDTH - 4} y={mid + 4} textAnchor="end" className="chart-value">
        {disclosed.text}
      </text>
    </g>
  );
}
