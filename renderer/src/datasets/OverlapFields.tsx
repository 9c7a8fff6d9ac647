/**
 * Which of a dataset's columns hold values that can overlap for one person (two drugs, two diagnoses, two regions
 * in a year): one labelled checkbox per choosable column, with the default marked. Used by the import preview
 * (before anything is stored) and the dataset page (editable later); the caller stores the answer.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface OverlapColumn {
  key: string;
  /** The column's header as the file wrote it. */
  label: string;
}

export function OverlapFields({
  columns,
  overlapping,
  defaults,
  disabled = false,
  onChange,
  testId,
}: {
  columns: readonly OverlapColumn[];
  /** Keys that overlap now. */
  overlapping: readonly string[];
  /** Keys that overlap by default for the dataset's basis. */
  defaults: readonly string[];
  disabled?: boolean;
  onChange(key: string, overlaps: boolean): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const explanationId = useId();
  return (
    <fieldset className="import-fieldset overlap-fields" aria-describedby={explanationId} data-testid={testId}>
      <legend>{t('overlap.legend')}</legend>
      <p id={explanationId} className="hint">
        {columns.length === 0 ? t('overlap.none') : t('overlap.explanation')}
      </p>
      {columns.map((c) => (
        <div key={c.key} className="import-check">
          <label>
            <input type="checkbox" checked={overlapping.includes(c.key)} disabled={disabled} onChange={(e) => onChange(c.key, e.target.checked)} />{' '}
            {t('overlap.dimension', { label: c.label })}
          </label>
          {defaults.includes(c.key) === overlapping.includes(c.key) && <span className="hint"> {t('overlap.defaultNote')}</span>}
        </div>
      ))}
    </fieldset>
  );
}
