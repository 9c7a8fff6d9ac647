// Versions of a request: save one (immutable: author, time, comment, content hash), list them, compare two.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffContents } from '../../../shared/requests/diff';
import { type RequestVersion, versionIntact } from '../../../shared/requests/version';
import { formatIsoDateTime } from '../format';
import { DataTable } from '../ui/DataTable';
import { StatusLine } from '../ui/StatusLine';

export function VersionsPanel({
  versions,
  onSave,
}: {
  versions: RequestVersion[];
  onSave: (kind: 'criteria' | 'answer', comment: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'criteria' | 'answer'>('criteria');
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [onlyChanges, setOnlyChanges] = useState(true);

  const save = async () => {
    try {
      await onSave(kind, comment.trim());
      setComment('');
      setMessage({ kind: 'status', text: t('requests.versions.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const label = (v: RequestVersion) => t('requests.versions.option', { number: v.number, kind: t(`requests.versions.kinds.${v.kind}`), at: formatIsoDateTime(new Date(v.createdAt)) });
  const a = versions.find((v) => v.id === left);
  const b = versions.find((v) => v.id === right);
  const rows = a && b ? diffContents(a.content, b.content) : [];
  const shownRows = onlyChanges ? rows.filter((r) => r.changed) : rows;

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="versions">
      <h2 id={`${id}-title`}>{t('requests.versions.title')}</h2>
      <p className="hint">{t('requests.versions.intro')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('requests.versions.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'criteria' | 'answer')}>
            <option value="criteria">{t('requests.versions.kinds.criteria')}</option>
            <option value="answer">{t('requests.versions.kinds.answer')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('requests.versions.comment')}</label>
          <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void save()}>
          {t('requests.versions.save')}
        </button>
        <StatusLine error={message?.kind === 'error'}>
          {message?.text ?? ''}
        </StatusLine>
      </div>
      {versions.length === 0 ? (
        <p>{t('requests.versions.empty')}</p>
      ) : (
        <DataTable testId="versions-table" columns={[{ label: t('requests.versions.number') }, { label: t('requests.versions.kind') }, { label: t('requests.versions.author') }, { label: t('requests.versions.time') }, { label: t('requests.versions.comment') }, { label: t('requests.versions.hash') }]}>
          {versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">{v.number}</th>
              <td>{t(`requests.versions.kinds.${v.kind}`)}</td>
              <td>{v.author}</td>
              <td>{formatIsoDateTime(new Date(v.createdAt))}</td>
              <td>{v.comment}</td>
              <td>
                <code title={v.contentHash}>{v.contentHash.slice(0, 12)}</code>{' '}
                {versionIntact(v) ? t('requests.versions.intact') : <strong className="field-error">{t('requests.versions.altered')}</strong>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {versions.length >= 2 && (
        <fieldset className="plan">
          <legend>{t('requests.versions.compare')}</legend>
          <div className="field-row">
            {([
              ['left', left, setLeft],
              ['right', right, setRight],
            ] as const).map(([side, value, set]) => (
              <div className="field" key={side}>
                <label htmlFor={`${id}-${side}`}>{t(`requests.versions.${side}`)}</label>
                <select id={`${id}-${side}`} value={value} onChange={(e) => set(e.target.value)}>
                  <option value="">{t('requests.versions.choose')}</option>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {label(v)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <label className="step-toggle">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
            <span>{t('requests.versions.onlyChanges')}</span>
          </label>
          {a && b && (
            <>
              <StatusLine testId="diff-count">
                {t('requests.versions.differences', { count: rows.filter((r) => r.changed).length })}
              </StatusLine>
              {shownRows.length > 0 && (
                <DataTable testId="diff-table" scroll={t('requests.versions.compare')} columns={[{ label: t('requests.versions.field') }, { label: label(a) }, { label: label(b) }]}>
                  {shownRows.map((row) => (
                    <tr key={row.path} data-changed={row.changed ? 'true' : undefined}>
                      <th scope="row">
                        <code>{row.path}</code>
                      </th>
                      <td>{row.changed ? <mark>{row.left ?? '—'}</mark> : row.left}</td>
                      <td>{row.changed ? <mark>{row.right ?? '—'}</mark> : row.right}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </>
          )}
        </fieldset>
      )}
    </section>
  );
}
