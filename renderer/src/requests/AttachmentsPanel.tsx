// Files attached to a request (synopsis PDF and the like), kept in the local database, never uploaded.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRecord } from '../db/database';
import { useServices } from '../context';
import { formatBytes, formatIsoDateTime } from '../format';
import { useUndo } from '../ui/undo';
import { StatusLine } from '../ui/StatusLine';

export function AttachmentsPanel({
  attachments,
  onAdd,
  onRemove,
}: {
  attachments: AttachmentRecord[];
  onAdd: (file: { name: string; bytes: Uint8Array }) => Promise<void>;
  onRemove: (attachment: AttachmentRecord) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { platform, language } = useServices();
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);

  const fail = (e: unknown) => setMessage({ kind: 'error', text: t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }) });

  const add = async () => {
    const opened = await platform.openFile({
      titleKey: 'dialogs.open',
      filters: [
        { nameKey: 'files.pdf', extensions: ['pdf'] },
        { nameKey: 'files.all', extensions: ['*'] },
      ],
    });
    if (!opened.ok) {
      if (opened.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`errors.${opened.error.code}`) });
      return;
    }
    try {
      await onAdd(opened.value);
      setMessage({ kind: 'status', text: t('requests.attachments.added', { name: opened.value.name }) });
    } catch (e) {
      fail(e);
    }
  };

  // Undo adds the same bytes back (same SHA-256); the audit trail shows the removal and the re-adding.
  const undo = useUndo(fail);
  const remove = async (a: AttachmentRecord) => {
    try {
      await onRemove(a);
    } catch (e) {
      fail(e);
      return;
    }
    setMessage(null);
    undo.offer({
      message: t('requests.attachments.removed', { name: a.fileName }),
      restoredMessage: t('actions.attachment.restored', { name: a.fileName }),
      undo: () => onAdd({ name: a.fileName, bytes: a.bytes }),
    });
  };

  const download = async (a: AttachmentRecord) => {
    const result = await platform.saveFile({ titleKey: 'dialogs.save', suggestedName: a.fileName, filters: [{ nameKey: 'files.all', extensions: ['*'] }], bytes: a.bytes });
    if (!result.ok && result.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`errors.${result.error.code}`) });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="attachments">
      <h2 id={`${id}-title`}>{t('requests.attachments.title')}</h2>
      <p className="hint">{t('requests.attachments.intro')}</p>
      {attachments.length === 0 ? (
        <p>{t('requests.attachments.empty')}</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              {a.fileName} ({formatBytes(a.size, language)}, {formatIsoDateTime(new Date(a.addedAt))}, SHA-256 <code title={a.sha256}>{a.sha256.slice(0, 12)}</code>){' '}
              <button type="button" className="button small" onClick={() => void download(a)}>
                {t('requests.attachments.save')}
                <span className="visually-hidden"> {a.fileName}</span>
              </button>{' '}
              <button
                type="button"
                className="button small danger"
                onClick={() => void remove(a)}
              >
                {t('requests.attachments.remove')}
                <span className="visually-hidden"> {a.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {undo.region}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void add()}>
          {t('requests.attachments.add')}
        </button>
      </div>
      <StatusLine error={message?.kind === 'error'}>
        {message?.text ?? ''}
      </StatusLine>
    </section>
  );
}
