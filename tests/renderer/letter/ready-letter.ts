// A letter the readiness checklist lets through: the demo database with a unit profile, every Early Feedback Form
// answer and every warning of the answer acknowledged — what a coordinator does before exporting.
import type { Answer } from '../../../renderer/src/answer/answer';
import { type AntalDatabase, DEMO_REQUEST_ID } from '../../../renderer/src/db/database';
import { appReadiness } from '../../../renderer/src/letter/readiness';
import { acknowledgeWarnings, saveRequest, type StoreContext } from '../../../renderer/src/requests/request-store';
import { saveUnitProfile } from '../../../renderer/src/settings/unit-profile';
import { svT } from '../i18n/translators';

let counter = 0;
export const UNIT = { unitName: 'Prövningsenheten Syd', address: 'Box 1', signatoryName: 'Åsa Öberg', signatoryTitle: 'Koordinator', logo: null };
export const storeContext = (db: AntalDatabase, now: Date): StoreContext => ({ db, now, today: now.toISOString().slice(0, 10), newId: () => `id-${counter++}` });

/** Answers every Early Feedback Form question of the demo request (all but `skip`). */
export async function answerForm(db: AntalDatabase, now: Date, skip: string[] = []): Promise<void> {
  const before = (await db.requests.get(DEMO_REQUEST_ID))!;
  const answers: Record<string, { choice: string; comment: string }> = {
    'population-present': { choice: 'yes', comment: '' },
    'recruitment-chances': { choice: 'good', comment: '' },
    'limiting-factors': { choice: 'exclusion-criteria', comment: '' },
    'discouraging-factors': { choice: 'no', comment: '' },
    'standard-of-care': { choice: 'yes', comment: '' },
    'care-setting': { choice: '', comment: 'Kolorektalkirurgi och onkologi vid universitetssjukhus.' },
    'relevant-clinics': { choice: '', comment: 'Onkologiska kliniker.' },
  };
  for (const id of skip) delete answers[id];
  await saveRequest(storeContext(db, now), before, { ...before, feedback: answers, sponsorReference: 'SPON-CRC-301', protocolNumber: 'CRC-301-P3' }, 'EFF');
}

/** Acknowledges every warning the answer has now. */
export async function acknowledgeAll(db: AntalDatabase, answer: Answer, now: Date): Promise<void> {
  const request = (await db.requests.get(DEMO_REQUEST_ID))!;
  const readiness = appReadiness({ study: answer.study, datasets: answer.datasets, answer, answerState: 'current', request, unit: UNIT, language: 'sv' });
  const issues = readiness.problems.flatMap((p) => (p.code === 'unacknowledged' ? [p.issue] : []));
  await acknowledgeWarnings(storeContext(db, now), DEMO_REQUEST_ID, issues, 'Åsa Öberg', 'bekräftade');
}

/** Everything the checklist asks for, on the seeded demo database. */
export async function makeLetterReady(db: AntalDatabase, answer: Answer, now: Date): Promise<void> {
  await saveUnitProfile(db, UNIT, svT);
  await answerForm(db, now);
  await acknowledgeAll(db, answer, now);
}
