// The user's part of the import (which measures, name, publisher, basis, dates, notes) and the commit button.
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../context';
import { formatCount } from '../../format';
import { asksBasisKind, asksPeriod, type FormProblems, type ImportForm, keptMeasures, overlapColumns, overlapOfForm } from '../import-form';
import { OverlapFields } from '../../datasets/OverlapFields';
import { periodSpan } from '../../../../shared/utils/period';
import type { PreviewView } from '../preview-view';
import { StatusLine } from '../../ui/StatusLine';
import { FieldError, fieldAria } from '../../ui/FieldError';

export interface CommitFormProps {
  view: PreviewView;
  form: ImportForm;
  /** Shown after the user tried to import. */
  formProblems: FormProblems;
  /** Names of datasets imported from the same bytes before. */
  duplicateOf: readonly string[];
  commitError: string | null;
  committing: boolean;
  locked: boolean;
  onForm(form: ImportForm): void;
  onCommit(): void;
  onCancel(): void;
}

export function CommitForm(props: CommitFormProps) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { view, form, formProblems: problems, locked } = props;
  const ids = {
    name: useId(),
    publisher: useId(),
    extractedAt: useId(),
    periodFrom: useId(),
    periodTo: useId(),
    coverage: useId(),
    notes: useId(),
    errors: useId(),
  };
  const set = (patch: Partial<ImportForm>) => props.onForm({ ...form, ...patch });
  const kept = new Set(keptMeasures(form, view.measures));
  const fieldError = (field: keyof FormProblems, id: string) =>
    problems[field] ? <FieldError id={`${id}-error`}>{t(`datasets.form.problems.${problems[field]}`)}</FieldError> : null;
  const described = (field: keyof FormProblems, id: string) => (problems[field] ? `${id}-error` : undefined);
  /** A control's `aria-invalid` and `aria-describedby`: its hint (if any) and, while there is one, its error. */
  const aria = (field: keyof FormProblems, id: string, hintId?: string) => fieldAria(Boolean(problems[field]), `${id}-error`, hintId);
  const blocked = view.errorCount > 0;
  const overlapCols = overlapColumns(view.mapping, view.columns.map((c) => c.header));
  const overlap = overlapOfForm(form, view.measures, overlapCols);

  return (
    <form
      className="import-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onCommit();
      }}
    >
      <h3>{t('datasets.form.title')}</h3>
      <fieldset className="import-fieldset" aria-describedby={described('keep', ids.name + 'keep')}>
        <legend>{t('datasets.form.measures')}</legend>
        {view.measures.length === 0 && <p>{t('datasets.form.noMeasures')}</p>}
        {view.measures.map((m) => (
          <label key={m.key} className="import-check">
            <input type="checkbox" checked={kept.has(m.key)} disabled={locked} onChange={(e) => set({ keepChoice: { ...form.keepChoice, [m.key]: e.target.checked } })} />{' '}
            {t('datasets.form.measure', {
              name: m.name,
              kind: m.spec.kind === 'count' ? t(`basis.${m.spec.unit ?? 'persons'}`) : t(`datasets.measureKinds.${m.spec.kind}`),
              cells: formatCount(m.cells, language),
            })}
            {m.derivedFrom && <span className="hint"> {t('datasets.form.derived')}</span>}
            {!view.sample.complete && (
              <span className="hint"> {t('datasets.preview.sampledFigure', { records: formatCount(view.sample.records, language), rows: formatCount(view.sample.estimatedRows, language) })}</span>
            )}
          </label>
        ))}
        {fieldError('keep', ids.name + 'keep')}
      </fieldset>

      <label htmlFor={ids.name}>{t('datasets.form.name')}</label>
      <input
        id={ids.name}
        value={form.name}
        required
        {...aria('name', ids.name, `${ids.name}-hint`)}
        onChange={(e) => set({ name: e.target.value })}
      />
      <p id={`${ids.name}-hint`} className="hint">
        {t('datasets.form.nameHint')}
      </p>
      {fieldError('name', ids.name)}

      <label htmlFor={ids.publisher}>{t('datasets.form.publisher')}</label>
      <input
        id={ids.publisher}
        value={form.publisher}
        required
        {...aria('publisher', ids.publisher, `${ids.publisher}-hint`)}
        onChange={(e) => set({ publisher: e.target.value })}
      />
      <p id={`${ids.publisher}-hint`} className="hint">
        {t('datasets.form.publisherHint')}
      </p>
      {fieldError('publisher', ids.publisher)}

      {asksBasisKind(form, view.measures) && (
        <fieldset className="import-fieldset" aria-describedby={described('basisKind', ids.name + 'kind')}>
          <legend>{t('datasets.form.basisKind')}</legend>
          {(['incident', 'prevalent'] as const).map((k) => (
            <label key={k} className="import-check">
              <input type="radio" name={`${ids.name}-kind`} value={k} checked={form.basisKind === k} onChange={() => set({ basisKind: k })} /> {t(`basis.${k}`)}
            </label>
          ))}
          {fieldError('basisKind', ids.name + 'kind')}
        </fieldset>
      )}

      <fieldset className="import-fieldset" aria-describedby={described('regionBasis', ids.name + 'region')}>
        <legend>{t('datasets.form.regionBasis')}</legend>
        {(['residence', 'care'] as const).map((k) => (
          <label key={k} className="import-check">
            <input type="radio" name={`${ids.name}-region`} value={k} checked={form.regionBasis === k} onChange={() => set({ regionBasis: k })} /> {t(`basis.${k}`)}
          </label>
        ))}
        {fieldError('regionBasis', ids.name + 'region')}
      </fieldset>

      {asksBasisKind(form, view.measures) && overlapCols.length > 0 && (
        <OverlapFields
          columns={overlapCols}
          overlapping={overlap.overlapping}
          defaults={overlap.defaults}
          disabled={locked}
          onChange={(key, overlaps) => set({ overlapChoice: { ...form.overlapChoice, [key]: overlaps } })}
          testId="import-overlap"
        />
      )}

      {asksPeriod(form, view.measures, view.period) && (
        <fieldset className="import-fieldset" aria-describedby={[`${ids.periodFrom}-hint`, described('period', ids.periodFrom)].filter(Boolean).join(' ')}>
          <legend>{t('datasets.form.period')}</legend>
          <p id={`${ids.periodFrom}-hint`} className="hint" data-testid="import-period-hint">
            {view.period.kind === 'title'
              ? t('datasets.form.periodTitle', { period: periodSpan(view.period.from, view.period.to), line: view.period.line, text: view.period.text })
              : t('datasets.form.periodNone')}
          </p>
          {(['periodFrom', 'periodTo'] as const).map((end) => (
            <Fragment key={end}>
              <label htmlFor={ids[end]}>{t(`datasets.form.${end}`)}</label>
              <input
                id={ids[end]}
                value={form[end]}
                inputMode="numeric"
                placeholder={view.period.kind === 'title' ? view.period[end === 'periodFrom' ? 'from' : 'to'] : undefined}
                required={end === 'periodFrom' && view.period.kind === 'none'}
                {...aria('period', ids.periodFrom, `${ids.periodFrom}-hint`)}
                onChange={(e) => set({ [end]: e.target.value })}
              />
            </Fragment>
          ))}
          {fieldError('period', ids.periodFrom)}
        </fieldset>
      )}

      <label htmlFor={ids.extractedAt}>{t('datasets.form.extractedAt')}</label>
      <input
        id={ids.extractedAt}
        type="date"
        value={form.extractedAt}
        {...aria('extractedAt', ids.extractedAt)}
        onChange={(e) => set({ extractedAt: e.target.value })}
      />
      {fieldError('extractedAt', ids.extractedAt)}

      <label htmlFor={ids.coverage}>{t('datasets.form.coverage')}</label>
      <input id={ids.coverage} value={form.coverage} aria-describedby={`${ids.coverage}-hint`} onChange={(e) => set({ coverage: e.target.value })} />
      <p id={`${ids.coverage}-hint`} className="hint">
        {t('datasets.form.coverageHint')}
      </p>

      <label htmlFor={ids.notes}>{t('datasets.form.notes')}</label>
      <textarea id={ids.notes} rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />

      {props.duplicateOf.length > 0 && (
        <label className="import-check">
          <input
            type="checkbox"
            checked={form.importAgain}
            {...aria('importAgain', ids.name + 'again')}
            onChange={(e) => set({ importAgain: e.target.checked })}
          />{' '}
          {t('datasets.form.importAgain')}
        </label>
      )}
      {fieldError('importAgain', ids.name + 'again')}

      {Object.keys(problems).length > 0 && (
        <StatusLine id={ids.errors} error>
          {t('datasets.form.fixProblems')}
        </StatusLine>
      )}
      {blocked && (
        <p className="field-error" data-testid="import-blocked">
          {t('datasets.form.blocked', { n: formatCount(view.errorCount, language) })}
        </p>
      )}
      {props.commitError && (
        <StatusLine error testId="commit-error">
          {props.commitError}
        </StatusLine>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={blocked || locked || view.personnummer}>
          {props.committing ? t('datasets.form.committing') : t('datasets.form.commit')}
        </button>
        {!props.committing && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('datasets.import.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
