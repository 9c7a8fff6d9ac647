/**
 * The answer's "Trend" section: the study's eligible patients period by period (TrendView), computed on request
 * in a worker, with a status while it runs and a button that cancels it. The window is the study's projection
 * window, so what the section shows is what a projection would be fitted on; changing it here changes the study.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../../shared/counts/dataset';
import { projectionSettingOf, type Study } from '../../../shared/criteria/study';
import type { StudyTrends } from '../../../shared/trend';
import { declareBreak, withdrawBreak } from '../../../shared/trend/declared-breaks';
import type { TrendWindow } from '../../../shared/trend/trend';
import type { Language } from '../../../shared/text/language';
import { formatDecimal } from '../format';
import type { MeasureMode } from './measure-mode';
import type { TrendRequest, TrendResponse } from './trend-protocol';
import { TrendView } from './TrendView';
import { StatusLine } from '../ui/StatusLine';

/** The outcome for one set of inputs (`key`); while the shown inputs have none, the computation is running. */
type Outcome = { key: string } & ({ status: 'cancelled' } | { status: 'error'; message: string } | { status: 'done'; trends: StudyTrends; millis: number });
type State = { status: 'idle' } | { status: 'running' } | Outcome;

export function TrendSection({
  study,
  datasets,
  population,
  language,
  onChange,
  createWorker = () => new Worker(new URL('./trend.worker.ts', import.meta.url), { type: 'module' }),
}: {
  study: Study;
  datasets: Dataset[];
  population: Dataset | null;
  language: Language;
  /** Saves a change of the window on the study; absent: the window is changed for this view only. */
  onChange?: (change: (s: Study) => Study) => void;
  createWorker?: () => Worker;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [localWindow, setLocalWindow] = useState<TrendWindow | null>(null);
  const [mode, setMode] = useState<MeasureMode>('counts');
  const worker = useRef<Worker | null>(null);
  const setting = projectionSettingOf(study);
  const window = localWindow ?? setting.window;

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };

  // The inputs that change the trends: a new computation replaces the running one.
  const key = JSON.stringify({ steps: study.steps, population: study.population, ageShare: study.ageShare, window, breaks: setting.declaredBreaks, datasets: datasets.map((d) => d.id), table: population?.id ?? null });
  const state: State = !open ? { status: 'idle' } : outcome?.key === key ? outcome : { status: 'running' };
  useEffect(() => {
    if (!open) return;
    stop();
    const w = createWorker();
    worker.current = w;
    w.onmessage = (event: MessageEvent<TrendResponse>) => {
      const message = event.data;
      setOutcome(message.type === 'result' ? { key, status: 'done', trends: message.trends, millis: message.millis } : { key, status: 'error', message: message.message });
      stop();
    };
    w.onerror = (event) => {
      setOutcome({ key, status: 'error', message: event.message });
      stop();
    };
    w.postMessage({ study, datasets, population, window, declaredBreaks: setting.declaredBreaks } satisfies TrendRequest);
    return stop;
    // `key` stands for every input read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, key]);

  const changeWindow = (next: TrendWindow) => {
    if (onChange) {
      setLocalWindow(null);
      onChange((s) => ({ ...s, projection: { ...projectionSettingOf(s), window: next } }));
    } else setLocalWindow(next);
  };

  // While a change (the window, a declared break) is recomputed, the previous view stays, so the control that made
  // the change keeps its focus and its message; the status line says the figures are being recomputed.
  const shown = state.status === 'done' ? state : state.status === 'running' && outcome?.status === 'done' ? outcome : null;

  // Declared breaks are saved on the study (and so audited); a view that cannot save offers none.
  const breaksFor = (periods: readonly string[]) =>
    onChange
      ? {
          declared: setting.declaredBreaks,
          onDeclare(period: string, reason: string) {
            const outcome = declareBreak(setting, periods, period, reason);
            if (!outcome.ok) return outcome;
            setLocalWindow(null);
            onChange((s) => {
              const again = declareBreak(projectionSettingOf(s), periods, period, reason);
              return again.ok ? { ...s, projection: again.setting } : s;
            });
            return { ok: true as const, windowMoved: outcome.windowMoved };
          },
          onWithdraw(period: string) {
            onChange((s) => ({ ...s, projection: withdrawBreak(projectionSettingOf(s), period) }));
          },
        }
      : undefined;

  return (
    <section aria-labelledby="trend-section-title" data-testid="trend-section" aria-busy={state.status === 'running'}>
      <h2 id="trend-section-title">{t('trend.section.title')}</h2>
      <p className="hint">{t('trend.section.intro')}</p>
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="trend-show">
          {t('trend.section.show')}
        </button>
      ) : (
        <>
          <div className="step-actions">
            {state.status === 'running' ? (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  stop();
                  setOutcome({ key, status: 'cancelled' });
                }}
              >
                {t('trend.section.cancel')}
              </button>
            ) : (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  stop();
                  setOutcome(null);
                  setOpen(false);
                }}
              >
                {t('trend.section.hide')}
              </button>
            )}
          </div>
          <StatusLine hint testId="trend-status">
            {state.status === 'running'
              ? t('trend.section.running')
              : state.status === 'cancelled'
                ? t('trend.section.cancelled')
                : state.status === 'error'
                  ? t('trend.section.error', { message: state.message })
                  : state.status === 'done'
                    ? t('trend.section.done', { seconds: formatDecimal(state.millis / 1000, language, 1) })
                    : ''}
          </StatusLine>
          {shown && (
            <TrendView
              trends={shown.trends}
              language={language}
              window={window}
              onWindowChange={changeWindow}
              mode={mode}
              onModeChange={setMode}
              {...(onChange ? { breaks: breaksFor(shown.trends.data.periods.map((p) => p.label))! } : {})}
            />
          )}
        </>
      )}
    </section>
  );
}
