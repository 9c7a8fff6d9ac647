// Horizontal bars with interval whiskers: the point estimate as a bar, [low, high] as a line across it.
import type { UiLanguage } from '../../../shared/ipc/contract';
import type { Interval } from '../../../shared/estimate/types';
import { formatCount, formatIntervalRange } from '../format';

export interface IntervalChartRow {
  key: string;
  label: string;
  interval: Interval;
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;
const WIDTH = 640;

export function IntervalChart({ rows, title, language }: { rows: IntervalChartRow[]; title: string; language: UiLanguage }) {
  const max = Math.max(1, ...rows.map((r) => r.interval.high));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
  const x = (v: number) => LABEL_WIDTH + (v / max) * plotWidth;
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="interval-chart-title" preserveAspectRatio="xMinYMin meet">
        <title id="interval-chart-title">{title}</title>
        {rows.map((row, i) => {
          const y = 4 + i * ROW_HEIGHT;
          const mid = y + ROW_HEIGHT / 2;
          return (
            <g key={row.key}>
              <title>{`${row.label}: ${formatCount(row.interval.point, language)} (${formatIntervalRange(row.interval, language)})`}</title>
              <text x={LABEL_WIDTH - 8} y={mid + 4} textAnchor="end" className="chart-label">
                {row.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(0, x(row.interval.point) - LABEL_WIDTH)} height={ROW_HEIGHT - 8} className="chart-bar" />
              <line x1={x(row.interval.low)} x2={x(row.interval.high)} y1={mid} y2={mid} className="chart-whisker" />
              <line x1={x(row.interval.low)} x2={x(row.interval.low)} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
              <line x1={x(row.interval.high)} x2={x(row.interval.high)} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
              <text x={WIDTH - 4} y={mid + 4} textAnchor="end" className="chart-value">
                {formatCount(row.interval.point, language)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
