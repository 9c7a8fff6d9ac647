/**
 * Settings → Disclosure control: choose a preset (saved at once) or edit a custom policy (validated, then
 * saved with "Save policy"). Stored under the settings key `disclosurePolicy`.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_DISCLOSURE_POLICY,
  DISCLOSURE_PRESETS,
  StoredPolicyError,
  customPolicyFrom,
  describeDisclosurePolicy,
  validateDisclosurePolicy,
  type DisclosurePolicy,
  type DisclosurePresetId,
  type PolicyProblem,
} from '../../../shared/disclosure';
import { useServices } from '../context';
import { bandsText, parseBandsText } from './bands-text';
import { policyErrorText } from './policy-error-text';
import { loadDisclosurePolicy, saveDisclosurePolicy } from '../settings/disclosure-policy';
import './disclosure.css';
import { StatusLine } from '../ui/StatusLine';
import { FieldError, fieldAria } from '../ui/FieldError';

type Choice = DisclosurePresetId | 'custom';
const PRESET_IDS = Object.keys(DISCLOSURE_PRESETS) as DisclosurePresetId[];
const DEFAULT_BANDS = '1–4, 5–9, 10–19';

const choiceOf = (policy: DisclosurePolicy): Choice => (PRESET_IDS.includes(policy.id as DisclosurePresetId) ? (policy.id as DisclosurePresetId) : 'custom');

export function PolicySettings() {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const id = useId();
  const [policy, setPolicy] = useState<DisclosurePolicy | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid' | { error: string }>('idle');
  /** The stored policy cannot be used: said above the form until another policy is saved over it. */
  const [storedProblem, setStoredProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadDisclosurePolicy(db)
      .then((p) => live && setPolicy(p))
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof StoredPolicyError) {
          // Offer the default to start from; nothing is saved until the user chooses.
          setStoredProblem(policyErrorText(t, e));
          setPolicy(DEFAULT_DISCLOSURE_POLICY);
        } else setStatus({ error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [db, t]);
  if (!policy) return typeof status === 'object' ? <StatusLine error>{t('disclosure.sponsorView.loadError', { detail: status.error })}</StatusLine> : null;

  const save = async (next: DisclosurePolicy) => {
    try {
      await saveDisclosurePolicy(db, next, t);
      setStoredProblem(null);
      setStatus('saved');
    } catch (e) {
      setStatus({ error: e instanceof Error ? e.message : String(e) });
    }
  };
  const choose = (choice: Choice) => {
    setStatus('idle');
    if (choice === 'custom') {
      setPolicy({ ...customPolicyFrom(policy), name: t('disclosure.settings.customDefaultName') });
      return;
    }
    setPolicy(DISCLOSURE_PRESETS[choice]);
    void save(DISCLOSURE_PRESETS[choice]);
  };
  const choice = choiceOf(policy);

  return (
    <fieldset className="panel policy-settings" data-testid="disclosure-settings">
      <legend>{t('disclosure.settings.title')}</legend>
      <p className="hint">{t('disclosure.settings.intro')}</p>
      {storedProblem && (
        <StatusLine error testId="stored-policy-problem">
          {t('disclosure.settings.storedUnusable', { detail: storedProblem })}
        </StatusLine>
      )}
      <label htmlFor={id}>{t('disclosure.settings.policy')}</label>
      <select id={id} value={choice} onChange={(e) => choose(e.target.value as Choice)}>
        {PRESET_IDS.map((p) => (
          <option key={p} value={p}>
            {DISCLOSURE_PRESETS[p].name}
          </option>
        ))}
        <option value="custom">{t('disclosure.settings.custom')}</option>
      </select>
      {choice === 'custom' && (
        <CustomPolicyForm
          key={policy.id}
          initial={policy}
          onSave={(next) => {
            setPolicy(next);
            return save(next);
          }}
          onEdit={() => setStatus('idle')}
          onInvalid={() => setStatus('invalid')}
        />
      )}
      <StatusLine hint testId="disclosure-status">
        {status === 'saved' ? t('disclosure.settings.saved') : status === 'invalid' ? t('disclosure.settings.notSaved') : typeof status === 'object' ? status.error : ''}
      </StatusLine>
      <p className="policy-description" data-testid="disclosure-description">
        <strong>{t('disclosure.settings.description')}:</strong> {describeDisclosurePolicy(policy, language)}
      </p>
    </fieldset>
  );
}

interface Draft {
  policy: DisclosurePolicy;
  bands: string;
}

/** The problems of a draft, with the bands' text checked first (it must parse before it can be validated). */
function draftProblems(draft: Draft): { policy: DisclosurePolicy | null; problems: Pick<PolicyProblem, 'field' | 'code'>[] } {
  if (draft.policy.small.kind !== 'bands') return { policy: draft.policy, problems: validateDisclosurePolicy(draft.policy) };
  const bands = parseBandsText(draft.bands);
  if (!bands) return { policy: null, problems: [{ field: 'small', code: 'band-order' }] };
  const policy: DisclosurePolicy = { ...draft.policy, small: { kind: 'bands', bands } };
  return { policy, problems: validateDisclosurePolicy(policy) };
}

function CustomPolicyForm({ initial, onSave, onEdit, onInvalid }: { initial: DisclosurePolicy; onSave(p: DisclosurePolicy): Promise<void>; onEdit(): void; onInvalid(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({ policy: initial, bands: initial.small.kind === 'bands' ? bandsText(initial.small.bands) : DEFAULT_BANDS });
  const [submitted, setSubmitted] = useState(false);
  const ids = {
    name: useId(),
    version: useId(),
    threshold: useId(),
    small: useId(),
    bands: useId(),
    rounding: useId(),
    roundingHint: useId(),
    zero: useId(),
    secondary: useId(),
    secondaryText: useId(),
  };
  const { policy: checked, problems } = draftProblems(draft);
  const errorOf = (field: PolicyProblem['field']) => (submitted ? problems.find((p) => p.field === field) : undefined);
  const update = (patch: Partial<DisclosurePolicy>, bands?: string) => {
    setDraft((d) => ({ policy: { ...d.policy, ...patch }, bands: bands ?? d.bands }));
    onEdit();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!checked || problems.length > 0) return onInvalid();
    void onSave(checked);
  };
  /** `control` gets the attributes tying it to its error (and to any hints it names) through `fieldAria`. */
  type Aria = ReturnType<typeof fieldAria>;
  const field = (key: keyof typeof ids & PolicyProblem['field'], labelKey: string, control: (aria: (...hintIds: string[]) => Aria) => ReactNode) => {
    const error = errorOf(key);
    const errorId = `${ids[key]}-error`;
    return (
      <div className="field">
        <label htmlFor={ids[key]}>{t(labelKey)}</label>
        {control((...hintIds) => fieldAria(Boolean(error), errorId, ...hintIds))}
        <FieldError id={errorId}>{error && t(`disclosure.settings.errors.${error.code}`)}</FieldError>
      </div>
    );
  };
  const p = draft.policy;
  return (
    <form className="policy-form" onSubmit={onSubmit} noValidate data-testid="custom-policy-form">
      {field('name', 'disclosure.settings.name', (aria) => (
        <input id={ids.name} value={p.name} {...aria()} onChange={(e) => update({ name: e.target.value })} />
      ))}
      {field('version', 'disclosure.settings.version', (aria) => (
        <input id={ids.version} value={p.version} {...aria()} onChange={(e) => update({ version: e.target.value })} />
      ))}
      {field('threshold', 'disclosure.settings.threshold', (aria) => (
        <WholeNumberInput id={ids.threshold} min={2} value={p.threshold} aria={aria()} onChange={(threshold) => update({ threshold })} />
      ))}
      {field('small', 'disclosure.settings.small', (aria) => (
        <select
          id={ids.small}
          value={p.small.kind}
          {...(p.small.kind === 'bands' ? {} : aria())}
          onChange={(e) => {
            const kind = e.target.value as DisclosurePolicy['small']['kind'];
            update({ small: kind === 'bands' ? { kind, bands: parseBandsText(draft.bands) ?? [] } : { kind } });
          }}
        >
          <option value="less-than">{t('disclosure.settings.smallLessThan')}</option>
          <option value="at-most">{t('disclosure.settings.smallAtMost')}</option>
          <option value="bands">{t('disclosure.settings.smallBands')}</option>
        </select>
      ))}
      {p.small.kind === 'bands' && (
        <div className="field">
          <label htmlFor={ids.bands}>{t('disclosure.settings.bands')}</label>
          <input id={ids.bands} value={draft.bands} {...fieldAria(Boolean(errorOf('small')), `${ids.small}-error`)} onChange={(e) => update({}, e.target.value)} />
        </div>
      )}
      {field('rounding', 'disclosure.settings.rounding', (aria) => (
        <>
          <WholeNumberInput id={ids.rounding} min={1} value={p.rounding} aria={aria(ids.roundingHint)} onChange={(rounding) => update({ rounding })} />
          <span id={ids.roundingHint} className="hint">
            {t('disclosure.settings.roundingHint')}
          </span>
        </>
      ))}
      {field('zero', 'disclosure.settings.zero', () => (
        <select id={ids.zero} value={p.zero} onChange={(e) => update({ zero: e.target.value as DisclosurePolicy['zero'] })}>
          <option value="zero">{t('disclosure.settings.zeroZero')}</option>
          <option value="as-small">{t('disclosure.settings.zeroSmall')}</option>
        </select>
      ))}
      {field('secondary', 'disclosure.settings.secondary', () => (
        <select id={ids.secondary} value={p.secondary} onChange={(e) => update({ secondary: e.target.value as DisclosurePolicy['secondary'] })}>
          <option value="complementary">{t('disclosure.settings.secondaryOn')}</option>
          <option value="none">{t('disclosure.settings.secondaryOff')}</option>
        </select>
      ))}
      {field('secondaryText', 'disclosure.settings.secondaryText', (aria) => (
        <input id={ids.secondaryText} value={p.secondaryText} {...aria()} onChange={(e) => update({ secondaryText: e.target.value })} />
      ))}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('disclosure.settings.save')}
        </button>
      </div>
    </form>
  );
}

/** A whole number of at least `min`. An emptied field is NaN, which the policy's check then names. */
function WholeNumberInput({ id, min, value, aria, onChange }: { id: string; min: number; value: number; aria: ReturnType<typeof fieldAria>; onChange: (value: number) => void }) {
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={min}
      step={1}
      value={Number.isFinite(value) ? value : ''}
      {...aria}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
    />
  );
}
