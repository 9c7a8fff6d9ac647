/**
 * The criteria editor: the protocol's inclusion and exclusion criteria as ordered steps that can be switched
 * off, moved, edited and added. Every valid edit goes straight to the study (and from there to the worker that
 * recomputes the answer); invalid drafts stay in their field with an explanation.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../../shared/counts/dataset';
import type { CriterionStep, EstimatePeriod, Predicate, Study } from '../../../shared/criteria/study';
import { isAncestor } from '../../../shared/icd10/code-set';
import { tryNormalizeIcd10 } from '../../../shared/icd10/normalize';
import { COUNTY_CODES, type CountyCode, regionName } from '../../../shared/regions/regions';
import { formatCount, formatDecimal, formatPercent } from '../format';
import { ParsedField, RangeFieldset } from './fields';
import { parseDecimalInput, parsePercentInput, parseWholeNumberInput } from './parse-input';
import { EmptyState } from '../ui/EmptyState';
import { reinsertAt, useUndo, type UndoOffer } from '../ui/undo';
import type { Language } from '../../../shared/text/language';
import type { Interval } from '../../../shared/utils/interval';
import { predicateLabel } from '../../../shared/answer/describe';
import { valueCatalogue, type CatalogueDimension } from '../../../shared/answer/value-catalogue';
import { BasisFields } from './BasisFields';
import { ProjectionFields } from '../trend/ProjectionFields';
import { AgeShareFields } from './AgeShareFields';
import { ValuePicker, type PickedValue } from './ValuePicker';

type Translate = ReturnType<typeof useTranslation>['t'];

export function moveStep(study: Study, index: number, delta: -1 | 1): Study {
  const target = index + delta;
  if (target < 0 || target >= study.steps.length) return study;
  const steps = [...study.steps];
  const [step] = steps.splice(index, 1);
  steps.splice(target, 0, step!);
  return { ...study, steps };
}

export function replaceStep(study: Study, id: string, change: (step: CriterionStep) => CriterionStep): Study {
  return { ...study, steps: study.steps.map((s) => (s.id === id ? change(s) : s)) };
}

function nextStepId(study: Study): string {
  let n = study.steps.length + 1;
  while (study.steps.some((s) => s.id === `step-${n}`)) n++;
  return `step-${n}`;
}

function periodsInData(datasets: Dataset[]): string[] {
  const periods = new Set<string>();
  for (const d of datasets) for (const dim of d.dimensions) if (dim.role === 'period') for (const v of dim.values) if (v !== 'all') periods.add(v);
  return [...periods].sort();
}

/** A period as the data writes it: a year, a year-month or an ISO week. */
const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

/**
 * The codes present in the data, each with its ancestors among them ("C18 › C187"), so the suggestions show
 * the hierarchy: choosing a parent includes its children.
 */
export function codesInData(datasets: Dataset[]): { code: string; path: string }[] {
  const codes = new Set<string>();
  for (const d of datasets) for (const dim of d.dimensions) if (dim.role === 'code') for (const v of dim.values) if (tryNormalizeIcd10(v) !== null) codes.add(v);
  const all = [...codes].sort();
  return all.map((code) => {
    const ancestors = all.filter((other) => isAncestor(other, code)).sort((a, b) => (isAncestor(a, b) ? -1 : isAncestor(b, a) ? 1 : a.localeCompare(b)));
    return { code, path: [...ancestors, code].join(' › ') };
  });
}

const pct = (share: number, language: Language) => formatDecimal(share * 100, language, 2);

export function ruleSummary(step: CriterionStep, t: Translate, language: Language, catalogue: readonly CatalogueDimension[] = []): string {
  const rule = step.rule;
  if (rule.kind === 'proportion') {
    return t('criteria.summary.proportion', {
      point: formatPercent(rule.share.point, language),
      low: formatPercent(rule.share.low, language),
      high: formatPercent(rule.share.high, language),
    });
  }
  if (rule.kind === 'joint-count') {
    return t('criteria.summary.jointCount', {
      region: regionName(rule.region, language),
      point: formatCount(rule.count.point, language),
      low: formatCount(rule.count.low, language),
      high: formatCount(rule.count.high, language),
    });
  }
  return predicateSummary(rule.predicate, t, language, catalogue);
}

/** "Läkemedel: N06BA04 Metylfenidat": a value criterion's codes with the names the data gives them. */
export function valuesSummary(p: Extract<Predicate, { kind: 'extra' | 'hierarchy' }>, language: Language, catalogue: readonly CatalogueDimension[]): string {
  const dimension = catalogue.find((d) => d.key === p.key);
  if (!dimension) return predicateLabel(p, language);
  const named = (code: string): string => {
    const value = dimension.values.find((v) => v.value === code || v.code === code);
    return value?.name && value.code === code ? `${code} ${value.name}` : code;
  };
  const items = p.kind === 'extra' ? p.values : p.codes.map(named);
  return predicateLabel(p.kind === 'extra' ? { ...p, values: items } : { ...p, codes: items }, language, [{ key: dimension.key, label: dimension.label }]);
}

function predicateSummary(p: Predicate, t: Translate, language: Language, catalogue: readonly CatalogueDimension[]): string {
  switch (p.kind) {
    case 'extra':
    case 'hierarchy':
      return valuesSummary(p, language, catalogue);
    case 'codes':
      return t('criteria.summary.codes', { codes: p.codes.join(', ') });
    case 'age':
      if (p.min !== null && p.max !== null) return t('criteria.summary.ageRange', { min: p.min, max: p.max });
      if (p.min !== null) return t('criteria.summary.ageMin', { min: p.min });
      if (p.max !== null) return t('criteria.summary.ageMax', { max: p.max });
      return t('criteria.summary.ageAny');
    case 'sex':
      return t('criteria.summary.sex', { sex: t(`criteria.sex.${p.sex}`) });
    case 'region':
      return t('criteria.summary.region', { regions: p.regions.map((c) => regionName(c, language)).join(', ') });
    default:
      return t('criteria.summary.compound');
  }
}

export function CriteriaEditor({ study, datasets, onChange, language, populationName = null }: { study: Study; datasets: Dataset[]; onChange: (change: (s: Study) => Study) => void; language: Language; populationName?: string | null }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const catalogue = useMemo(() => valueCatalogue(datasets), [datasets]);
  const hasAgeStep = study.steps.some((s) => s.rule.kind === 'predicate' && s.rule.predicate.kind === 'age');
  const undo = useUndo();
  const codes = useMemo(() => codesInData(datasets), [datasets]);
  const periods = useMemo(() => periodsInData(datasets), [datasets]);
  const datalistId = useId();
  // The data's codes (hundreds of options) and the period's fields change with the datasets, not with an edit.
  const codeList = useMemo(
    () => (
      <datalist id={datalistId}>
        {codes.map((c) => (
          <option key={c.code} value={c.code} label={c.path} />
        ))}
      </datalist>
    ),
    [codes, datalistId],
  );
  const setPeriod = useCallback((period: EstimatePeriod) => onChange((s) => ({ ...s, population: { ...s.population, period } })), [onChange]);

  const add = (kind: 'codes' | 'age' | 'sex' | 'proportion') => {
    onChange((s) => {
      const id = nextStepId(s);
      const rule: CriterionStep['rule'] =
        kind === 'proportion'
          ? { kind: 'proportion', share: { point: 0.5, low: 0.4, high: 0.6 }, source: '' }
          : kind === 'codes'
            ? { kind: 'predicate', predicate: { kind: 'codes', codes: [codes[0]?.code ?? 'C00-D48'] } }
            : kind === 'age'
              ? { kind: 'predicate', predicate: { kind: 'age', min: 18, max: null } }
              : { kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } };
      const step: CriterionStep = { id, type: 'inclusion', enabled: true, protocolText: '', label: t(`criteria.newLabel.${kind}`), rule };
      setExpanded(id);
      return { ...s, steps: [...s.steps, step] };
    });
  };

  const addPicked = (picked: PickedValue) => {
    setPicking(false);
    onChange((s) => {
      const id = nextStepId(s);
      const step: CriterionStep = { id, type: 'inclusion', enabled: true, protocolText: '', label: picked.label, rule: { kind: 'predicate', predicate: picked.predicate } };
      return { ...s, steps: [...s.steps, step] };
    });
  };

  return (
    <section className="criteria" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('criteria.title')}</h2>
      <p className="hint">{t('criteria.intro')}</p>
      {codeList}
      <BasisFields study={study} datasets={datasets} onChange={onChange} language={language} />
      <EstimatePeriodFields period={study.population.period} periods={periods} onChange={setPeriod} t={t} />
      <ol className="steps">
        {study.steps.map((step, index) => (
          <StepItem
            key={step.id}
            step={step}
            index={index}
            last={index === study.steps.length - 1}
            open={expanded === step.id}
            onExpand={setExpanded}
            onChange={onChange}
            offerUndo={undo.offer}
            language={language}
            datalistId={datalistId}
            t={t}
            catalogue={catalogue}
          />
        ))}
      </ol>
      {undo.region}
      {study.steps.length === 0 && <EmptyState level={3} testId="steps-empty" title={t('actions.empty.steps.title')} next={t('actions.empty.steps.next')} action={{ label: t('actions.empty.steps.action'), onPress: () => add('codes') }} />}
      <div className="add-steps" role="group" aria-label={t('criteria.addGroup')}>
        <button type="button" className="button small" onClick={() => add('codes')}>{t('criteria.add.codes')}</button>
        <button type="button" className="button small" onClick={() => add('age')}>{t('criteria.add.age')}</button>
        <button type="button" className="button small" onClick={() => add('sex')}>{t('criteria.add.sex')}</button>
        <button type="button" className="button small" onClick={() => add('proportion')}>{t('criteria.add.proportion')}</button>
        <button type="button" className="button small" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {t('study.picker.add')}
        </button>
      </div>
      {picking && <ValuePicker catalogue={catalogue} current={null} onPick={addPicked} onCancel={() => setPicking(false)} language={language} />}
      {hasAgeStep && <AgeShareFields study={study} tableName={populationName} onChange={onChange} language={language} />}
      <ProjectionFields study={study} periods={periods} onChange={onChange} language={language} />
      <fieldset className="plan">
        <legend>{t('criteria.plan')}</legend>
        <ParsedField
          label={t('criteria.target')}
          value={study.recruitment.targetPatients}
          format={(v) => String(v)}
          parse={(text) => {
            const v = parseWholeNumberInput(text);
            return v !== null && v > 0 ? v : null;
          }}
          onValid={(v) => onChange((s) => ({ ...s, recruitment: { ...s.recruitment, targetPatients: v } }))}
          errorText={t('criteria.errors.positiveWhole')}
          inputMode="numeric"
        />
        <ParsedField
          label={t('criteria.months')}
          value={study.recruitment.months}
          format={(v) => formatDecimal(v, language, 1)}
          parse={(text) => {
            const v = parseDecimalInput(text);
            return v !== null && v > 0 && v <= 240 ? v : null;
          }}
          onValid={(v) => onChange((s) => ({ ...s, recruitment: { ...s.recruitment, months: v } }))}
          errorText={t('criteria.errors.months')}
        />
        {/* A prevalent answer is the patients of the chosen period, not new cases per year times a window. */}
        {study.population.kind === 'prevalent' ? (
          <p className="hint" data-testid="prevalent-counts">
            {t('criteria.prevalentCounts')}
          </p>
        ) : (
        <ParsedField
          label={t('criteria.windowYears')}
          value={study.population.windowYears}
          format={(v) => formatDecimal(v, language, 2)}
          parse={(text) => {
            const v = parseDecimalInput(text);
            return v !== null && v > 0 && v <= 20 ? v : null;
          }}
          onValid={(v) => onChange((s) => ({ ...s, population: { ...s.population, windowYears: v } }))}
          errorText={t('criteria.errors.windowYears')}
          hint={t('criteria.windowYearsHint')}
        />
        )}
      </fieldset>
    </section>
  );
}

/**
 * One criterion in the list, with its editor when open. Drawn again only when its step, its place or its editor's
 * state changed: an edit of another step, of the plan or of a site leaves the others as they were.
 */
const StepItem = memo(function StepItem({
  step,
  index,
  last,
  open,
  onExpand,
  onChange,
  offerUndo,
  language,
  datalistId,
  t,
  catalogue,
}: {
  step: CriterionStep;
  index: number;
  /** The last in the list (it cannot move down). */
  last: boolean;
  open: boolean;
  onExpand: (stepId: string | null) => void;
  onChange: (change: (s: Study) => Study) => void;
  offerUndo: (offer: UndoOffer) => void;
  language: Language;
  datalistId: string;
  t: Translate;
  catalogue: readonly CatalogueDimension[];
}) {
  const editorId = `step-editor-${step.id}`;
  return (
    <li className={`step ${step.enabled ? '' : 'step-off'}`} data-step={step.id}>
      <div className="step-head">
        <label className="step-toggle">
          <input
            type="checkbox"
            checked={step.enabled}
            onChange={(e) => onChange((s) => replaceStep(s, step.id, (x) => ({ ...x, enabled: e.target.checked })))}
          />
          <span className="step-label">{step.label}</span>
        </label>
        <span className={`badge badge-${step.type}`}>{t(`home.stepType.${step.type}`)}</span>
      </div>
      <p className="hint step-summary">{ruleSummary(step, t, language, catalogue)}</p>
      <div className="step-actions">
        <button
          type="button"
          className="button small"
          aria-expanded={open}
          aria-controls={editorId}
          aria-label={`${open ? t('criteria.close') : t('criteria.edit')}: ${step.label}`}
          onClick={() => onExpand(open ? null : step.id)}
        >
          {open ? t('criteria.close') : t('criteria.edit')}
        </button>
        <button type="button" className="button small" disabled={index === 0} aria-label={`${t('criteria.moveUp')}: ${step.label}`} onClick={() => onChange((s) => moveStep(s, index, -1))}>
          {t('criteria.moveUp')}
        </button>
        <button type="button" className="button small" disabled={last} aria-label={`${t('criteria.moveDown')}: ${step.label}`} onClick={() => onChange((s) => moveStep(s, index, 1))}>
          {t('criteria.moveDown')}
        </button>
        <button
          type="button"
          className="button small danger"
          aria-label={`${t('criteria.remove')}: ${step.label}`}
          onClick={() => {
            onChange((s) => ({ ...s, steps: s.steps.filter((x) => x.id !== step.id) }));
            offerUndo({
              message: t('criteria.removed', { label: step.label }),
              restoredMessage: t('actions.step.restored', { label: step.label }),
              // Put back where it was, unless a step with its id has come back another way.
              undo: () => onChange((s) => (s.steps.some((x) => x.id === step.id) ? s : { ...s, steps: reinsertAt(s.steps, step, index) })),
            });
          }}
        >
          {t('criteria.remove')}
        </button>
      </div>
      {open && (
        <div id={editorId} className="step-editor">
          <StepForm step={step} onChange={(change) => onChange((s) => replaceStep(s, step.id, change))} language={language} datalistId={datalistId} t={t} catalogue={catalogue} />
        </div>
      )}
    </li>
  );
});

function StepForm({ step, onChange, language, datalistId, t, catalogue }: { step: CriterionStep; onChange: (change: (s: CriterionStep) => CriterionStep) => void; language: Language; datalistId: string; t: Translate; catalogue: readonly CatalogueDimension[] }) {
  const ids = { label: useId(), type: useId(), protocol: useId(), source: useId(), sex: useId(), region: useId() };
  const rule = step.rule;
  // A label the user has not written (the new step's default, or the words of the criterion before this edit)
  // follows the criterion ("Ålder" → "Ålder 6–17 år"), so the attrition and the letter name what is counted.
  const defaults = Object.values(t('criteria.newLabel', { returnObjects: true }) as Record<string, string>);
  const setPredicate = (predicate: Predicate) =>
    onChange((s) => {
      const before = s.rule.kind === 'predicate' ? predicateLabel(s.rule.predicate, language) : null;
      const follows = s.label.trim() === '' || s.label === before || defaults.includes(s.label);
      return { ...s, label: follows ? predicateLabel(predicate, language) : s.label, rule: { kind: 'predicate', predicate } };
    });
  return (
    <div className="step-form">
      <div className="field">
        <label htmlFor={ids.label}>{t('criteria.label')}</label>
        <input id={ids.label} value={step.label} onChange={(e) => onChange((s) => ({ ...s, label: e.target.value }))} />
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{t('criteria.type')}</label>
        <select id={ids.type} value={step.type} onChange={(e) => onChange((s) => ({ ...s, type: e.target.value === 'exclusion' ? 'exclusion' : 'inclusion' }))}>
          <option value="inclusion">{t('home.stepType.inclusion')}</option>
          <option value="exclusion">{t('home.stepType.exclusion')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.protocol}>{t('criteria.protocolText')}</label>
        <textarea id={ids.protocol} rows={2} value={step.protocolText} onChange={(e) => onChange((s) => ({ ...s, protocolText: e.target.value }))} />
      </div>
      {rule.kind === 'predicate' && rule.predicate.kind === 'codes' && (
        <ParsedField
          label={t('criteria.codes')}
          value={rule.predicate.codes}
          format={(codes) => codes.join(', ')}
          parse={(text) => {
            const list = text.split(/[,;]/).map((c) => c.trim()).filter(Boolean);
            return list.length > 0 && list.every((c) => tryNormalizeIcd10(c) !== null) ? list : null;
          }}
          onValid={(codes) => setPredicate({ kind: 'codes', codes })}
          errorText={t('criteria.errors.codes')}
          hint={t('criteria.codesHint')}
          inputMode="text"
          list={datalistId}
        />
      )}
      {rule.kind === 'predicate' && rule.predicate.kind === 'age' && (
        <AgeFields predicate={rule.predicate} onChange={setPredicate} t={t} />
      )}
      {rule.kind === 'predicate' && rule.predicate.kind === 'sex' && (
        <div className="field">
          <label htmlFor={ids.sex}>{t('criteria.sexLabel')}</label>
          <select id={ids.sex} value={rule.predicate.sex} onChange={(e) => setPredicate({ kind: 'sex', sex: e.target.value === 'male' ? 'male' : 'female' })}>
            <option value="female">{t('criteria.sex.female')}</option>
            <option value="male">{t('criteria.sex.male')}</option>
          </select>
        </div>
      )}
      {rule.kind === 'predicate' && (rule.predicate.kind === 'extra' || rule.predicate.kind === 'hierarchy') && (
        <>
          <p data-testid="picked-value">{t('study.picker.chosen', { label: valuesSummary(rule.predicate, language, catalogue) })}</p>
          <ValuePicker
            catalogue={catalogue}
            current={rule.predicate}
            language={language}
            onPick={(picked) => {
              const before = rule.predicate.kind === 'extra' || rule.predicate.kind === 'hierarchy' ? valuesSummary(rule.predicate, language, catalogue) : null;
              // The label follows the pick unless the coordinator wrote one of their own.
              onChange((s) => ({ ...s, label: s.label === before || s.label === t('study.picker.newLabel') ? picked.label : s.label, rule: { kind: 'predicate', predicate: picked.predicate } }));
            }}
          />
        </>
      )}
      {rule.kind === 'predicate' && !['codes', 'age', 'sex', 'extra', 'hierarchy'].includes(rule.predicate.kind) && <p className="hint">{t('criteria.compoundHint')}</p>}
      {rule.kind === 'proportion' && (
        <>
          <RangeFields
            range={rule.share}
            percent
            language={language}
            t={t}
            legend={step.type === 'exclusion' ? t('criteria.shareExcluded') : t('criteria.shareIncluded')}
            onChange={(share) => onChange((s) => (s.rule.kind === 'proportion' ? { ...s, rule: { ...s.rule, share } } : s))}
          />
          <div className="field">
            <label htmlFor={ids.source}>{t('criteria.source')}</label>
            <textarea id={ids.source} rows={2} value={rule.source} onChange={(e) => onChange((s) => (s.rule.kind === 'proportion' ? { ...s, rule: { ...s.rule, source: e.target.value } } : s))} />
          </div>
        </>
      )}
      {rule.kind === 'joint-count' && (
        <>
          <div className="field">
            <label htmlFor={ids.region}>{t('home.columns.region')}</label>
            <select id={ids.region} value={rule.region} onChange={(e) => onChange((s) => (s.rule.kind === 'joint-count' ? { ...s, rule: { ...s.rule, region: e.target.value as CountyCode } } : s))}>
              {COUNTY_CODES.map((c) => (
                <option key={c} value={c}>
                  {regionName(c, language)}
                </option>
              ))}
            </select>
          </div>
          <RangeFields range={rule.count} percent={false} language={language} t={t} legend={t('criteria.jointCount')} onChange={(count) => onChange((s) => (s.rule.kind === 'joint-count' ? { ...s, rule: { ...s.rule, count } } : s))} />
        </>
      )}
    </div>
  );
}

function AgeFields({ predicate, onChange, t }: { predicate: Extract<Predicate, { kind: 'age' }>; onChange: (p: Predicate) => void; t: Translate }) {
  const parseOpen = (text: string): number | null | undefined => (text.trim() === '' ? null : (parseWholeNumberInput(text) ?? undefined));
  return (
    <div className="field-row">
      <ParsedField<number | null>
        label={t('criteria.ageMin')}
        value={predicate.min}
        format={(v) => (v === null ? '' : String(v))}
        parse={(text) => {
          const v = parseOpen(text);
          return v === undefined || (v !== null && predicate.max !== null && v > predicate.max) || (v !== null && v > 130) ? null : v;
        }}
        onValid={(min) => onChange({ ...predicate, min })}
        errorText={t('criteria.errors.age')}
        inputMode="numeric"
      />
      <ParsedField<number | null>
        label={t('criteria.ageMax')}
        value={predicate.max}
        format={(v) => (v === null ? '' : String(v))}
        parse={(text) => {
          const v = parseOpen(text);
          return v === undefined || (v !== null && predicate.min !== null && v < predicate.min) || (v !== null && v > 130) ? null : v;
        }}
        onValid={(max) => onChange({ ...predicate, max })}
        errorText={t('criteria.errors.age')}
        inputMode="numeric"
      />
    </div>
  );
}

/** The periods of the data the estimate is computed from: a property of the estimate, not a criterion. */
const EstimatePeriodFields = memo(function EstimatePeriodFields({ period, periods, onChange, t }: { period: EstimatePeriod; periods: string[]; onChange: (p: EstimatePeriod) => void; t: Translate }) {
  const id = useId();
  const range = period.kind === 'range' ? period : { kind: 'range' as const, from: periods[0] ?? '2020', to: periods[periods.length - 1] ?? '2020' };
  const field = (key: 'from' | 'to') => (
    <ParsedField
      label={t(`criteria.period.${key}`)}
      value={range[key]}
      format={(v) => v}
      parse={(text) => {
        const v = text.trim();
        if (!PERIOD_PATTERN.test(v)) return null;
        const next = { ...range, [key]: v };
        return next.from <= next.to ? v : null;
      }}
      onValid={(v) => onChange({ ...range, [key]: v })}
      errorText={t('criteria.errors.period')}
      inputMode="text"
    />
  );
  return (
    <fieldset className="plan" data-testid="estimate-period">
      <legend>{t('criteria.estimatePeriod.legend')}</legend>
      <div className="field">
        <label htmlFor={id}>{t('criteria.estimatePeriod.choice')}</label>
        <select
          id={id}
          value={period.kind}
          onChange={(e) => onChange(e.target.value === 'latest' ? { kind: 'latest' } : e.target.value === 'all' ? { kind: 'all' } : range)}
        >
          <option value="latest">{t('criteria.estimatePeriod.latest')}</option>
          <option value="all">{t('criteria.estimatePeriod.all')}</option>
          <option value="range">{t('criteria.estimatePeriod.range')}</option>
        </select>
      </div>
      {period.kind === 'range' && (
        <div className="field-row">
          {field('from')}
          {field('to')}
        </div>
      )}
    </fieldset>
  );
});

function RangeFields({ range, percent, language, t, legend, onChange }: { range: Interval; percent: boolean; language: Language; t: Translate; legend: string; onChange: (r: Interval) => void }) {
  return (
    <RangeFieldset
      legend={legend}
      range={range}
      labelOf={(key) => t(`criteria.range.${key}`) + (percent ? ' (%)' : '')}
      format={(v) => (percent ? pct(v, language) : String(v))}
      parse={percent ? parsePercentInput : parseDecimalInput}
      errorText={t('criteria.errors.range')}
      onChange={onChange}
    />
  );
}
