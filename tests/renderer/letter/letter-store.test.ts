// The app's side of the letter: a snapshot gathered from the database (unit profile, the demo request, the policy)
// and an exported letter kept with its SHA-256 and written to the audit trail.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { sha256Hex } from '../../../shared/utils/sha256';
import { computeStudyAnswer, loadStudyInputs } from '../../../renderer/src/answer/study-inputs';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { AntalDatabase, DEMO_REQUEST_ID, putSetting } from '../../../renderer/src/db/database';
import { seedDemoIfNew } from '../../../renderer/src/db/seed';
import { saveUnitProfile } from '../../../renderer/src/settings/unit-profile';
import { buildLetterSnapshot, DISCLOSURE_POLICY_KEY, LetterPolicyError } from '../../../renderer/src/letter/letter-snapshot';
import { recordExportedLetter } from '../../../renderer/src/letter/letter-store';

let counter = 0;
const dbs: AntalDatabase[] = [];
async function seededDb(): Promise<AntalDatabase> {
  const db = new AntalDatabase(`antal-letter-${process.pid}-${counter++}`);
  dbs.push(db);
  await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-03-01T08:00:00Z'));
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const now = new Date('2026-03-14T09:30:00Z');

describe('letters in the app', () => {
  it('the snapshot carries the unit profile, the demo request and the default policy, dated by the injected clock', async () => {
    const db = await seededDb();
    await saveUnitProfile(db, { unitName: 'Prövningsenheten Syd', address: 'Box 1', signatoryName: 'Åsa Öberg', signatoryTitle: 'Koordinator', logo: null });
    const answer = (await (await computeStudyAnswer((await loadStudyInputs(db))!)))!;
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, 'sv', now);
    expect(requestId).toBe(DEMO_REQUEST_ID);
    expect(snapshot.createdAt).toBe('2026-03-14T09:30:00.000Z');
    expect(snapshot.unit.unitName).toBe('Prövningsenheten Syd');
    expect(snapshot.settings.disclosurePolicy.name).toBe('OHDSI k = 5');
    expect(snapshot.request?.confidentiality).toBeTruthy();
    expect(snapshot.datasets[0]!.sha256).toBe(answer.datasets[0]!.provenance.sha256);
  });

  it('a stored policy that is not valid stops the letter with the problem named', async () => {
    const db = await seededDb();
    await putSetting(db, DISCLOSURE_POLICY_KEY, { id: 'custom', name: 'Egen', version: '1', threshold: 1, small: { kind: 'less-than' }, rounding: 1, zero: 'zero', secondary: 'complementary', secondaryText: '..' });
    const answer = (await (await computeStudyAnswer((await loadStudyInputs(db))!)))!;
    await expect(buildLetterSnapshot(db, answer, 'sv', now)).rejects.toThrow(LetterPolicyError);
    await expect(buildLetterSnapshot(db, answer, 'sv', now)).rejects.toThrow(/threshold k must be a whole number from 2/);
  });

  it('an exported letter is stored with its bytes and SHA-256, and "letter exported" is appended to an intact audit trail', async () => {
    const db = await seededDb();
    const answer = (await (await computeStudyAnswer((await loadStudyInputs(db))!)))!;
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, 'en', now);
    const bytes = new TextEncoder().encode('%PDF-1.3 test bytes');
    const record = await recordExportedLetter(db, { snapshot, bytes, fileName: 'feasibility-letter.pdf', savedAs: '/tmp/feasibility-letter.pdf', ...(requestId ? { requestId } : {}) }, now);
    const stored = await db.letters.get(record.id);
    expect(stored?.sha256).toBe(sha256Hex(bytes));
    expect(Array.from(stored!.bytes)).toEqual(Array.from(bytes));
    expect(stored?.requestId).toBe(DEMO_REQUEST_ID);
    expect(stored?.snapshotHash).toBe(snapshot.contentHash);
    const entries = await db.audit.where('kind').equals('letter-export').toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toBe('letter exported: feasibility-letter.pdf');
    expect(entries[0]!.details).toMatchObject({ sha256: sha256Hex(bytes), snapshotHash: snapshot.contentHash, language: 'en' });
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
