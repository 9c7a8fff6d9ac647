// The app's side of the letter: a snapshot gathered from the database (unit profile, the demo request, the policy),
// refused while the letter's readiness checklist fails (checked on what is stored, whatever the screen showed), and
// an exported letter kept with its SHA-256 and written to the audit trail.
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
import { DISCLOSURE_POLICY_SETTING_KEY, StoredPolicyError } from '../../../shared/disclosure';
import { buildLetterSnapshot, LetterNotReadyError } from '../../../renderer/src/letter/letter-snapshot';
import { acknowledgeAll as acknowledgeAllAt, answerForm as answerFormAt, UNIT } from './ready-letter';
import type { Answer } from '../../../renderer/src/answer/answer';
import { recordExportedLetter } from '../../../renderer/src/letter/letter-store';
import { svT } from '../i18n/translators';

let counter = 0;
const dbs: AntalDatabase[] = [];
async function seededDb(): Promise<AntalDatabase> {
  const db = new AntalDatabase(`antal-letter-${process.pid}-${counter++}`);
  dbs.push(db);
  await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-03-01T08:00:00Z'));
  return db;
}
/** The demo study's answer as the app computes it (the one loader). */
const loadAnswer = async (db: AntalDatabase): Promise<Answer | null> => {
  const inputs = await loadStudyInputs(db);
  return inputs ? computeStudyAnswer(inputs) : null;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const now = new Date('2026-03-14T09:30:00Z');

const answerForm = (db: AntalDatabase, skip: string[] = []): Promise<void> => answerFormAt(db, now, skip);
const acknowledgeAll = (db: AntalDatabase, answer: Answer): Promise<void> => acknowledgeAllAt(db, answer, now);

async function readyDb(): Promise<{ db: AntalDatabase; answer: Answer }> {
  const db = await seededDb();
  await saveUnitProfile(db, UNIT, svT);
  const answer = (await loadAnswer(db))!;
  await answerForm(db);
  await acknowledgeAll(db, answer);
  return { db, answer };
}

describe('letters in the app', () => {
  it('refuses the letter while the unit profile is empty, the form unanswered or a warning unacknowledged, naming each', async () => {
    const db = await seededDb();
    const answer = (await loadAnswer(db))!;
    const refusal = await buildLetterSnapshot(db, answer, 'sv', now).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(LetterNotReadyError);
    const codes = (refusal as LetterNotReadyError).problems.map((p) => p.code);
    // The demo answer's warnings (synthetic data, masked cells, …) each need their own acknowledgement.
    expect(new Set(codes)).toEqual(new Set(['unacknowledged', 'eff-unanswered', 'no-letterhead', 'no-signatory']));
    expect(codes.filter((c) => c === 'unacknowledged').length).toBe(answer.estimate.warnings.length);

    await saveUnitProfile(db, UNIT, svT);
    await answerForm(db, ['care-setting']);
    await acknowledgeAll(db, answer);
    const still = (await buildLetterSnapshot(db, answer, 'sv', now).catch((e: unknown) => e)) as LetterNotReadyError;
    expect(still.problems).toEqual([{ code: 'eff-unanswered', questions: [{ number: 6 }] }]);
    expect(await db.letters.count()).toBe(0);
  });

  it('a changed warning needs a new acknowledgement', async () => {
    const { db, answer } = await readyDb();
    await expect(buildLetterSnapshot(db, answer, 'sv', now)).resolves.toBeTruthy();
    // Another count of masked cells is another warning: the earlier acknowledgement does not cover it.
    const changed: Answer = { ...answer, estimate: { ...answer.estimate, warnings: answer.estimate.warnings.map((w) => (w.code === 'masked-cells' ? { ...w, count: w.count + 1 } : w)) } };
    const refusal = (await buildLetterSnapshot(db, changed, 'sv', now).catch((e: unknown) => e)) as LetterNotReadyError;
    expect(refusal.problems.map((p) => [p.code, p.code === 'unacknowledged' ? p.issue.code : ''])).toEqual([['unacknowledged', 'masked-cells']]);
    // The acknowledgements are on the request, with who and when, and in the audit trail.
    const request = (await db.requests.get(DEMO_REQUEST_ID))!;
    expect(request.acknowledgements.every((a) => a.by === 'Åsa Öberg' && a.at === now.toISOString())).toBe(true);
    const acknowledged = (await db.audit.toArray()).filter((e) => e.details?.action === 'warnings-acknowledged');
    expect(acknowledged).toHaveLength(1);
    expect((acknowledged[0]!.details!.warnings as unknown[]).length).toBe(answer.estimate.warnings.length);
  });

  it('the snapshot carries the unit profile, the demo request and the default policy, dated by the injected clock', async () => {
    const { db, answer } = await readyDb();
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, 'sv', now);
    expect(requestId).toBe(DEMO_REQUEST_ID);
    expect(snapshot.createdAt).toBe('2026-03-14T09:30:00.000Z');
    expect(snapshot.unit.unitName).toBe('Prövningsenheten Syd');
    expect(snapshot.settings.disclosurePolicy.name).toBe('OHDSI k = 5');
    expect(snapshot.request?.confidentiality).toBeTruthy();
    expect(snapshot.datasets[0]!.sha256).toBe(answer.datasets[0]!.provenance.sha256);
    // The sponsor's reference and the protocol number as their own fields, never our diary number in their place.
    expect(snapshot.request).toMatchObject({ reference: 'SPON-CRC-301', protocolNumber: 'CRC-301-P3' });
    expect(snapshot.request?.eff?.careSetting).toBe('Kolorektalkirurgi och onkologi vid universitetssjukhus.');
  });

  it('a stored policy that is not valid stops the letter with the problem named', async () => {
    const db = await seededDb();
    await putSetting(db, DISCLOSURE_POLICY_SETTING_KEY, { id: 'custom', name: 'Egen', version: '1', threshold: 1, small: { kind: 'less-than' }, rounding: 1, zero: 'zero', secondary: 'complementary', secondaryText: '..' });
    const answer = (await loadAnswer(db))!;
    await expect(buildLetterSnapshot(db, answer, 'sv', now)).rejects.toThrow(StoredPolicyError);
    await expect(buildLetterSnapshot(db, answer, 'sv', now)).rejects.toThrow(/threshold k must be a whole number from 2/);
  });

  it('an exported letter is stored with its bytes and SHA-256, and "letter exported" is appended to an intact audit trail', async () => {
    const { db, answer } = await readyDb();
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, 'en', now);
    const bytes = new TextEncoder().encode('%PDF-1.3 test bytes');
    const record = await recordExportedLetter(db, { snapshot, bytes, fileName: 'feasibility-letter.pdf', summary: 'Letter exported: feasibility-letter.pdf', savedAs: '/tmp/feasibility-letter.pdf', ...(requestId ? { requestId } : {}) }, now);
    const stored = await db.letters.get(record.id);
    expect(stored?.sha256).toBe(sha256Hex(bytes));
    expect(Array.from(stored!.bytes)).toEqual(Array.from(bytes));
    expect(stored?.requestId).toBe(DEMO_REQUEST_ID);
    expect(stored?.snapshotHash).toBe(snapshot.contentHash);
    const entries = await db.audit.where('kind').equals('letter-export').toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toBe('Letter exported: feasibility-letter.pdf');
    expect(entries[0]!.details).toMatchObject({ sha256: sha256Hex(bytes), snapshotHash: snapshot.contentHash, language: 'en' });
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
