// Under an answer: save it as an answer file for compilation — the unit's regions (those its data covers are
// preselected) disclosed under the policy in force, with the unit's name from its profile, and the request's
// title, Early Feedback Form answers and interested clinics when the study answers a request.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerFileDisclosureError } from '../../../shared/answer-file';
import type { DisclosurePolicy } from '../../../shared/disclosure';
import { COUNTY_CODES, type CountyCode, regionName } from '../../../shared/regions/regions';
import type { Answer } from '../answer/answer';
import { useServices } from '../context';
import { loadUnitProfile } from '../settings/unit-profile';
import { loadDisclosurePolicy } from '../settings/disclosure-policy';
import { requestForStudy } from '../letter/letter-snapshot';
import { currentAuditHead } from '../db/audit';
import { answerFileFromApp, answerFileName, regionsWithData } from './export-answer';
import { ActionStatus } from '../ui/StatusLine';

const JSON_FILTERS = [{ nameKey: 'files.json', extensions: ['json'] }];

export function ExportAnswerPanel({ answer, stale = false }: { answer: Answer; stale?: boolean }) {
  const { t } = useTranslation();
  const { db, platform, language, now } = useServices();
  const [unitName, setUnitName] = useState<string | null>(null);
  const [policy, setPolicy] = useState<DisclosurePolicy | null>(null);
  const [regions, setRegions] = useState<ReadonlySet<CountyCode>>(() => new Set(regionsWithData(answer)));
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const headingId = useId();

  useEffect(() => {
    let live = true;
    void Promise.all([loadUnitProfile(db), loadDisclosurePolicy(db)]).then(
      ([unit, p]) => {
        if (!live) return;
        setUnitName(unit.unitName.trim());
        setPolicy(p);
      },
      (e: unknown) => live && setError(t('compile.exportPanel.failed', { detail: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [db, t]);

  const toggle = (code: CountyCode) =>
    setRegions((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const onSave = async () => {
    if (!policy || !unitName) return;
    setError('');
    try {
      const [request, auditHead] = await Promise.all([requestForStudy(db, answer.study.id), currentAuditHead(db)]);
      const file = await answerFileFromApp({ answer, unitName, regions: COUNTY_CODES.filter((c) => regions.has(c)), policy, ...(request ? { request } : {}), ...(auditHead ? { auditHead } : {}), now: now() });
      const saved = await platform.saveFile({
        titleKey: 'dialogs.saveAnswer',
        suggestedName: answerFileName(file),
        filters: JSON_FILTERS,
        bytes: new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`),
      });
      if (saved.ok) setStatus(t('compile.exportPanel.saved', { path: saved.value.path, hash: file.contentHash.slice(0, 16) }));
      else if (saved.error.code !== 'cancelled') setError(t('compile.exportPanel.failed', { detail: t(`errors.${saved.error.code}`) }));
    } catch (e) {
      const detail = e instanceof AnswerFileDisclosureError ? e.findings.map((f) => f.message[language]).join(' ') : e instanceof Error ? e.message : String(e);
      setError(t('compile.exportPanel.failed', { detail }));
    }
  };

  return (
    <section aria-labelledby={headingId} className="export-answer-panel">
      <h2 id={headingId}>{t('compile.exportPanel.title')}</h2>
      {policy && <p>{t('compile.exportPanel.intro', { policy: `${policy.name} (${policy.version})` })}</p>}
      <fieldset>
        <legend>{t('compile.exportPanel.regions')}</legend>
        <p>
          <button type="button" className="button small" onClick={() => setRegions(new Set(COUNTY_CODES))}>
            {t('compile.exportPanel.allRegions')}
          </button>
        </p>
        <ul className="checkbox-list">
          {COUNTY_CODES.map((code) => (
            <li key={code}>
              <label>
                <input type="checkbox" checked={regions.has(code)} onChange={() => toggle(code)} /> {regionName(code, language)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {unitName === '' && <p className="hint">{t('compile.exportPanel.noUnit')}</p>}
      {unitName && <p>{t('compile.exportPanel.unit', { name: unitName })}</p>}
      {regions.size === 0 && <p className="hint">{t('compile.exportPanel.noRegions')}</p>}
      <p>
        <button type="button" className="button" onClick={() => void onSave()} disabled={stale || !unitName || !policy || regions.size === 0}>
          {t('compile.exportPanel.save')}
        </button>
      </p>
      <ActionStatus status={status} error={error} testId="export-answer-status" />
    </section>
  );
}
