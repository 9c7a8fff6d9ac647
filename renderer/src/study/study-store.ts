/**
 * Saving a study edit (criteria, forecast, sites) together with its audit entry in one transaction: the trail
 * records what changed in which part and the study's content hash before and after (shared/audit/study-changes.ts
 * says why not the values). An edit that changes nothing the trail follows (e.g. the title kept in step with the
 * request) is saved without an entry.
 */
import i18next from 'i18next';
import { studyEditDetails } from '../../../shared/audit/study-changes';
import { appendAudit, auditTables } from '../db/audit';
import type { AntalDatabase, StudyRecord } from '../db/database';

/** Writes `record` unless the stored study is newer; resolves to whether it was written. */
export async function saveStudyEdit(db: AntalDatabase, record: StudyRecord, now: Date, actor?: string): Promise<boolean> {
  return db.transaction('rw', [db.studies, db.requests, ...auditTables(db)], async () => {
    const stored = await db.studies.get(record.id);
    // A later write (another tab, or this edit replayed after a reload) is never overwritten by an older one.
    if (stored && stored.updatedAt > record.updatedAt) return false;
    await db.studies.put(record);
    const details = stored ? studyEditDetails(stored.study, record.study, { before: stored.datasetIds, after: record.datasetIds }) : null;
    if (details) {
      const request = await db.requests.where('studyId').equals(record.id).first();
      await appendAudit(
        db,
        {
          kind: 'edit',
          ...(request ? { requestId: request.id } : {}),
          summary: i18next.t('requests.auditText.studyEdited', { count: details.changes.length }),
          ...(actor ? { actor } : {}),
          details: { ...details },
        },
        now,
      );
    }
    return true;
  });
}
