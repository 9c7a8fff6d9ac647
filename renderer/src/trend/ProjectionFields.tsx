/**
 * The projection to the recruitment period as the coordinator sets it on the study: off by default; when on, the
 * window the trend is fitted over, the prediction interval's level and whether every region takes the nation's
 * factor or its own trend. Every change is a study edit (saved and audited like the criteria).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { projectionSettingOf, type ProjectionSetting, type Study } from '../../../shared/criteria/study';
import type { Language } from '../../../shared/text/language';
import { formatPercent } from '../format';
import { parseWindowValue, windowChoices, windowValue } from './window-choice';

export const PROJECTION_LEVELS = [0.8, 0.9, 0.95] as const;

export function ProjectionFields({ study, periods, onChange, language }: { study: Study; periods: readonly string[]; onChange: (change: (s: Study) => Study) => void; language: Language }) {
  const { t } = useTranslation();
  const id = useId();
  const setting = projectionSettingOf(study);
  const update = (change: Partial<ProjectionSetting>) => onChange((s) => ({ ...s, projection: { ...projectionSettingOf(s), ...change } }));
  const choices = windowChoices(periods);
  const levels: readonly number[] = PROJECTION_LEVELS.includes(setting.level as (typeof PROJECTION_LEVELS)[number]) ? PROJECTION_LEVELS : [...PROJECTION_LEVELS, setting.level].sort();
  return (
    <fieldset className="plan" data-testid="projection-fields">
      <legend>{t('trend.projection.legend')}</legend>
      <label className="step-toggle">
        <input type="checkbox" checked={setting.on} aria-describedby={`${id}-hint`} onChange={(e) => update({ on: e.target.checked })} data-testid="projection-on" />
        <span>{t('trend.projection.on')}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('trend.projection.hint', { start: study.recruitment.startDate, months: study.recruitment.months })}
      </p>
      {setting.on && (
        <>
          <div className="field">
            <label htmlFor={`${id}-window`}>{t('trend.window.label')}</label>
            {choices.length > 0 ? (
              <select
                id={`${id}-window`}
                value={windowValue(setting.window, periods)}
                onChange={(e) => {
                  const next = parseWindowValue(e.target.value);
                  if (next) update({ window: next });
                }}
              >
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {t('trend.window.last', { n: c.n, from: c.from, to: c.to })}
                  </option>
                ))}
              </select>
            ) : (
              <p className="hint" id={`${id}-window`}>
                {t('trend.projection.noPeriods')}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-level`}>{t('trend.projection.level')}</label>
            <select id={`${id}-level`} value={String(setting.level)} onChange={(e) => update({ level: Number(e.target.value) })}>
              {levels.map((level) => (
                <option key={level} value={String(level)}>
                  {formatPercent(level, language, 0)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="trend-measure">
            <legend>{t('trend.projection.mode')}</legend>
            {(['national', 'per-region'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name={`${id}-mode`} value={mode} checked={setting.mode === mode} onChange={() => update({ mode })} />
                {t(`trend.projection.modes.${mode}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
