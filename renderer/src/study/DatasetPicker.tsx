// Which datasets a study is estimated from: every stored dataset, with the linked ones ticked.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../db/database';
import { useServices } from '../context';

export function DatasetPicker({ linked, onChange }: { linked: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [all, setAll] = useState<DatasetRecord[] | null>(null);
  // The choice shows at once; the workspace loads the datasets and recomputes behind it.
  const [selected, setSelected] = useState(linked);
  const [shownLinked, setShownLinked] = useState(linked);
  if (linked !== shownLinked) {
    setShownLinked(linked);
    setSelected(linked);
  }
  useEffect(() => {
    let live = true;
    void db.datasets.orderBy('importedAt').reverse().toArray().then((rows) => live && setAll(rows));
    return () => {
      live = false;
    };
  }, [db]);
  if (!all) return null;
  return (
    <fieldset className="plan" data-testid="dataset-picker">
      <legend>{t('criteria.datasets')}</legend>
      {all.map((d) => {
        const checked = selected.includes(d.id);
        const last = checked && selected.length === 1;
        return (
          <label key={d.id} className="step-toggle">
            <input
              type="checkbox"
              checked={checked}
              disabled={last}
              aria-describedby={last ? 'dataset-picker-hint' : undefined}
              onChange={(e) => {
                const next = e.target.checked ? [...selected, d.id] : selected.filter((id) => id !== d.id);
                setSelected(next);
                onChange(next);
              }}
            />
            <span>
              {d.name}
              {d.provenance.synthetic ? ` (${t('datasets.synthetic')})` : ''}
            </span>
          </label>
        );
      })}
      <p id="dataset-picker-hint" className="hint">
        {t('criteria.datasetsHint')}
      </p>
    </fieldset>
  );
}
