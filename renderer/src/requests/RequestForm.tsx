// The request's description as Feasibility Sweden collects it; saved explicitly, with the changed fields audited.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONFIDENTIALITY_MARKINGS,
  type FeasibilityRequest,
  PHASES,
  PRODUCT_KINDS,
  REQUEST_TYPES,
  TRI_STATES,
} from '../../../shared/requests/request';
import { isIsoDate } from '../../../shared/requests/workflow';
import { SelectField, TextField } from './fields';
import { StatusLine } from '../ui/StatusLine';

type Draft = Omit<FeasibilityRequest, 'targetPatients' | 'recruitmentMonths'> & { targetPatients: string; recruitmentMonths: string };

function toDraft(r: FeasibilityRequest): Draft {
  return { ...r, targetPatients: r.targetPatients === null ? '' : String(r.targetPatients), recruitmentMonths: r.recruitmentMonths === null ? '' : String(r.recruitmentMonths) };
}

type Errors = Partial<Record<'title' | 'targetPatients' | 'recruitmentMonths' | 'receivedOn' | 'replyDeadline' | 'plannedStart', string>>;
type ErrorKey = keyof Errors;

/** Every problem in the draft, by field, in the words shown next to the field. */
export function validateRequestDraft(
  draft: Pick<Draft, 'title' | 'targetPatients' | 'recruitmentMonths' | 'receivedOn' | 'replyDeadline' | 'plannedStart'>,
  t: (key: string) => string,
): Errors {
  const next: Errors = {};
  if (!draft.title.trim()) next.title = t('requests.form.errors.title');
  if (parseCount(draft.targetPatients) === 'invalid') next.targetPatients = t('requests.form.errors.count');
  if (parseCount(draft.recruitmentMonths) === 'invalid') next.recruitmentMonths = t('requests.form.errors.count');
  if (!isIsoDate(draft.receivedOn)) next.receivedOn = t('requests.form.errors.date');
  if (!isIsoDate(draft.replyDeadline)) next.replyDeadline = t('requests.form.errors.date');
  else if (isIsoDate(draft.receivedOn) && draft.replyDeadline < draft.receivedOn) next.replyDeadline = t('requests.form.errors.deadlineBeforeReceived');
  if (draft.plannedStart && !isIsoDate(draft.plannedStart)) next.plannedStart = t('requests.form.errors.date');
  return next;
}

/** `shown` with the fields in `keys` brought up to date from `all` (the rest left as they are). */
export function refreshErrors(shown: Errors, all: Errors, keys: readonly ErrorKey[]): Errors {
  const next = { ...shown };
  for (const key of keys) {
    if (all[key]) next[key] = all[key];
    else delete next[key];
  }
  return next;
}

/** The fields checked together when one of them is left (the two dates depend on each other). */
const RELATED: Record<ErrorKey, readonly ErrorKey[]> = {
  title: ['title'],
  targetPatients: ['targetPatients'],
  recruitmentMonths: ['recruitmentMonths'],
  receivedOn: ['receivedOn', 'replyDeadline'],
  replyDeadline: ['receivedOn', 'replyDeadline'],
  plannedStart: ['plannedStart'],
};

function parseCount(text: string): number | null | 'invalid' {
  const trimmed = text.replace(/[\s\u00a0]/g, '');
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : 'invalid';
}

export function RequestForm({ request, onSave }: { request: FeasibilityRequest; onSave: (next: FeasibilityRequest) => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(request));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    const changed = { ...draft, [key]: value };
    setDraft(changed);
    setStatus('idle');
    // A field already marked wrong is re-checked as it is corrected; others wait until they are left.
    if (key in errors) setErrors((e) => refreshErrors(e, validateRequestDraft(changed, t), RELATED[key as ErrorKey]));
  };
  const leave = (key: ErrorKey) => () => setErrors((e) => refreshErrors(e, validateRequestDraft(draft, t), RELATED[key]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = parseCount(draft.targetPatients);
    const months = parseCount(draft.recruitmentMonths);
    const next = validateRequestDraft(draft, t);
    setErrors(next);
    if (Object.keys(next).length > 0 || target === 'invalid' || months === 'invalid') return;
    setStatus('saving');
    try {
      await onSave({ ...draft, title: draft.title.trim(), targetPatients: target, recruitmentMonths: months });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const errorCount = Object.keys(errors).length;

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="request-form-title" noValidate>
      <h2 id="request-form-title">{t('requests.form.title')}</h2>
      <fieldset className="plan">
        <legend>{t('requests.form.study')}</legend>
        <SelectField label={t('requests.fields.type')} value={draft.type} options={options(REQUEST_TYPES, 'requests.type')} onChange={set('type')} />
        <TextField label={t('requests.fields.title')} value={draft.title} onChange={set('title')} onBlur={leave('title')} required error={errors.title} />
        <TextField label={t('requests.fields.therapyArea')} value={draft.therapyArea} onChange={set('therapyArea')} />
        <TextField label={t('requests.fields.indication')} value={draft.indication} onChange={set('indication')} />
        <TextField label={t('requests.fields.primaryPurpose')} value={draft.primaryPurpose} onChange={set('primaryPurpose')} />
        <SelectField label={t('requests.fields.phase')} value={draft.phase} options={options(PHASES, 'requests.phase')} onChange={set('phase')} />
        <SelectField label={t('requests.fields.productKind')} value={draft.productKind} options={options(PRODUCT_KINDS, 'requests.productKind')} onChange={set('productKind')} />
        <TextField label={t('requests.fields.productName')} value={draft.productName} onChange={set('productName')} />
        <SelectField label={t('requests.fields.ceMarking')} value={draft.ceMarking} options={options(TRI_STATES, 'requests.tri')} onChange={set('ceMarking')} />
        <SelectField label={t('requests.fields.atmp')} value={draft.atmp} options={options(TRI_STATES, 'requests.tri')} onChange={set('atmp')} />
        <TextField label={t('requests.fields.inclusionText')} value={draft.inclusionText} onChange={set('inclusionText')} multiline />
        <TextField label={t('requests.fields.exclusionText')} value={draft.exclusionText} onChange={set('exclusionText')} multiline />
      </fieldset>
      <fieldset className="plan">
        <legend>{t('requests.form.plan')}</legend>
        <TextField label={t('requests.fields.targetPatients')} value={draft.targetPatients} onChange={set('targetPatients')} onBlur={leave('targetPatients')} inputMode="numeric" error={errors.targetPatients} />
        <TextField label={t('requests.fields.timeline')} value={draft.timeline} onChange={set('timeline')} multiline />
        <TextField label={t('requests.fields.plannedStart')} type="date" value={draft.plannedStart} onChange={set('plannedStart')} onBlur={leave('plannedStart')} error={errors.plannedStart} />
        <TextField label={t('requests.fields.recruitmentMonths')} value={draft.recruitmentMonths} onChange={set('recruitmentMonths')} onBlur={leave('recruitmentMonths')} inputMode="numeric" error={errors.recruitmentMonths} />
        <TextField label={t('requests.fields.clinicsSuggested')} value={draft.clinicsSuggested} onChange={set('clinicsSuggested')} multiline />
        <SelectField label={t('requests.fields.swedenSelected')} value={draft.swedenSelected} options={options(TRI_STATES, 'requests.tri')} onChange={set('swedenSelected')} />
      </fieldset>
      <fieldset className="plan">
        <legend>{t('requests.form.handling')}</legend>
        <TextField label={t('requests.fields.receivedOn')} type="date" value={draft.receivedOn} onChange={set('receivedOn')} onBlur={leave('receivedOn')} required error={errors.receivedOn} />
        <TextField label={t('requests.fields.replyDeadline')} type="date" value={draft.replyDeadline} onChange={set('replyDeadline')} onBlur={leave('replyDeadline')} required error={errors.replyDeadline} />
        <TextField label={t('requests.fields.sponsor')} value={draft.sponsor} onChange={set('sponsor')} />
        <TextField label={t('requests.fields.sponsorContact')} value={draft.sponsorContact} onChange={set('sponsorContact')} />
        <TextField label={t('requests.fields.sponsorReference')} value={draft.sponsorReference} onChange={set('sponsorReference')} />
        <TextField label={t('requests.fields.protocolNumber')} value={draft.protocolNumber} onChange={set('protocolNumber')} />
        <TextField label={t('requests.fields.localReference')} value={draft.localReference} onChange={set('localReference')} />
        <TextField label={t('requests.fields.owner')} value={draft.owner} onChange={set('owner')} />
        <SelectField
          label={t('requests.fields.confidentiality')}
          value={draft.confidentiality}
          options={options(CONFIDENTIALITY_MARKINGS, 'requests.confidentiality')}
          onChange={set('confidentiality')}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={status === 'saving'}>
          {t('requests.form.save')}
        </button>
        <StatusLine testId="request-save-status">
          {errorCount > 0 ? `${t('requests.form.fix', { count: errorCount })} ${t('actions.validation.kept')}` : status === 'saved' ? t('requests.form.saved') : status === 'failed' ? t('requests.form.failed') : ''}
        </StatusLine>
      </div>
    </form>
  );
}
