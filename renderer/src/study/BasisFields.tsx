/**
 * The study's basis as a visible choice: incident or prevalent, persons or events, region of residence or of
 * care. Defaulted from the linked datasets (the core's defaultStudyBasis), explained in one sentence from the
 * core's texts, and changeable with radio buttons (arrow keys move within a group).
 */
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { basisExplanation, basisWords } from '../../../shared/answer/describe';
import type { Dataset } from '../../../shared/counts/dataset';
import { defaultStudyBasis, withStudyBasis } from '../../../shared/criteria/basis';
import type { Study, StudyBasis } from '../../../shared/criteria/study';
import type { Language } from '../../../shared/text/language';

type Field = 'kind' | 'unit' | 'regionBasis';

const CHOICES: Record<Field, Array<{ value: string; key: string }>> = {
  kind: [
    { value: 'prevalent', key: 'study.basis.kindPrevalent' },
    { value: 'incident', key: 'study.basis.kindIncident' },
  ],
  unit: [
    { value: 'persons', key: 'study.basis.unitPersons' },
    { value: 'events', key: 'study.basis.unitEvents' },
  ],
  regionBasis: [
    { value: 'residence', key: 'study.basis.regionResidence' },
    { value: 'care', key: 'study.basis.regionCare' },
  ],
};

const LEGENDS: Record<Field, string> = { kind: 'study.basis.kind', unit: 'study.basis.unit', regionBasis: 'study.basis.regionBasis' };

/** Whether the study's basis is the one the data suggests. */
export function basisMatchesDefault(basis: Pick<StudyBasis, Field>, suggested: Pick<StudyBasis, Field> | null): boolean {
  return suggested === null || (basis.kind === suggested.kind && basis.unit === suggested.unit && basis.regionBasis === suggested.regionBasis);
}

interface BasisFieldsProps {
  study: Study;
  datasets: readonly Dataset[];
  onChange: (change: (s: Study) => Study) => void;
  language: Language;
}

/** Reads only the study's basis: an edit of the criteria or the plan (a new study object) does not redraw it. */
export const BasisFields = memo(
  BasisFieldsView,
  (a, b) => a.study.population === b.study.population && a.datasets === b.datasets && a.onChange === b.onChange && a.language === b.language,
);

function BasisFieldsView({ study, datasets, onChange, language }: BasisFieldsProps) {
  const { t } = useTranslation();
  const name = useId();
  const explanationId = useId();
  const suggested = defaultStudyBasis(datasets);
  const basis = study.population;
  const matches = basisMatchesDefault(basis, suggested);
  return (
    <fieldset className="plan basis-fields" data-testid="study-basis-fields" aria-describedby={explanationId}>
      <legend>{t('study.basis.legend')}</legend>
      {(Object.keys(CHOICES) as Field[]).map((field) => (
        <fieldset key={field} className="basis-group">
          <legend>{t(LEGENDS[field])}</legend>
          {CHOICES[field].map((choice) => (
            <label key={choice.value} className="step-toggle">
              <input
                type="radio"
                name={`${name}-${field}`}
                value={choice.value}
                checked={basis[field] === choice.value}
                onChange={() => onChange((s) => withStudyBasis(s, { [field]: choice.value } as Partial<Pick<StudyBasis, Field>>))}
              />
              <span>{t(choice.key)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <p id={explanationId} data-testid="basis-explanation">
        {basisExplanation(basis, language)}
      </p>
      {suggested === null ? (
        <p className="hint">{t('study.basis.noData')}</p>
      ) : matches ? (
        <p className="hint" data-testid="basis-default">
          {t('study.basis.fromData', { basis: basisWords(suggested, language) })}
        </p>
      ) : (
        <p className="hint" data-testid="basis-default">
          {t('study.basis.differsFromData', { basis: basisWords(suggested, language) })}{' '}
          <button type="button" className="button small" onClick={() => onChange((s) => withStudyBasis(s, suggested))}>
            {t('study.basis.useData')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
