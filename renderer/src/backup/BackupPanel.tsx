// Settings → Backups: create a backup file, restore one after seeing what it holds and what would change.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_BACKUP_RETENTION, BACKUP_FILE_EXTENSION, type AutoBackupWritten, type BridgeError } from '../../../shared/ipc/contract';
import { useServices } from '../context';
import { formatBytes, formatCount, formatIsoDateTime } from '../format';
import { autoBackupHost, LAST_AUTO_BACKUP_KEY } from './auto-backup';
import { BackupError, type PreparedRestore, createBackup, prepareRestore } from './backup';
import { backupFileName } from '../../../shared/backup/backup-format';
import { knownTableName } from '../../../shared/backup/table-names';
import { getSetting } from '../db/database';
import { recordBackupEvent } from './backup-audit';
import { DataTable } from '../ui/DataTable';
import { StatusLine } from '../ui/StatusLine';

const BACKUP_FILTERS = [
  { nameKey: 'files.backup', extensions: [BACKUP_FILE_EXTENSION] },
  { nameKey: 'files.all', extensions: ['*'] },
];

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; messageKey: 'backup.creating' | 'backup.reading' | 'backup.restoring' }
  | { kind: 'done'; message: string; reload?: boolean }
  | { kind: 'error'; message: string };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function BackupPanel() {
  const { t } = useTranslation();
  const { db, platform, language, now } = useServices();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [prepared, setPrepared] = useState<PreparedRestore | null>(null);
  const [lastAuto, setLastAuto] = useState<(AutoBackupWritten & { at: string }) | null>(null);
  const previewHeadingId = useId();
  const previewRef = useRef<HTMLHeadingElement>(null);
  const isDesktop = autoBackupHost() !== null;

  useEffect(() => {
    let live = true;
    void getSetting<AutoBackupWritten & { at: string }>(db, LAST_AUTO_BACKUP_KEY).then((v) => live && setLastAuto(v ?? null));
    return () => {
      live = false;
    };
  }, [db]);

  useEffect(() => {
    if (prepared) previewRef.current?.focus();
  }, [prepared]);

  // A prepared restore holds a temporary database: drop it if the user leaves the page.
  useEffect(() => () => void prepared?.discard(), [prepared]);

  const bridgeMessage = (error: BridgeError): string => t(`errors.${error.code}`) + (error.detail ? ` (${error.detail})` : '');
  const busy = status.kind === 'busy';

  const onCreate = async () => {
    setStatus({ kind: 'busy', messageKey: 'backup.creating' });
    try {
      const info = await platform.getAppInfo();
      const at = now();
      const { bytes } = await createBackup(db, { now: at, appVersion: info.ok ? info.value.version : '' });
      const saved = await platform.saveFile({ titleKey: 'dialogs.saveBackup', suggestedName: backupFileName(at, BACKUP_FILE_EXTENSION), filters: BACKUP_FILTERS, bytes });
      if (!saved.ok) {
        setStatus(saved.error.code === 'cancelled' ? { kind: 'idle' } : { kind: 'error', message: t('backup.errors.save', { detail: bridgeMessage(saved.error) }) });
        return;
      }
      const done = t('backup.created', { path: saved.value.path, size: formatBytes(saved.value.bytes, language) });
      setStatus({ kind: 'done', message: await withAuditNote(done, () => recordBackupEvent(db, { kind: 'backup', at, detail: saved.value.path, summary: t('backup.auditBackup') })) });
    } catch (error) {
      setStatus({ kind: 'error', message: t('backup.errors.create', { detail: describeError(error) }) });
    }
  };

  /** The file is saved or the data restored either way; a failed log entry is said, not mistaken for a failed operation. */
  const withAuditNote = async (message: string, record: () => Promise<void>): Promise<string> => {
    try {
      await record();
      return message;
    } catch (error) {
      return `${message} ${t('backup.errors.audit', { detail: describeError(error) })}`;
    }
  };

  const onOpen = async () => {
    setStatus({ kind: 'busy', messageKey: 'backup.reading' });
    const opened = await platform.openFile({ titleKey: 'dialogs.openBackup', filters: BACKUP_FILTERS });
    if (!opened.ok) {
      setStatus(opened.error.code === 'cancelled' ? { kind: 'idle' } : { kind: 'error', message: t('backup.errors.open', { detail: bridgeMessage(opened.error) }) });
      return;
    }
    try {
      setPrepared(await prepareRestore(db, opened.value.bytes));
      setStatus({ kind: 'idle' });
    } catch (error) {
      const message =
        error instanceof BackupError ? t(`backup.errors.${error.code}`, { detail: error.detail }) : t('backup.errors.corrupt', { detail: describeError(error) });
      setStatus({ kind: 'error', message: `${opened.value.name}: ${message}` });
    }
  };

  const onConfirm = async () => {
    if (!prepared) return;
    const restoring = prepared;
    setStatus({ kind: 'busy', messageKey: 'backup.restoring' });
    try {
      await restoring.commit();
    } catch (error) {
      setStatus({ kind: 'error', message: t('backup.errors.restore', { detail: describeError(error) }) });
      setPrepared(null);
      return;
    }
    setPrepared(null);
    const done = t('backup.restored', { date: formatIsoDateTime(new Date(restoring.preview.header.createdAt)) });
    const message = await withAuditNote(done, () => recordBackupEvent(db, { kind: 'restore', at: now(), detail: restoring.preview.header.createdAt, summary: t('backup.auditRestore') }));
    setStatus({ kind: 'done', message, reload: true });
  };

  const onCancel = () => {
    void prepared?.discard();
    setPrepared(null);
    setStatus({ kind: 'done', message: t('backup.preview.cancelled') });
  };

  const tableLabel = (name: string) => knownTableName(language, name) ?? t('backup.tables.other', { name });
  const change = (now: number, after: number) =>
    after === now ? t('backup.preview.unchanged') : `${after > now ? '+' : '−'}${formatCount(Math.abs(after - now), language)}`;

  return (
    <section className="panel" aria-labelledby="backup-title" data-testid="backup-panel">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="hint">{t('backup.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy || prepared !== null} onClick={() => void onCreate()}>
          {t('backup.create')}
        </button>
        <button type="button" className="button" disabled={busy || prepared !== null} onClick={() => void onOpen()}>
          {t('backup.restore')}
        </button>
      </div>
      <div role="status" data-testid="backup-status">
        {status.kind === 'busy' && <p>{t(status.messageKey)}</p>}
        {status.kind === 'done' && (
          <p>
            {status.message}{' '}
            {status.reload && (
              <button type="button" className="button small" onClick={() => window.location.reload()}>
                {t('backup.reload')}
              </button>
            )}
          </p>
        )}
      </div>
      {status.kind === 'error' && (
        <StatusLine error testId="backup-error">
          {status.message}
        </StatusLine>
      )}
      {prepared && (
        <div className="backup-preview" data-testid="restore-preview">
          <h3 id={previewHeadingId} ref={previewRef} tabIndex={-1}>
            {t('backup.preview.title')}
          </h3>
          <p>
            {t('backup.preview.created', {
              date: formatIsoDateTime(new Date(prepared.preview.header.createdAt)),
              version: prepared.preview.header.appVersion,
              schema: prepared.preview.header.schemaVersion,
              size: formatBytes(prepared.preview.fileBytes, language),
            })}
          </p>
          <DataTable labelledBy={previewHeadingId} caption={t('backup.preview.caption')} columns={[{ label: t('backup.preview.table') }, { label: t('backup.preview.now'), numeric: true }, { label: t('backup.preview.after'), numeric: true }, { label: t('backup.preview.change'), numeric: true }, { label: t('backup.preview.newest') }]}>
            {prepared.preview.tables.map((table) => (
              <tr key={table.name} data-table={table.name}>
                <th scope="row">{tableLabel(table.name)}</th>
                <td className="num">{formatCount(table.now, language)}</td>
                <td className="num">{formatCount(table.after, language)}</td>
                <td className="num">{change(table.now, table.after)}</td>
                <td>{table.newest ? formatIsoDateTime(new Date(table.newest)) : t('backup.preview.noDate')}</td>
              </tr>
            ))}
          </DataTable>
          <p className="field-error">{t('backup.preview.warning')}</p>
          <div className="form-actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void onConfirm()}>
              {t('backup.preview.confirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={onCancel}>
              {t('backup.preview.cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('backup.auto.title')}</h3>
      {isDesktop ? (
        <>
          <p className="hint">
            {lastAuto
              ? t('backup.auto.description', { ...AUTO_BACKUP_RETENTION, directory: lastAuto.directory })
              : t('backup.auto.descriptionNoFolder', { ...AUTO_BACKUP_RETENTION })}
          </p>
          {lastAuto && <p className="hint">{t('backup.auto.last', { name: lastAuto.name, size: formatBytes(lastAuto.bytes, language) })}</p>}
        </>
      ) : (
        <p className="hint">{t('backup.auto.web')}</p>
      )}
    </section>
  );
}
