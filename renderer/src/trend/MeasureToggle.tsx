// Counts ↔ rates: two radio buttons (keyboard: Tab to the group, arrows between the two). Rates are offered only
// when a population is linked; the hint says why they are missing.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_MODES, type MeasureMode } from './measure-mode';

export function MeasureToggle({ mode, onChange, ratesAvailable }: { mode: MeasureMode; onChange(mode: MeasureMode): void; ratesAvailable: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="trend-measure" data-testid="measure-toggle">
      <legend>{t('trend.measure.label')}</legend>
      {MEASURE_MODES.map((m) => (
        <label key={m}>
          <input type="radio" name={name} value={m} checked={mode === m} disabled={m === 'rates' && !ratesAvailable} onChange={() => onChange(m)} />
          {t(`trend.measure.${m}`)}
        </label>
      ))}
      {!ratesAvailable && <span className="hint">{t('trend.measure.noPopulation')}</span>}
    </fieldset>
  );
}
