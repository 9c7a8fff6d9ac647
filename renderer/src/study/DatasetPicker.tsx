// Which datasets a study is estimated from: every stored dataset, with the linked ones ticked; and which one is
// its population table for age shares.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../db/database';
import { useServices } from '../context';
import { populationCandidates } from '../import/population-link';

/** Every stored dataset's record, newest import first (null while loading). */
function useDatasetRecords(): DatasetRecord[] | null {
  const { db } = useServices();
  const [all, setAll] = useState<DatasetRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void db.datasets.orderBy('importedAt').reverse().toArray().then((rows) => live && setAll(rows));
    return () => {
      live = false;
    };
  }, [db]);
  return all;
}

export function DatasetPicker({ linked, onChange }: { linked: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const all = useDatasetRecords();
  // The choice shows at once; the workspace loads the datasets and recomputes behind it.
  const [selected, setSelected] = useState(linked);
  const [shownLinked, setShownLinked] = useState(linked);
  if (linked !== shownLinked) {
    setShownLinked(linked);
    setSelected(linked);
  }
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
              // Not `disabled`: a disabled box drops keyboard focus the moment it becomes the only one ticked.
              aria-disabled={last || undefined}
              aria-describedby={last ? 'dataset-picker-hint' : undefined}
              onChange={(e) => {
                if (last && !e.target.checked) return; // a study needs at least one dataset (the hint says so)
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

export interface PopulationChoice {
  /** The chosen population table's id, or null for uniform age shares. */
  id: string | null;
  onChange(id: string | null): void;
  /** How the answer on screen split straddling age bands (its EstimateBasis.ageShares), once there is one. */
  applied: { kind: 'uniform' } | { kind: 'population'; datasetId: string } | undefined;
}

/**
 * The study's population table: age bands straddling an age limit are split by it instead of uniformly. Lists
 * the stored datasets that have an age dimension, and says which weighting the shown answer used.
 */
export function PopulationPicker({ choice }: { choice: PopulationChoice }) {
  const { t } = useTranslation();
  const selectId = useId();
  const all = useDatasetRecords();
  if (!all) return null;
  const candidates = populationCandidates(all);
  const applied = choice.applied;
  const appliedName = applied?.kind === 'population' ? (all.find((d) => d.id === applied.datasetId)?.name ?? applied.datasetId) : null;
  return (
    <div className="plan" data-testid="population-picker">
      <label htmlFor={selectId}>{t('criteria.population.label')}</label>
      <select id={selectId} value={choice.id ?? ''} aria-describedby={`${selectId}-hint`} onChange={(e) => choice.onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('criteria.population.none')}</option>
        {candidates.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <p id={`${selectId}-hint`} className="hint">
        {t('criteria.population.hint')}
      </p>
      {applied && (
        <p data-testid="age-weighting">
          {appliedName ? t('criteria.population.usedPopulation', { name: appliedName }) : t('criteria.population.usedUniform')}
        </p>
      )}
    </div>
  );
}
