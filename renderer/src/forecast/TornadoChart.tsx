// Sensitivity ("tornado") chart: for each assumption, the probability of reaching the target at the low and
// at the high end of its range, everything else as in the forecast; widest bar first. A table says the same. Bars
// are drawn at the printed precision (a tenth of a percentage point), so they carry nothing finer than the table.
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitivityBar } from '../../../shared/recruitment/project';
import { printableProbability } from '../../../shared/recruitment/printable';
import { formatDecimal, formatPercent } from '../format';
import type { Language } from '../../../shared/text/language';
import { DataTable } from '../ui/DataTable';
import { sameFigures } from '../ui/charts/same-figures';

const WIDTH = 640;
const ROW = 36;
const LABEL = 250;
const RIGHT = 24;
const TOP = 8;
const AXIS = 24;

/** The assumption's value in its own unit: shares as percentages, the rest as decimals. */
export function formatAssumptionValue(bar: SensitivityBar, value: number, language: Language): string {
  switch (bar.assumption) {
    case 'consent':
    case 'screen-failure':
    case 'dropout':
      return formatPercent(value, language);
    case 'activation-delay':
      return `+${formatDecimal(value, language, 0)}`;
    case 'rate-certainty':
    case 'site-rates':
      return `×${formatDecimal(value, language, 1)}`;
    default:
      return formatDecimal(value, language, 2);
  }
}

function TornadoChartView({ bars, probability, language }: { bars: SensitivityBar[]; probability: number; language: Language }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const height = TOP + bars.length * ROW + AXIS;
  const drawn = (p: number) => printableProbability(p);
  const x = (p: number) => LABEL + p * (WIDTH - LABEL - RIGHT);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className="chart" data-testid="tornado-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{t('forecast.tornado.title')}</title>
        <desc id={descId}>{t('forecast.tornado.desc', { p: formatPercent(probability, language) })}</desc>
        {ticks.map((p) => (
          <g key={p}>
            <line x1={x(p)} x2={x(p)} y1={TOP} y2={height - AXIS} className="chart-whisker" strokeOpacity={0.15} />
            <text x={x(p)} y={height - 6} textAnchor="middle" className="chart-label">
              {formatPercent(p, language, 0)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const top = TOP + i * ROW;
          const low = drawn(Math.min(bar.probabilityAtLow, bar.probabilityAtHigh));
          const high = drawn(Math.max(bar.probabilityAtLow, bar.probabilityAtHigh));
          const name = t(`forecast.tornado.assumption.${bar.assumption}`);
          return (
            <g key={bar.assumption} data-assumption={bar.assumption}>
              <title>{`${name}: ${formatPercent(bar.probabilityAtLow, language)} – ${formatPercent(bar.probabilityAtHigh, language)}`}</title>
              <text x={LABEL - 8} y={top + ROW / 2 - 3} textAnchor="end" className="chart-label">
                {name}
              </text>
              <text x={LABEL - 8} y={top + ROW / 2 + 11} textAnchor="end" className="chart-label">
                {`${formatAssumptionValue(bar, bar.lowValue, language)} – ${formatAssumptionValue(bar, bar.highValue, language)}`}
              </text>
              <rect x={x(low)} y={top + 6} width={Math.max(1, x(high) - x(low))} height={ROW - 12} className="chart-bar" />
            </g>
          );
        })}
        <line x1={x(drawn(probability))} x2={x(drawn(probability))} y1={TOP} y2={height - AXIS} className="chart-whisker" strokeWidth={2} />
      </svg>
      <details>
        <summary>{t('forecast.tornado.tableSummary')}</summary>
        <DataTable testId="tornado-table" caption={t('forecast.tornado.title')} columns={[{ label: t('forecast.tornado.columns.assumption') }, { label: t('forecast.tornado.columns.low'), numeric: true }, { label: t('forecast.tornado.columns.high'), numeric: true }, { label: t('forecast.tornado.columns.atLow'), numeric: true }, { label: t('forecast.tornado.columns.atHigh'), numeric: true }]}>
          {bars.map((bar) => (
            <tr key={bar.assumption}>
              <th scope="row">{t(`forecast.tornado.assumption.${bar.assumption}`)}</th>
              <td className="num">{formatAssumptionValue(bar, bar.lowValue, language)}</td>
              <td className="num">{formatAssumptionValue(bar, bar.highValue, language)}</td>
              <td className="num">{formatPercent(bar.probabilityAtLow, language)}</td>
              <td className="num">{formatPercent(bar.probabilityAtHigh, language)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

// Redrawn only when its figures change, compared by value: not on every edit's first render (which only marks the
// answer out of date), nor for an answer whose forecast came out the same (a new object with equal figures).
export const TornadoChart = memo(TornadoChartView, sameFigures);
