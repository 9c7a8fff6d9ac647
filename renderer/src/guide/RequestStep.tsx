// Step 1: the request's essential fields, saved automatically (each save audited with the fields it changed).
import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_MARKINGS, REQUEST_TYPES } from '../../../shared/requests/request';
import { SelectField, TextField } from '../requests/fields';
import { draftErrors } from './request-draft';
import type { RequestAutosave } from './useRequestAutosave';
import { StatusLine } from '../ui/StatusLine';

export function RequestStep({ autosave }: { autosave: RequestAutosave }) {
  const { t } = useTranslation();
  const { draft, change, state } = autosave;
  const errors = draftErrors(draft);
  const errorText = (code: string | undefined) => (code ? t(`requests.form.errors.${code}`) : undefined);
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <section aria-labelledby="guide-request-title">
      <h2 id="guide-request-title">{t('guide.steps.request')}</h2>
      <p className="hint">{t('guide.request.intro')}</p>
      <div className="guide-fields">
        <TextField label={t('requests.fields.title')} value={draft.title} onChange={(v) => change('title', v)} required hint={draft.title.trim() ? undefined : t('guide.request.titleHint')} />
        <SelectField label={t('requests.fields.type')} value={draft.type} options={options(REQUEST_TYPES, 'requests.type')} onChange={(v) => change('type', v)} />
        <TextField label={t('requests.fields.sponsor')} value={draft.sponsor} onChange={(v) => change('sponsor', v)} />
        <TextField label={t('requests.fields.sponsorReference')} value={draft.sponsorReference} onChange={(v) => change('sponsorReference', v)} />
        <TextField label={t('requests.fields.protocolNumber')} value={draft.protocolNumber} onChange={(v) => change('protocolNumber', v)} />
        <TextField label={t('requests.fields.localReference')} value={draft.localReference} onChange={(v) => change('localReference', v)} />
        <TextField label={t('requests.fields.owner')} value={draft.owner} onChange={(v) => change('owner', v)} />
        <TextField label={t('requests.fields.receivedOn')} type="date" value={draft.receivedOn} onChange={(v) => change('receivedOn', v)} required error={errorText(errors.receivedOn)} />
        <TextField label={t('requests.fields.replyDeadline')} type="date" value={draft.replyDeadline} onChange={(v) => change('replyDeadline', v)} required error={errorText(errors.replyDeadline)} />
        <SelectField
          label={t('requests.fields.confidentiality')}
          value={draft.confidentiality}
          options={options(CONFIDENTIALITY_MARKINGS, 'requests.confidentiality')}
          onChange={(v) => change('confidentiality', v)}
        />
      </div>
      <StatusLine hint testId="guide-request-save">
        {t(`guide.request.save.${state}`)}
      </StatusLine>
    </section>
  );
}
