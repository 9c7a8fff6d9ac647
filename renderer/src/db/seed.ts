/**
 * First start: when the database has never been seeded, store the embedded demo dataset and demo study so the
 * first screen shows a real answer. A flag records the seeding, so a user who deletes the demo never gets it
 * back uninvited. The demo study is presented as a demo request (marked demo, plainly synthetic).
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { demoRequestFor } from '../../../shared/requests/create';
import { type AntalDatabase, DEMO_REQUEST_ID, getSetting, saveDataset } from './database';

export const DEMO_SEEDED_KEY = 'demoSeededAt';

export interface DemoContent {
  dataset: Dataset;
  study: Study;
}

/** Returns true when the demo was stored by this call. */
export async function seedDemoIfNew(db: AntalDatabase, demo: () => DemoContent, now: Date): Promise<boolean> {
  if ((await getSetting<string>(db, DEMO_SEEDED_KEY)) !== undefined) return false;
  const { dataset, study } = demo();
  let seeded = false;
  await db.transaction('rw', [db.settings, db.datasets, db.datasetColumns, db.studies, db.requests], async () => {
    // Re-check inside the transaction: two windows starting at once must not both seed.
    if ((await db.settings.get(DEMO_SEEDED_KEY)) !== undefined) return;
    await saveDataset(db, dataset, now);
    await db.studies.put({
      id: study.id,
      title: study.title,
      updatedAt: now.toISOString(),
      datasetIds: [dataset.id],
      study,
    });
    await db.requests.put(demoRequestFor(study, DEMO_REQUEST_ID, now));
    await db.settings.put({ key: DEMO_SEEDED_KEY, value: now.toISOString() });
    seeded = true;
  });
  return seeded;
}
