// Version 2 → 3: Early Feedback Form answers kept on the study move to the request that uses it (the request's own
// answer wins, nothing is lost, the study loses them), every request gets the sponsor's reference, the protocol
// number and acknowledgements, a sponsor reference that version 2 put into our diary-number field moves to where it
// belongs unless the coordinator has edited that field since, and each moved request gets an audit entry in an
// audit chain that still verifies.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { nextAuditEntry, type AuditEntry } from '../../../shared/audit/chain';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { blankRequest } from '../../../shared/requests/create';
import type { Study } from '../../../shared/criteria/study';
import { AntalDatabase } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDatabaseName, releasedDatabase } from './test-databases';
import { AUDIT_HEAD_KEY, verifyAudit } from '../../../renderer/src/db/audit';
import type { RequestV2 } from '../../../renderer/src/db/upgrade-v3';

afterEach(deleteDatabases);
const freshName = (): string => freshDatabaseName('migration-v3');

const T = new Date('2026-05-01T10:00:00Z');

/** A request as version 2 wrote it: without sponsorReference, protocolNumber and acknowledgements. */
function requestV2(id: string, studyId: string, patch: Partial<RequestV2> = {}): RequestV2 {
  const { sponsorReference: _s, protocolNumber: _p, acknowledgements: _a, ...rest } = blankRequest(id, studyId, T);
  return { ...rest, title: `Förfrågan ${id}`, ...patch };
}

function studyRecord(id: string, patch: Partial<Study>) {
  return { id, title: id, updatedAt: T.toISOString(), datasetIds: [], study: { ...DEMO_STUDY, id, ...patch } };
}

describe('migration to version 3', () => {
  it("moves the study's form answers to its request, the request's own answers winning, and audits what moved", async () => {
    const name = freshName();
    const v2 = releasedDatabase(name, 2);
    await v2.open();
    await v2.table('studies').bulkPut([
      // Q1 and Q3 chosen on the forecast, with a comment; the request has answered Q1 itself (differently).
      studyRecord('s-chosen', { sponsorReference: 'SPON-1', earlyFeedback: { populationPresent: 'no', limitingFactor: 'other', comment: 'Två konkurrerande studier i regionen.' } }),
      // Only the "competing studies" box ticked: that was the effective answer to Q3.
      studyRecord('s-box', { sponsorReference: '', earlyFeedback: { competingStudies: true } }),
      // Nothing chosen: the study only showed suggestions, which are not answers.
      studyRecord('s-none', { sponsorReference: 'X-9', earlyFeedback: {} }),
    ]);
    await v2.table('requests').bulkPut([
      requestV2('r-chosen', 's-chosen', { localReference: 'Dnr 2026/5', feedback: { 'population-present': { choice: 'yes', comment: 'Enligt registret.' } } }),
      requestV2('r-box', 's-box', { feedback: { 'limiting-factors': { choice: '', comment: 'Sommaren.' } } }),
      requestV2('r-none', 's-none', { localReference: 'Dnr 7' }),
    ]);
    // One audit entry already in the chain: the upgrade's entries must link to it.
    const first = nextAuditEntry(undefined, { kind: 'request', requestId: 'r-chosen', summary: 'Ny förfrågan registrerad', details: { action: 'created' } }, T);
    await v2.table('audit').add(first);
    await v2.table('settings').put({ key: AUDIT_HEAD_KEY, value: { seq: first.seq, hash: first.hash } });
    v2.close();

    const db = new AntalDatabase(name);
    await db.open();
    expect(db.verno).toBe(4); // then version 4 (studies of schema 2, migration-v4.test.ts)

    const chosen = (await db.requests.get('r-chosen'))!;
    expect(chosen.feedback['population-present']).toEqual({ choice: 'yes', comment: 'Enligt registret.' });
    expect(chosen.feedback['limiting-factors']).toEqual({ choice: 'other', comment: 'Två konkurrerande studier i regionen.' });
    expect(chosen).toMatchObject({ sponsorReference: 'SPON-1', protocolNumber: '', localReference: 'Dnr 2026/5', acknowledgements: [] });
    expect((await db.requests.get('r-box'))!.feedback['limiting-factors']).toEqual({ choice: 'competing-studies', comment: 'Sommaren.' });
    const none = (await db.requests.get('r-none'))!;
    expect(none.feedback).toEqual({});
    expect(none.sponsorReference).toBe('X-9');

    // The studies no longer hold the answers; everything else of them is unchanged.
    for (const id of ['s-chosen', 's-box', 's-none']) expect((await db.studies.get(id))!.study.earlyFeedback).toBeUndefined();
    expect((await db.studies.get('s-chosen'))!.study.steps).toEqual(DEMO_STUDY.steps);

    const entries = (await db.audit.orderBy('seq').toArray()) as AuditEntry[];
    const upgrade = entries.filter((e) => e.details?.action === 'upgrade-v3');
    expect(upgrade.map((e) => e.requestId)).toEqual(['r-box', 'r-chosen']);
    expect(upgrade.find((e) => e.requestId === 'r-chosen')!.details).toMatchObject({
      feedbackMoved: ['limiting-factors'],
      feedbackConflicts: [{ questionId: 'population-present', studyChoice: 'no', requestChoice: 'yes' }],
    });
    expect((await verifyAudit(db)).ok).toBe(true);
    db.close();
  });

  it("moves a sponsor reference version 2 put in the diary-number field, unless the coordinator edited that field", async () => {
    const name = freshName();
    const v2 = releasedDatabase(name, 2);
    await v2.open();
    await v2.table('studies').bulkPut([studyRecord('old-1', { sponsorReference: 'AST-2' }), studyRecord('old-2', { sponsorReference: 'BRO-7' })]);
    // Both requests were made by version 2 from version-1 studies (id "request-<study>"), copying the reference.
    await v2.table('requests').bulkPut([requestV2('request-old-1', 'old-1', { localReference: 'AST-2' }), requestV2('request-old-2', 'old-2', { localReference: 'BRO-7' })]);
    // The second one's diary-number field was edited (to the same text) by the coordinator: it stays theirs.
    const edit = nextAuditEntry(undefined, { kind: 'edit', requestId: 'request-old-2', summary: 'Uppgifter om förfrågan ändrade', details: { fields: ['localReference'] } }, T);
    await v2.table('audit').add(edit);
    await v2.table('settings').put({ key: AUDIT_HEAD_KEY, value: { seq: edit.seq, hash: edit.hash } });
    v2.close();

    const db = new AntalDatabase(name);
    await db.open();
    expect(await db.requests.get('request-old-1')).toMatchObject({ sponsorReference: 'AST-2', localReference: '' });
    expect(await db.requests.get('request-old-2')).toMatchObject({ sponsorReference: '', localReference: 'BRO-7' });
    // The study follows the request's sponsor reference.
    expect((await db.studies.get('old-1'))!.study.sponsorReference).toBe('AST-2');
    expect((await db.studies.get('old-2'))!.study.sponsorReference).toBe('');
    const moved = (await db.audit.toArray()).filter((e) => e.details?.action === 'upgrade-v3');
    expect(moved.map((e) => [e.requestId, e.details?.sponsorReferenceMoved])).toEqual([['request-old-1', true]]);
    expect((await verifyAudit(db)).ok).toBe(true);
    db.close();
  });
});
