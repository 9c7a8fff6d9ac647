// Cumulative enrolment over time: the expected curve with its 80 % and 95 % prediction bands, the target line
// and the deadline, plus the same numbers as a table for screen readers and for copying. It draws the printable
// series (whole patients, shared/recruitment/printable.ts), so its coordinates carry nothing finer than the table.
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableBandPoint } from '../../../shared/recruitment/printable';
import { addMonths } from '../../../shared/recruitment/plan';
import { roundTickStep } from '../../../shared/letter/charts';
import { formatCount, formatDecimal } from '../format';
import type { Language } from '../../../shared/text/language';
import { DataTable } from '../ui/DataTable';
import { sameFigures } from '../ui/charts/same-figures';

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 48;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 36;

export interface EnrolmentChartProps {
  series: readonly PrintableBandPoint[];
  target: number;
  months: number;
  startDate: string;
  deadlineDate: string;
  language: Language;
}

function EnrolmentChartView({ series, target, months, startDate, deadlineDate, language }: EnrolmentChartProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  // The count axis ends on a round tick above the target and the 95 % band.
  const highest = Math.max(target, ...series.map((p) => p.high95), 1);
  const yStep = roundTickStep(highest);
  const yMax = Math.ceil(highest / yStep) * yStep;
  const x = (month: number) => LEFT + (month / Math.max(months, 1)) * (WIDTH - LEFT - RIGHT);
  const y = (count: number) => TOP + (1 - count / yMax) * (HEIGHT - TOP - BOTTOM);
  const area = (low: (p: PrintableBandPoint) => number, high: (p: PrintableBandPoint) => number): string =>
    [...series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(high(p)).toFixed(1)}`), ...[...series].reverse().map((p) => `L${x(p.month).toFixed(1)},${y(low(p)).toFixed(1)}`), 'Z'].join(' ');
  const meanLine = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p.expected).toFixed(1)}`).join(' ');
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const xStep = months <= 12 ? 1 : months <= 36 ? 3 : 6;
  const xTicks = Array.from({ length: Math.floor(months / xStep) + 1 }, (_, i) => i * xStep);
  const last = series[series.length - 1];

  return (
    <figure className="chart" data-testid="enrolment-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{t('forecast.chart.title')}</title>
        <desc id={descId}>{t('forecast.chart.desc', { target: formatCount(target, language), deadline: deadlineDate, point: formatCount(last?.expected ?? 0, language) })}</desc>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} className="chart-whisker" strokeOpacity={0.15} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
              {formatCount(v, language)}
            </text>
          </g>
        ))}
        {xTicks.map((m) => (
          <text key={`x${m}`} x={x(m)} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="chart-label">
            {formatCount(m, language)}
          </text>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 4} textAnchor="middle" className="chart-label">
          {t('forecast.chart.month')}
        </text>
        <path d={area((p) => p.low95, (p) => p.high95)} className="chart-bar" fillOpacity={0.25} data-testid="band-95" />
        <path d={area((p) => p.low80, (p) => p.high80)} className="chart-bar" fillOpacity={0.5} data-testid="band-80" />
        <path d={meanLine} className="chart-whisker" fill="none" strokeWidth={2.5} data-testid="mean-line" />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(target)} y2={y(target)} className="chart-whisker" strokeDasharray="6 4" />
        <text x={LEFT + 4} y={y(target) - 4} className="chart-label">
          {t('forecast.chart.target', { target: formatCount(target, language) })}
        </text>
        <line x1={x(months)} x2={x(months)} y1={TOP} y2={HEIGHT - BOTTOM} className="chart-whisker" strokeDasharray="2 3" />
        <text x={x(months) - 4} y={TOP + 10} textAnchor="end" className="chart-label">
          {t('forecast.chart.deadline')} {deadlineDate}
        </text>
      </svg>
      <details>
        <summary>{t('forecast.chart.tableSummary')}</summary>
        <DataTable testId="enrolment-table" caption={t('forecast.chart.title')} columns={[{ label: t('forecast.chart.columns.month') }, { label: t('forecast.chart.columns.date') }, { label: t('forecast.chart.columns.mean'), numeric: true }, { label: t('forecast.chart.columns.band80'), numeric: true }, { label: t('forecast.chart.columns.band95'), numeric: true }]}>
          {series.map((p) => (
            <tr key={p.month}>
              <th scope="row">{formatDecimal(p.month, language, 1)}</th>
              <td>{addMonths(startDate, p.month)}</td>
              <td className="num">{formatCount(p.expected, language)}</td>
              <td className="num">{`${formatCount(p.low80, language)}–${formatCount(p.high80, language)}`}</td>
              <td className="num">{`${formatCount(p.low95, language)}–${formatCount(p.high95, language)}`}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

// Redrawn only when its figures change, compared by value: not on every edit's first render (which only marks the
// answer out of date), nor for an answer whose forecast came out the same (a new object with equal figures).
export const EnrolmentChart = memo(EnrolmentChartView, sameFigures);
