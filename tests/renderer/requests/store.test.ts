// The request store: every change lands together with its audit entry; marking answered freezes a snapshot.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { versionIntact } from '../../../shared/requests/version';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { AntalDatabase, saveDataset } from '../../../renderer/src/db/database';
import { changeStatus, createRequest, linkDatasets, saveRequest, saveVersion, type StoreContext } from '../../../renderer/src/requests/request-store';
import { parseRoute, routeHash } from '../../../renderer/src/shell/route';

let counter = 0;
const dbs: AntalDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function context(): { ctx: (at: string) => StoreContext; db: AntalDatabase } {
  const db = new AntalDatabase(`antal-store-${process.pid}-${counter++}`);
  dbs.push(db);
  let id = 0;
  return { db, ctx: (at) => ({ db, now: new Date(at), today: at.slice(0, 10), newId: () => `id-${++id}` }) };
}

describe('request store', () => {
  it('creates a request with its own empty study, audited', async () => {
    const { db, ctx } = context();
    const request = await createRequest(ctx('2026-03-02T09:00:00Z'), DEMO_STUDY, 'created');
    expect(request).toMatchObject({ id: 'id-1', studyId: 'id-2', status: 'received', receivedOn: '2026-03-02', replyDeadline: '2026-03-16' });
    const study = await db.studies.get('id-2');
    expect(study?.study.steps).toEqual([]);
    expect(study?.study.recruitment.sites).toEqual([]);
    expect(study?.datasetIds).toEqual([]);
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ seq: 1, kind: 'request', requestId: 'id-1', details: { action: 'created' } });
  });

  it('records the changed fields of an edit, and writes nothing when nothing changed', async () => {
    const { db, ctx } = context();
    const request = await createRequest(ctx('2026-03-02T09:00:00Z'), DEMO_STUDY, 'created');
    const edited = await saveRequest(ctx('2026-03-02T10:00:00Z'), request, { ...request, title: 'Astma', owner: 'Anna' }, 'edited');
    expect((await db.studies.get(request.studyId))?.title).toBe('Astma');
    await saveRequest(ctx('2026-03-02T11:00:00Z'), edited, { ...edited }, 'edited');
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries).toHaveLength(2);
    expect(entries[1]!.details).toEqual({ fields: ['owner', 'title'] });
  });

  it('marking answered records the date and freezes a snapshot with figures, dataset hashes and settings', async () => {
    const { db, ctx } = context();
    const dataset = createDemoDataset();
    await saveDataset(db, dataset, new Date('2026-01-01T00:00:00Z'));
    const request = await createRequest(ctx('2026-03-02T09:00:00Z'), DEMO_STUDY, 'created');
    await linkDatasets(ctx('2026-03-02T09:30:00Z'), request, [dataset.id], 'linked');
    const criteria = await saveVersion(ctx('2026-03-03T09:00:00Z'), request, { kind: 'criteria', author: 'Anna', comment: 'v1', summary: 'version' });
    expect(criteria.content.figures).toBeUndefined();
    const answered = await changeStatus(ctx('2026-03-09T15:00:00Z'), request, 'answered', 'Anna', { summary: 's', snapshotComment: 'c', snapshotSummary: 'f' });
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2026-03-09' });
    const versions = await db.versions.where('requestId').equals(request.id).sortBy('number');
    expect(versions.map((v) => [v.number, v.kind])).toEqual([
      [1, 'criteria'],
      [2, 'snapshot'],
    ]);
    const snapshot = versions[1]!;
    expect(snapshot.content.datasets).toEqual([{ id: dataset.id, name: dataset.name, sha256: dataset.provenance.sha256 }]);
    expect(snapshot.content.figures?.national.point).toBeGreaterThan(0);
    expect(snapshot.content.settings).toHaveProperty('hallandRule');
    expect(snapshot.content.answer.status).toBe('answered');
    expect(versionIntact(snapshot)).toBe(true);
    expect((await db.requests.get(request.id))?.status).toBe('answered');
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 5 });
  });
});

describe('routes of the request screens', () => {
  it('round-trips a request id that needs encoding and the audit page', () => {
    for (const route of [{ page: 'request' as const, requestId: 'a/b c' }, { page: 'audit' as const }, { page: 'requests' as const }]) {
      expect(parseRoute('#' + routeHash(route))).toEqual(route);
    }
  });
});
