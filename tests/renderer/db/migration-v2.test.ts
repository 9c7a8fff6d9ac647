// Version 1 → 2: a database written by the previous release opens with requests, versions, audit, attachments
// and letters added, and keeps every dataset, study and setting; each study is linked to a request.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { AntalDatabase, DEMO_REQUEST_ID, loadDataset } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDatabaseName, releasedDatabase } from './test-databases';
import { seedDemoIfNew } from '../../../renderer/src/db/seed';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { importedExport } from '../import/import-helpers';

afterEach(deleteDatabases);
const freshName = (): string => freshDatabaseName('migration-v2');

describe('migration to version 2', () => {
  it('keeps datasets (with their typed columns), studies and settings, and links every study to a request', async () => {
    const name = freshName();
    const { result } = await importedExport();
    const dataset = result.measures[0]!.dataset;
    const userStudy = { ...DEMO_STUDY, id: 'study-user-1', title: 'Fas II, astma', sponsorReference: 'AST-2', steps: DEMO_STUDY.steps.slice(0, 2) };
    const v1 = releasedDatabase(name, 1);
    await v1.open();
    await v1.table('datasets').put({
      id: dataset.id,
      name: dataset.name,
      basis: dataset.basis,
      provenance: dataset.provenance,
      dimensions: dataset.dimensions,
      cellCount: dataset.cellCount,
      importedAt: '2026-10-01T09:00:00.000Z',
    });
    await v1.table('datasetColumns').put({
      datasetId: dataset.id,
      columns: dataset.columns,
      low: dataset.low,
      point: dataset.point,
      high: dataset.high,
      masked: dataset.masked,
    });
    await v1.table('studies').bulkPut([
      { id: DEMO_STUDY.id, title: DEMO_STUDY.title, updatedAt: '2026-10-01T09:00:00.000Z', datasetIds: [dataset.id], study: DEMO_STUDY },
      { id: userStudy.id, title: userStudy.title, updatedAt: '2026-10-02T09:00:00.000Z', datasetIds: [], study: userStudy },
    ]);
    await v1.table('settings').bulkPut([
      { key: 'language', value: 'en' },
      { key: 'hallandRule', value: 'split-by-municipality' },
      { key: 'demoSeededAt', value: '2026-10-01T09:00:00.000Z' },
    ]);
    v1.close();

    const db = new AntalDatabase(name);
    await db.open();
    // Version 2's upgrade runs, then version 3's (migration-v3.test.ts) and version 4's (migration-v4.test.ts).
    expect(db.verno).toBe(4);
    expect(await loadDataset(db, dataset.id)).toEqual(dataset);
    expect((await db.studies.get(DEMO_STUDY.id))?.study).toEqual(DEMO_STUDY);
    expect((await db.studies.get(userStudy.id))?.datasetIds).toEqual([]);
    expect((await db.settings.get('language'))?.value).toBe('en');
    expect((await db.settings.get('hallandRule'))?.value).toBe('split-by-municipality');

    const requests = await db.requests.toArray();
    expect(requests.map((r) => r.studyId).sort()).toEqual([DEMO_STUDY.id, userStudy.id].sort());
    const demo = await db.requests.get(DEMO_REQUEST_ID);
    expect(demo).toMatchObject({ demo: true, studyId: DEMO_STUDY.id, title: DEMO_STUDY.title, targetPatients: 120, status: 'in-progress' });
    const user = requests.find((r) => r.studyId === userStudy.id);
    // The study file's sponsor reference is the sponsor's reference on the request, not our diary number.
    expect(user).toMatchObject({ title: 'Fas II, astma', sponsorReference: 'AST-2', localReference: '', protocolNumber: '', acknowledgements: [], type: 'country', confidentiality: 'osl' });
    expect(user?.demo).toBeUndefined();
    expect(user?.inclusionText).toContain('Histologically confirmed');
    expect(await db.audit.count()).toBe(0);
    db.close();
  });

  it('a fresh start seeds the demo study together with its demo request', async () => {
    const db = new AntalDatabase(freshName());
    await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-11-22T08:00:00Z'));
    const request = await db.requests.get(DEMO_REQUEST_ID);
    expect(request).toMatchObject({ demo: true, studyId: DEMO_STUDY.id, receivedOn: '2026-11-22', replyDeadline: '2026-12-06' });
    db.close();
  });
});
