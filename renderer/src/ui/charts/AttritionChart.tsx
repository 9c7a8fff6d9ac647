// Attrition as a chart: one bar per step (patients remaining, point estimate) with its interval; switched-off
// steps are drawn hatched at the previous level, the most limiting step is marked.
import { memo } from 'react';
import type { AttritionStep } from '../../../../shared/estimate/types';
import { formatCount, formatIntervalRange, formatPercent } from '../../format';
import type { Language } from '../../../../shared/text/language';
import { sameFiguresWith } from './same-figures';

const WIDTH = 640;
const ROW = 26;
const LABEL = 200;
const VALUE = 110;

export interface AttritionChartProps {
  steps: AttritionStep[];
  /** A step's label (the parent makes it anew each render: compared by the labels it gives). */
  labelOf: (s: AttritionStep) => string;
  title: string;
  mostLimitingStepId: string | null;
  language: Language;
}

/** Drawn again only when the steps' figures or labels change, not for every new answer object. */
export const AttritionChart = memo(AttritionChartView, (a, b) => sameFiguresWith<AttritionChartProps>(a, b, { labelOf: (p) => p.steps }));

function AttritionChartView({ steps, labelOf, title, mostLimitingStepId, language }: AttritionChartProps) {
  const max = Math.max(1, ...steps.map((s) => s.total.high));
  const plot = WIDTH - LABEL - VALUE - 12;
  const x = (v: number) => LABEL + (v / max) * plot;
  const height = steps.length * ROW + 8;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="attrition-chart-title">
        <title id="attrition-chart-title">{title}</title>
        {steps.map((s, i) => {
          const y = 4 + i * ROW;
          const mid = y + ROW / 2;
          const label = labelOf(s);
          return (
            <g key={s.stepId} className={s.enabled ? undefined : 'chart-off'}>
              <title>{`${label}: ${formatCount(s.total.point, language)} (${formatIntervalRange(s.total, language)}), ${formatPercent(s.remainingShare, language)}`}</title>
              <text x={LABEL - 8} y={mid + 4} textAnchor="end" className="chart-label">
                {label.length > 30 ? `${label.slice(0, 29)}…` : label}
              </text>
              <rect x={LABEL} y={y + 5} width={Math.max(1, x(s.total.point) - LABEL)} height={ROW - 10} className={s.stepId === mostLimitingStepId ? 'chart-bar chart-bar-limiting' : 'chart-bar'} />
              <line x1={x(s.total.low)} x2={x(s.total.high)} y1={mid} y2={mid} className="chart-whisker" />
              <text x={WIDTH - 4} y={mid + 4} textAnchor="end" className="chart-value">
                {`${formatCount(s.total.point, language)} · ${formatPercent(s.remainingShare, language)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
