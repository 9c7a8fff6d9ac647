// The trend view: a small chart per series (Sweden first, then the regions) with the window the trend is measured
// on shaded and its fitted line dashed, the verdict in words under each, the window choice, and the same numbers
// as a table for keyboard and screen-reader users (and anyone who prefers numbers).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyTrends } from '../../../shared/trend';
import type { TrendWindow } from '../../../shared/trend/trend';
import type { DeclaredBreak } from '../../../shared/trend/breaks';
import { DeclaredBreaks, type DeclareOutcome } from './DeclaredBreaks';
import { MeasureToggle } from './MeasureToggle';
import { measureLegend, type MeasureMode } from './measure-mode';
import { PANEL_HEIGHT, PANEL_WIDTH, parseWindowValue, trendPanels, windowChoices, windowValue, type TrendPanel } from './trend-view-model';
import './trend.css';
import type { Language } from '../../../shared/text/language';

export interface TrendViewProps {
  trends: StudyTrends;
  language: Language;
  window: TrendWindow;
  onWindowChange(window: TrendWindow): void;
  mode: MeasureMode;
  onModeChange(mode: MeasureMode): void;
  /** The study's declared breaks and how to change them; absent: the view cannot save a declaration (none shown). */
  breaks?: {
    declared: readonly DeclaredBreak[];
    onDeclare(period: string, reason: string): DeclareOutcome;
    onWithdraw(period: string): void;
  };
}

export function TrendView({ trends, language, window, onWindowChange, mode, onModeChange, breaks }: TrendViewProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const periods = trends.data.periods.map((p) => p.label);
  const missing = t('trend.chart.noData');
  const panels = trendPanels(trends, mode, language, missing);
  const choices = windowChoices(periods);
  const ratesOffered = trends.data.population.datasetId !== null && trends.data.series.some((s) => s.points.some((p) => p.population));
  const measure = measureLegend(mode, t);
  return (
    <section className="trend-view" aria-labelledby={`${selectId}-title`} data-testid="trend-view">
      <h2 id={`${selectId}-title`}>{t('trend.title')}</h2>
      <p className="hint">{t('trend.intro')}</p>
      <div className="trend-controls">
        <div>
          <label htmlFor={selectId}>{t('trend.window.label')}</label>
          <select
            id={selectId}
            value={windowValue(window, periods)}
            aria-describedby={`${selectId}-hint`}
            onChange={(e) => {
              const next = parseWindowValue(e.target.value);
              if (next) onWindowChange(next);
            }}
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {t('trend.window.last', { n: c.n, from: c.from, to: c.to })}
              </option>
            ))}
          </select>
          <p id={`${selectId}-hint`} className="hint">
            {t('trend.window.hint')}
          </p>
        </div>
        <MeasureToggle mode={mode} onChange={onModeChange} ratesAvailable={ratesOffered} />
      </div>
      {breaks && <DeclaredBreaks periods={periods} breaks={breaks.declared} onDeclare={breaks.onDeclare} onWithdraw={breaks.onWithdraw} />}
      <ul className="trend-panels">
        {panels.map((p) => (
          <li key={p.key}>
            <TrendChart panel={p} measure={measure} />
          </li>
        ))}
      </ul>
      <details className="trend-table">
        <summary>{t('trend.table.summary')}</summary>
        <TrendTable panels={panels} measure={measure} />
      </details>
    </section>
  );
}

function TrendChart({ panel, measure }: { panel: TrendPanel; measure: string }) {
  const { t } = useTranslation();
  const id = useId();
  const title = t('trend.chart.title', { name: panel.name, measure, from: panel.axis.first, to: panel.axis.last });
  const desc = panel.trendLine ? t('trend.chart.desc', { last: panel.lastText }) : t('trend.chart.descNoTrend', { last: panel.lastText });
  return (
    <figure className="trend-panel" data-series={panel.key}>
      <figcaption>
        <strong>{panel.name}</strong> <span className="trend-last">{panel.lastText}</span>
      </figcaption>
      <svg viewBox={`0 0 ${PANEL_WIDTH} ${PANEL_HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <rect x={panel.windowStartX} y={0} width={PANEL_WIDTH - panel.windowStartX} height={PANEL_HEIGHT - 14} className="trend-window" />
        {panel.line && <polyline points={panel.line} className="trend-series" />}
        {panel.trendLine && <polyline points={panel.trendLine} className="trend-fit" />}
        {panel.points.map((p) =>
          p.y === null ? null : (
            <circle key={p.period} cx={p.x} cy={p.y} r={p.inWindow ? 2.6 : 1.8} className={p.inWindow ? 'trend-dot trend-dot-window' : 'trend-dot'}>
              <title>{`${p.period}: ${p.text}`}</title>
            </circle>
          ),
        )}
        <text x={4} y={PANEL_HEIGHT - 3} className="trend-axis">
          {panel.axis.first}
        </text>
        <text x={PANEL_WIDTH - 4} y={PANEL_HEIGHT - 3} textAnchor="end" className="trend-axis">
          {panel.axis.last}
        </text>
      </svg>
      <p className={panel.status.kind === 'trend' ? (panel.status.steady ? 'trend-status steady' : 'trend-status unsteady') : 'trend-status refused'}>
        {panel.status.kind === 'trend' ? (
          <>
            <span className="trend-average">{panel.status.average}</span> {panel.status.verdict}
          </>
        ) : (
          t('trend.refused', { reason: panel.status.reason })
        )}
      </p>
    </figure>
  );
}

function TrendTable({ panels, measure }: { panels: TrendPanel[]; measure: string }) {
  const { t } = useTranslation();
  const periods = panels[0]?.points.map((p) => p.period) ?? [];
  return (
    <div className="trend-table-scroll">
      <table className="data-table">
        <caption>{t('trend.table.caption', { measure })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trend.table.series')}</th>
            {periods.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
            <th scope="col">{t('trend.table.average')}</th>
            <th scope="col">{t('trend.table.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {panels.map((panel) => (
            <tr key={panel.key}>
              <th scope="row">{panel.name}</th>
              {panel.points.map((p) => (
                <td key={p.period} className="num">
                  {p.value === null ? t('trend.table.noValue') : p.text}
                </td>
              ))}
              <td className="num">{panel.status.kind === 'trend' ? panel.status.average : t('trend.table.noValue')}</td>
              <td>{panel.status.kind === 'trend' ? (panel.status.steady ? t('trend.steady') : t('trend.unsteady')) : t('trend.noTrend')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
