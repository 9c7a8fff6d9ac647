// The letters already exported for this study, kept byte for byte with their SHA-256: each can be exported again
// identically (the stored bytes, never a new rendering), and every export is written to the audit trail.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sha256Hex } from '../../../shared/utils/sha256';
import { useServices } from '../context';
import { appendAudit } from '../db/audit';
import type { LetterRecord } from '../db/database';
import { formatBytes, formatIsoDateTime } from '../format';
import { DataTable } from '../ui/DataTable';
import { ActionStatus } from '../ui/StatusLine';

export function StoredLetters({ studyId, refreshKey }: { studyId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const { db, platform, language, now } = useServices();
  const [letters, setLetters] = useState<LetterRecord[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    void db.letters
      .where('studyId')
      .equals(studyId)
      .toArray()
      .then((rows) => live && setLetters(rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))));
    return () => {
      live = false;
    };
  }, [db, studyId, refreshKey]);

  async function exportAgain(letter: LetterRecord) {
    setStatus('');
    setError('');
    // The stored bytes must still be the ones recorded: a changed record is refused, never sent.
    if (sha256Hex(letter.bytes) !== letter.sha256) {
      setError(t('letter.stored.tampered', { file: letter.fileName }));
      return;
    }
    const saved = await platform.saveFile({ titleKey: 'dialogs.saveLetter', suggestedName: letter.fileName, filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }], bytes: letter.bytes });
    if (!saved.ok) {
      if (saved.error.code !== 'cancelled') setError(t('letter.errors.save', { detail: t(`errors.${saved.error.code}`) }));
      return;
    }
    await appendAudit(
      db,
      {
        kind: 'letter-export',
        ...(letter.requestId ? { requestId: letter.requestId } : {}),
        summary: t('letter.auditExportedAgain', { file: letter.fileName }),
        details: { fileName: letter.fileName, savedAs: saved.value.path, sha256: letter.sha256, bytes: letter.bytes.byteLength, snapshotHash: letter.snapshotHash, again: true },
      },
      now(),
    );
    setStatus(t('letter.exported', { path: saved.value.path, sha: letter.sha256 }));
  }

  if (!letters) return null;
  if (letters.length === 0)
    return (
      <p className="hint" data-testid="stored-letters-none">
        {t('actions.empty.letters')}
      </p>
    );
  return (
    <div className="stored-letters" data-testid="stored-letters">
      <DataTable caption={t('letter.stored.caption')} columns={[{ label: t('letter.stored.date') }, { label: t('letter.stored.language') }, { label: t('letter.stored.file') }, { label: t('letter.stored.size'), numeric: true }, { label: 'SHA-256' }, { label: t('letter.stored.actions'), hidden: true }]}>
        {letters.map((l) => (
          <tr key={l.id}>
            <td>{formatIsoDateTime(new Date(l.createdAt))}</td>
            <td>{t(`letter.languages.${l.language}`)}</td>
            <th scope="row" id={`stored-letter-${l.id}`}>
              {l.fileName}
            </th>
            <td className="num">{formatBytes(l.bytes.byteLength, language)}</td>
            <td>
              <code title={l.sha256}>{l.sha256.slice(0, 16)}…</code>
            </td>
            <td>
              <button type="button" onClick={() => void exportAgain(l)} aria-describedby={`stored-letter-${l.id}`}>
                {t('letter.stored.exportAgain')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <ActionStatus status={status} error={error} hint testId="stored-letters-status" />
    </div>
  );
}
