// Site Feasibility: the clinics contacted and their replies, a summary per region, and the export of the
// interested clinics' contact details (never those of a clinic that declined).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clinicSummaryByRegion } from '../../../shared/requests/clinics';
import { CLINIC_STATUSES, type ClinicContact, type FeasibilityRequest } from '../../../shared/requests/request';
import { COUNTY_CODES, type CountyCode, regionName } from '../../../shared/regions/regions';
import { isIsoDate } from '../../../shared/requests/workflow';
import { useServices } from '../context';
import { formatCount } from '../format';
import { exportFileName } from '../datasets/csv-export';
import { interestedClinicsCsvBytes } from './clinic-export';
import { SelectField, TextField } from './fields';
import { reinsertAt, useUndo } from '../ui/undo';
import { DataTable } from '../ui/DataTable';
import { StatusLine } from '../ui/StatusLine';

export function ClinicsPanel({ request, today, onSave }: { request: FeasibilityRequest; today: string; onSave: (clinics: ClinicContact[], summary: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { language, platform } = useServices();
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const clinics = request.clinics;
  const regionLabel = (code: CountyCode) => regionName(code, language);

  const save = async (next: ClinicContact[], summary: string) => {
    try {
      await onSave(next, summary);
      setMessage({ kind: 'status', text: t('requests.form.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  // The clinic list as last saved, so an undo re-inserts into the current list and not a stale copy.
  const latest = useRef(clinics);
  useEffect(() => {
    latest.current = clinics;
  }, [clinics]);
  const undo = useUndo((e) => setMessage({ kind: 'error', text: t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }) }));
  const remove = async (clinic: ClinicContact) => {
    const index = clinics.findIndex((x) => x.id === clinic.id);
    try {
      await onSave(clinics.filter((x) => x.id !== clinic.id), t('requests.auditText.clinicRemoved', { name: clinic.name }));
    } catch (e) {
      setMessage({ kind: 'error', text: t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    setMessage(null);
    // Undo saves the clinic back and writes that to the audit trail too, so the trail tells both.
    undo.offer({
      message: t('actions.clinic.removed', { name: clinic.name }),
      restoredMessage: t('actions.clinic.restored', { name: clinic.name }),
      undo: () =>
        latest.current.some((x) => x.id === clinic.id)
          ? undefined
          : onSave(reinsertAt(latest.current, clinic, index), t('actions.clinic.auditRestored', { name: clinic.name })),
    });
  };

  const exportInterested = async () => {
    const bytes = interestedClinicsCsvBytes(
      clinics,
      { name: t('requests.clinics.name'), region: t('requests.clinics.region'), contact: t('requests.clinics.contact'), contactedOn: t('requests.clinics.contactedOn') },
      language,
    );
    const result = await platform.saveFile({
      titleKey: 'dialogs.export',
      suggestedName: exportFileName(`${request.title || 'request'} – ${t('requests.clinics.exportName')}`),
      filters: [{ nameKey: 'files.csv', extensions: ['csv'] }],
      bytes,
    });
    if (result.ok) setMessage({ kind: 'status', text: t('requests.clinics.exported', { path: result.value.path }) });
    else if (result.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`errors.${result.error.code}`) });
  };

  const summary = clinicSummaryByRegion(clinics);
  const interestedCount = clinics.filter((c) => c.status === 'interested').length;

  return (
    <section className="panel" aria-labelledby="clinics-title" data-testid="clinics">
      <h2 id="clinics-title">{t('requests.clinics.title')}</h2>
      {clinics.length === 0 ? (
        <p>{t('requests.clinics.empty')}</p>
      ) : (
        <DataTable testId="clinics-table" caption={t('requests.clinics.caption')} columns={[{ label: t('requests.clinics.name') }, { label: t('requests.clinics.region') }, { label: t('requests.clinics.contact') }, { label: t('requests.clinics.contactedOn') }, { label: t('requests.clinics.status') }, { label: t('requests.clinics.actions'), hidden: true }]}>
          {clinics.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{regionLabel(c.region)}</td>
              <td>{c.contact}</td>
              <td>{c.contactedOn}</td>
              <td>
                {t(`requests.clinics.statuses.${c.status}`)}
                {c.status === 'declined' && c.declineReason ? `: ${c.declineReason}` : ''}
              </td>
              <td>
                <button
                  type="button"
                  className="button small danger"
                  onClick={() => void remove(c)}
                >
                  {t('requests.clinics.remove')}
                  <span className="visually-hidden"> {c.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {undo.region}
      <ClinicForm today={today} regionLabel={regionLabel} onAdd={(clinic) => save([...clinics, clinic], t('requests.auditText.clinicAdded', { name: clinic.name, status: t(`requests.clinics.statuses.${clinic.status}`) }))} />
      {summary.length > 0 && (
        <DataTable testId="clinic-summary" caption={t('requests.clinics.summary')} columns={[{ label: t('requests.clinics.region') }, { label: t('requests.clinics.contacted'), numeric: true }, { label: t('requests.clinics.statuses.interested'), numeric: true }, { label: t('requests.clinics.statuses.declined'), numeric: true }, { label: t('requests.clinics.statuses.no-reply'), numeric: true }]}>
          {summary.map((row) => (
            <tr key={row.region}>
              <th scope="row">{regionLabel(row.region)}</th>
              <td className="num">{formatCount(row.contacted, language)}</td>
              <td className="num">{formatCount(row.interested, language)}</td>
              <td className="num">{formatCount(row.declined, language)}</td>
              <td className="num">{formatCount(row.noReply, language)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={interestedCount === 0} onClick={() => void exportInterested()} aria-describedby="clinic-export-hint">
          {t('requests.clinics.export')}
        </button>
        <p id="clinic-export-hint" className="hint">
          {t('requests.clinics.exportHint')}
        </p>
      </div>
      <StatusLine error={message?.kind === 'error'}>
        {message?.text ?? ''}
      </StatusLine>
    </section>
  );
}

function ClinicForm({ today, regionLabel, onAdd }: { today: string; regionLabel: (code: CountyCode) => string; onAdd: (clinic: ClinicContact) => Promise<void> }) {
  const { t } = useTranslation();
  const formId = useId();
  const empty = (): ClinicContact => ({ id: '', name: '', region: '01', contact: '', contactedOn: today, status: 'no-reply', declineReason: '' });
  const [draft, setDraft] = useState<ClinicContact>(empty);
  const [errors, setErrors] = useState<{ name?: string; contactedOn?: string }>({});
  const set = <K extends keyof ClinicContact>(key: K) => (value: ClinicContact[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const add = async () => {
    const next: typeof errors = {};
    if (!draft.name.trim()) next.name = t('requests.clinics.errors.name');
    if (!isIsoDate(draft.contactedOn)) next.contactedOn = t('requests.form.errors.date');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    await onAdd({ ...draft, id: crypto.randomUUID(), name: draft.name.trim(), declineReason: draft.status === 'declined' ? draft.declineReason.trim() : '' });
    setDraft(empty());
  };

  return (
    <fieldset className="plan" aria-describedby={`${formId}-hint`}>
      <legend>{t('requests.clinics.add')}</legend>
      <p id={`${formId}-hint`} className="hint">
        {t('requests.clinics.addHint')}
      </p>
      <TextField label={t('requests.clinics.name')} value={draft.name} onChange={set('name')} error={errors.name} />
      <SelectField label={t('requests.clinics.region')} value={draft.region} options={COUNTY_CODES.map((code) => ({ value: code, label: regionLabel(code) }))} onChange={set('region')} />
      <TextField label={t('requests.clinics.contact')} value={draft.contact} onChange={set('contact')} />
      <TextField label={t('requests.clinics.contactedOn')} type="date" value={draft.contactedOn} onChange={set('contactedOn')} error={errors.contactedOn} />
      <SelectField
        label={t('requests.clinics.status')}
        value={draft.status}
        options={CLINIC_STATUSES.map((s) => ({ value: s, label: t(`requests.clinics.statuses.${s}`) }))}
        onChange={set('status')}
      />
      {draft.status === 'declined' && <TextField label={t('requests.clinics.declineReason')} value={draft.declineReason} onChange={set('declineReason')} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void add()}>
          {t('requests.clinics.addButton')}
        </button>
      </div>
    </fieldset>
  );
}
