/**
 * Database version 3: the request becomes the one home of its Early Feedback Form and of its references.
 *
 * - Answers older versions kept on the study (`study.earlyFeedback`, questions 1 and 3 as chosen on the forecast)
 *   move to the request that uses the study (shared/requests/feedback-migration.ts: the request's own answer wins,
 *   nothing is lost) and leave the study.
 * - The request gets the sponsor's reference and the protocol number as fields of their own, and a list of
 *   warning acknowledgements. Version 2 copied a study's sponsor reference into the request's diary-number field
 *   (`localReference`): where that value is still untouched (no audited edit of the field since), it moves to the
 *   sponsor's reference, where it belongs; a value the coordinator typed into the diary-number field stays there.
 * - Every request whose content changed gets an audit entry saying what moved, in the same transaction, so the
 *   trail explains the change.
 */
import type { Transaction } from 'dexie';
import { type AuditEntry, type AuditHead, nextAuditEntry } from '../../../shared/audit/chain';
import { moveLegacyFeedback, withoutLegacyFeedback } from '../../../shared/requests/feedback-migration';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { AUDIT_HEAD_KEY } from './setting-keys';
import type { StudyRecord } from './records';

/** A request as version 2 stored it: without the fields version 3 adds. */
export type RequestV2 = Omit<FeasibilityRequest, 'sponsorReference' | 'protocolNumber' | 'acknowledgements'> & Partial<Pick<FeasibilityRequest, 'sponsorReference' | 'protocolNumber' | 'acknowledgements'>>;

export interface RequestUpgrade {
  request: FeasibilityRequest;
  /** What the upgrade changed, for the audit entry (empty: only empty fields were added). */
  changes: { feedbackMoved: string[]; feedbackConflicts: Array<{ questionId: string; studyChoice: string; requestChoice: string }>; sponsorReferenceMoved: boolean };
}

/**
 * One request brought to version 3. `study` is the request's study (if it still exists); `localReferenceEdited`
 * says whether the audit trail records an edit of the diary-number field.
 */
export function upgradeRequest(request: RequestV2, study: StudyRecord | undefined, localReferenceEdited: boolean): RequestUpgrade {
  const legacy = study?.study.earlyFeedback;
  const move = moveLegacyFeedback(legacy, request.feedback ?? {});
  const next: FeasibilityRequest = {
    ...request,
    feedback: move.feedback,
    sponsorReference: request.sponsorReference ?? '',
    protocolNumber: request.protocolNumber ?? '',
    acknowledgements: request.acknowledgements ?? [],
  };
  let sponsorReferenceMoved = false;
  if (request.sponsorReference === undefined && study) {
    const studyReference = study.study.sponsorReference.trim();
    const fromVersion2 = request.id === `request-${study.id}` && !localReferenceEdited;
    if (studyReference && studyReference === request.localReference.trim() && fromVersion2) {
      next.sponsorReference = studyReference;
      next.localReference = '';
      sponsorReferenceMoved = true;
    } else if (studyReference && studyReference !== request.localReference.trim()) {
      next.sponsorReference = studyReference;
    }
  }
  return { request: next, changes: { feedbackMoved: move.moved, feedbackConflicts: move.conflicts, sponsorReferenceMoved } };
}

/** The study at version 3: without the moved answers, with the request's sponsor reference. */
export function upgradeStudy(record: StudyRecord, request: FeasibilityRequest | undefined): StudyRecord {
  const study = withoutLegacyFeedback(record.study);
  const sponsorReference = request ? request.sponsorReference : study.sponsorReference;
  if (study === record.study && sponsorReference === study.sponsorReference) return record;
  return { ...record, study: { ...study, sponsorReference } };
}

function editedFields(entry: AuditEntry): string[] {
  const fields = entry.details?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

export async function upgradeToVersion3(tx: Transaction, now: Date): Promise<void> {
  const studies = new Map(((await tx.table('studies').toArray()) as StudyRecord[]).map((s) => [s.id, s]));
  const requests = (await tx.table('requests').toArray()) as RequestV2[];
  const audit = tx.table('audit');
  const entries = (await audit.orderBy('seq').toArray()) as AuditEntry[];
  const edited = new Set(entries.filter((e) => e.kind === 'edit' && e.requestId && editedFields(e).includes('localReference')).map((e) => e.requestId!));
  const settings = tx.table('settings');
  let head = ((await settings.get(AUDIT_HEAD_KEY)) as { value: AuditHead } | undefined)?.value;
  // Requests are processed in a fixed order, so the audit entries come out the same on every machine.
  requests.sort((a, b) => a.id.localeCompare(b.id));
  const upgradedStudies = new Set<string>();
  for (const request of requests) {
    const study = studies.get(request.studyId);
    const { request: next, changes } = upgradeRequest(request, study, edited.has(request.id));
    await tx.table('requests').put(next);
    if (study && !upgradedStudies.has(study.id)) {
      upgradedStudies.add(study.id);
      const upgraded = upgradeStudy(study, next);
      if (upgraded !== study) await tx.table('studies').put(upgraded);
    }
    if (changes.feedbackMoved.length > 0 || changes.feedbackConflicts.length > 0 || changes.sponsorReferenceMoved) {
      const entry = nextAuditEntry(
        head,
        {
          kind: 'edit',
          requestId: request.id,
          summary: 'Databasen uppgraderad: Early Feedback Form-svar och sponsorns referens flyttade till förfrågan',
          details: { action: 'upgrade-v3', ...changes },
        },
        now,
      );
      await audit.add(entry);
      head = { seq: entry.seq, hash: entry.hash };
      await settings.put({ key: AUDIT_HEAD_KEY, value: head });
    }
  }
  // A study no request uses keeps its old answers: there is no request to move them to, and nothing reads them.
}
