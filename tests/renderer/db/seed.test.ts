// First start: the demo is stored once, completely, and reads back exactly as generated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { AntalDatabase, loadDataset } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDb as freshTestDb } from './test-databases';
import { DEMO_SEEDED_KEY, seedDemoIfNew } from '../../../renderer/src/db/seed';
import { computeStudyAnswer, loadStudyInputs } from '../../../renderer/src/answer/study-inputs';
import { runDemo } from '../../../shared/demo/run-demo';

afterEach(deleteDatabases);
const freshDb = (): AntalDatabase => freshTestDb('seed');
const demo = () => ({ dataset: createDemoDataset(), study: DEMO_STUDY });
const now = new Date('2026-11-22T08:00:00Z');

describe('demo seeding', () => {
  it('stores the demo dataset and study on first start, and the stored dataset equals the generated one', async () => {
    const db = freshDb();
    expect(await seedDemoIfNew(db, demo, now)).toBe(true);
    const generated = createDemoDataset();
    const stored = await loadDataset(db, generated.id);
    expect(stored).toEqual(generated);
    expect(stored?.low).toBeInstanceOf(Float64Array);
    expect(await db.studies.count()).toBe(1);
    expect((await db.settings.get(DEMO_SEEDED_KEY))?.value).toBe(now.toISOString());
  });

  it('never seeds twice, and never brings the demo back after the user deleted it', async () => {
    const db = freshDb();
    await seedDemoIfNew(db, demo, now);
    expect(await seedDemoIfNew(db, demo, now)).toBe(false);
    await db.studies.clear();
    await db.datasets.clear();
    await db.datasetColumns.clear();
    expect(await seedDemoIfNew(db, demo, now)).toBe(false);
    expect(await db.studies.count()).toBe(0);
  });

  it('leaves the database empty when the demo cannot be stored (the write is one transaction)', async () => {
    const db = freshDb();
    const broken = () => {
      const content = demo();
      // A study that IndexedDB cannot clone makes the second write of the transaction fail.
      return { ...content, study: { ...content.study, notCloneable: () => 1 } as unknown as typeof DEMO_STUDY };
    };
    await expect(seedDemoIfNew(db, broken, now)).rejects.toThrow();
    expect(await db.datasets.count()).toBe(0);
    expect(await db.datasetColumns.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('the answer computed from the stored demo equals `antal demo`', async () => {
    const db = freshDb();
    await seedDemoIfNew(db, demo, now);
    const answer = (await computeStudyAnswer((await loadStudyInputs(db))!));
    const expected = runDemo();
    expect(answer?.estimate).toEqual(expected.estimate);
    expect(answer?.projection).toEqual(expected.projection);
    expect(answer?.verdict).toEqual(expected.verdict);
  });
});
