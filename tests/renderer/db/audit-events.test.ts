// The audit trail records what a coordinator is accountable for outside the requests themselves: imports, settings
// and disclosure-policy changes; each entry is written in the same transaction as the change, and the chain verifies.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { saveHallandChoice } from '../../../renderer/src/settings/halland-rule';
import { EMPTY_UNIT_PROFILE } from '../../../shared/answer/snapshot';
import { saveUnitProfile } from '../../../renderer/src/settings/unit-profile';
import { saveDisclosurePolicy } from '../../../renderer/src/settings/disclosure-policy';
import { commitImport } from '../../../renderer/src/import/dataset-store';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { deleteDatabases, freshDb, importedExport } from '../import/import-helpers';
import { svT } from '../i18n/translators';

afterEach(deleteDatabases);

const extra = { coverage: '', userNotes: '', columnHeaders: [] };

describe('audit trail entries outside requests', () => {
  it('an import, the Halland rule, the unit profile and the disclosure policy are recorded in order and the chain verifies', async () => {
    const db = freshDb('audit-events');
    const { result } = await importedExport();
    const importedAt = new Date('2026-11-30T09:00:00Z');
    const ids = await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra, preset: null });
    await saveHallandChoice(db, 'sodra', svT);
    await saveUnitProfile(db, { ...EMPTY_UNIT_PROFILE, unitName: 'Forum Söder' }, svT);
    await saveUnitProfile(db, { ...EMPTY_UNIT_PROFILE, unitName: 'Forum Söder' }, svT); // unchanged: nothing recorded
    const pcornet = DISCLOSURE_PRESETS['pcornet-act'];
    await saveDisclosurePolicy(db, pcornet, svT);

    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => e.kind)).toEqual(['import', 'settings', 'settings', 'policy']);
    expect(entries[0]!.at).toBe(importedAt.toISOString());
    expect(entries[0]!.details).toMatchObject({ datasetIds: ids });
    // Written in the user's language, with the words the settings page shows (never the stored ids).
    expect(entries[1]!.summary).toBe('Regeln för Halland ändrad: Hela Halland till Södra');
    expect(entries[2]!.summary).toBe('Enhetens profil ändrad: Enhetens namn');
    expect(entries[2]!.details).toMatchObject({ fields: ['unitName'] });
    expect(entries[3]!.summary).toBe(`Röjandekontrollens policy ändrad till ${pcornet.name}, version ${pcornet.version} (k = ${pcornet.threshold})`);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('a refused import leaves no audit entry behind', async () => {
    const db = freshDb('audit-refused');
    const { result } = await importedExport();
    const importedAt = new Date('2026-11-30T09:00:00Z');
    await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra, preset: null });
    await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra, preset: null })).rejects.toThrow(/already exists/);
    expect(await db.audit.count()).toBe(1);
  });
});
