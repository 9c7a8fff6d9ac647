// The audit trail: every recorded change, filterable, exportable (JSON with the chain, for `antal verify`,
// and CSV for reading), and verifiable: "Verify" re-computes the hash chain and names the first bad entry.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditEntry, type AuditKind } from '../../../shared/audit/chain';
import { auditExport } from '../../../shared/audit/export';
import { foldText } from '../../../shared/utils/text';
import { storedAuditHead, type AuditVerification, verifyAudit } from '../db/audit';
import type { AntalDatabase } from '../db/database';
import { useServices } from '../context';
import { formatCount, formatIsoDate, formatIsoDateTime } from '../format';
import { escapeCsvCell } from '../datasets/csv-export';
import { EmptyState } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';
import { StatusLine, Loading } from '../ui/StatusLine';

function entryText(entry: AuditEntry): string {
  return `${entry.summary} ${entry.details ? JSON.stringify(entry.details) : ''} ${entry.requestId ?? ''}`;
}

/** Newest first. */
async function fetchEntries(db: AntalDatabase, requestId: string | undefined): Promise<AuditEntry[]> {
  const rows = requestId ? await db.audit.where('requestId').equals(requestId).sortBy('seq') : await db.audit.orderBy('seq').toArray();
  return rows.reverse();
}

export function AuditTrail({ requestId, titles }: { requestId?: string; titles?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { db, platform, language, now } = useServices();
  const id = useId();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [kind, setKind] = useState<AuditKind | 'all'>('all');
  const [text, setText] = useState('');
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => setEntries(await fetchEntries(db, requestId)), [db, requestId]);
  useEffect(() => {
    let live = true;
    void fetchEntries(db, requestId).then((rows) => live && setEntries(rows));
    return () => {
      live = false;
    };
  }, [db, requestId]);

  const words = foldText(text).split(' ').filter(Boolean);
  const shown = (entries ?? []).filter((e) => (kind === 'all' || e.kind === kind) && words.every((w) => foldText(entryText(e)).includes(w)));

  const verify = async () => {
    setVerification(await verifyAudit(db));
    await load();
  };

  const save = async (name: string, bytes: Uint8Array, extension: 'json' | 'csv') => {
    const result = await platform.saveFile({ titleKey: 'dialogs.export', suggestedName: name, filters: [{ nameKey: `files.${extension}`, extensions: [extension] }], bytes });
    if (result.ok) setMessage(t('requests.audit.exported', { path: result.value.path }));
    else if (result.error.code !== 'cancelled') setMessage(t(`errors.${result.error.code}`));
  };

  const exportJson = async () => {
    const all = await db.audit.orderBy('seq').toArray();
    const head = await storedAuditHead(db);
    const at = now();
    await save(`antal-audit-${formatIsoDate(at)}.json`, new TextEncoder().encode(JSON.stringify(auditExport(all, head, at), null, 2)), 'json');
  };

  const exportCsv = async () => {
    const header = ['#', t('requests.audit.time'), t('requests.audit.kind'), t('requests.audit.request'), t('requests.audit.summary'), t('requests.audit.details'), t('requests.audit.hash')];
    const lines = [header, ...shown.map((e) => [String(e.seq), e.at, t(`requests.audit.kinds.${e.kind}`), e.requestId ?? '', e.summary, e.details ? JSON.stringify(e.details) : '', e.hash])].map((cells) =>
      cells.map(escapeCsvCell).join(';'),
    );
    const body = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const bytes = new Uint8Array(body.length + 3);
    bytes.set([0xef, 0xbb, 0xbf], 0);
    bytes.set(body, 3);
    await save(`antal-audit-${formatIsoDate(now())}.csv`, bytes, 'csv');
  };

  return (
    // Not a named landmark itself: the table's scroll region below carries the name.
    <section className="panel" data-testid="audit-trail">
      <h2 id={`${id}-title`}>{requestId ? t('requests.audit.forRequest') : t('requests.audit.all')}</h2>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void verify()}>
          {t('requests.audit.verify')}
        </button>
        {!requestId && (
          <>
            <button type="button" className="button" onClick={() => void exportJson()}>
              {t('requests.audit.exportJson')}
            </button>
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('requests.audit.exportCsv')}
            </button>
          </>
        )}
      </div>
      <StatusLine as="div" panel error={verification?.ok === false} testId="audit-verification">
        {verification &&
          (verification.ok ? (
            <p>{t('requests.audit.ok', { count: verification.count })}</p>
          ) : (
            <p className="field-error">{t(`requests.audit.problems.${verification.problem}`, { seq: verification.seq })}</p>
          ))}
      </StatusLine>
      {message && <StatusLine>{message}</StatusLine>}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('requests.audit.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AuditKind | 'all')}>
            <option value="all">{t('requests.filters.all')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`requests.audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('requests.filters.search')}</label>
          <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </div>
      {entries === null ? (
        <Loading />
      ) : (
        <>
          <StatusLine>{t('requests.audit.count', { shown: formatCount(shown.length, language), total: formatCount(entries.length, language) })}</StatusLine>
          {entries.length === 0 ? (
            <EmptyState level={3} testId="audit-empty" title={t('actions.empty.audit.title')} next={t('actions.empty.audit.next')} action={requestId ? undefined : { label: t('actions.empty.audit.action'), href: '#/requests' }} />
          ) : (
            shown.length === 0 && (
              <EmptyState
                level={3}
                testId="audit-none-shown"
                title={t('actions.empty.auditFiltered.title')}
                next={t('actions.empty.auditFiltered.next')}
                action={{
                  label: t('actions.empty.auditFiltered.action'),
                  onPress: () => {
                    setKind('all');
                    setText('');
                  },
                }}
              />
            )
          )}
          {shown.length > 0 && (
            <DataTable scroll={{ labelledBy: `${id}-title` }} testId="audit-table" columns={[{ label: '#' }, { label: t('requests.audit.time') }, { label: t('requests.audit.kind') }, !requestId && { label: t('requests.audit.request') }, { label: t('requests.audit.summary') }, { label: t('requests.audit.hash') }]}>
              {shown.map((e) => {
                const bad = verification !== null && !verification.ok && verification.seq === e.seq;
                return (
                  <tr key={e.seq} data-bad={bad ? 'true' : undefined}>
                    <th scope="row">
                      {e.seq}
                      {bad && <strong className="field-error"> {t('requests.audit.firstBad')}</strong>}
                    </th>
                    <td>{formatIsoDateTime(new Date(e.at))}</td>
                    <td>{t(`requests.audit.kinds.${e.kind}`)}</td>
                    {!requestId && <td>{e.requestId ? (titles?.get(e.requestId) ?? e.requestId) : ''}</td>}
                    <td>{e.summary}</td>
                    <td>
                      <code title={e.hash}>{e.hash.slice(0, 12)}</code>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

/** The whole trail on its own page. */
export function AuditPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void db.requests.toArray().then((rows) => live && setTitles(new Map(rows.map((r) => [r.id, r.title]))));
    return () => {
      live = false;
    };
  }, [db]);
  return (
    <section aria-labelledby="audit-page-title">
      <h1 id="audit-page-title">{t('requests.audit.title')}</h1>
      <p>{t('requests.audit.intro')}</p>
      <AuditTrail titles={titles} />
    </section>
  );
}
