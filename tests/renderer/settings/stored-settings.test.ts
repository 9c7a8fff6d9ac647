// Every user setting read from what earlier versions stored under its key (no choice is lost on upgrade), each with
// its lenient or strict rule for a value that cannot be read, and saved with (or deliberately without) an audit entry.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoredPolicyError, type DisclosurePolicy } from '../../../shared/disclosure';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { loadDisclosurePolicy, loadSponsorView, saveDisclosurePolicy, saveSponsorView } from '../../../renderer/src/settings/disclosure-policy';
import { loadHallandRule } from '../../../renderer/src/settings/halland-rule';
import { loadLanguage } from '../../../renderer/src/settings/language';
import { loadLastAutoBackup, saveLastAutoBackup } from '../../../renderer/src/settings/last-auto-backup';
import { SettingRefused } from '../../../renderer/src/settings/setting';
import { loadUnitProfile, saveUnitProfile } from '../../../renderer/src/settings/unit-profile';
import { deleteDatabases, freshDb } from '../db/test-databases';
import { svT } from '../i18n/translators';

afterEach(deleteDatabases);

// A custom policy as Settings stored it before the settings had one home, written out here in full.
const STORED_POLICY: DisclosurePolicy = { id: 'custom', name: 'Enhetens regel', version: '2', threshold: 3, small: { kind: 'less-than' }, rounding: 1, zero: 'zero', secondary: 'complementary', secondaryText: '..' };

describe('settings stored by earlier versions keep loading under their keys', () => {
  it('language, Halland rule, unit profile, disclosure policy, sponsor view and the last automatic backup', async () => {
    const db = freshDb('settings-old-keys');
    // The records exactly as earlier versions wrote them (keys and values written out, not taken from the code).
    await db.settings.bulkPut([
      { key: 'language', value: 'en' },
      { key: 'hallandRule', value: 'vastra' },
      // A profile from before the logo field existed.
      { key: 'unitProfile', value: { unitName: 'Kliniska studier Uppsala', address: 'Akademiska sjukhuset', signatoryName: 'A. Andersson', signatoryTitle: 'Koordinator' } },
      { key: 'disclosurePolicy', value: STORED_POLICY },
      { key: 'disclosureSponsorView', value: true },
      { key: 'backup.lastAutomatic', value: { name: 'antal-auto-2026-03-01.antal-backup', directory: 'C:\\Antal\\backups', bytes: 52_431, kept: 7, at: '2026-03-01T17:02:00.000Z' } },
    ]);
    expect(await loadLanguage(db)).toBe('en');
    expect(await loadHallandRule(db)).toEqual({ kind: 'all-to', healthcareRegion: 'vastra' });
    expect(await loadUnitProfile(db)).toEqual({ unitName: 'Kliniska studier Uppsala', address: 'Akademiska sjukhuset', signatoryName: 'A. Andersson', signatoryTitle: 'Koordinator', logo: null });
    expect(await loadDisclosurePolicy(db)).toEqual(STORED_POLICY);
    expect(await loadSponsorView(db)).toBe(true);
    expect(await loadLastAutoBackup(db)).toEqual({ name: 'antal-auto-2026-03-01.antal-backup', directory: 'C:\\Antal\\backups', bytes: 52_431, kept: 7, at: '2026-03-01T17:02:00.000Z' });
  });

  it('nothing stored: Swedish, the population split, an empty profile, OHDSI k = 5, the own view, no automatic backup yet', async () => {
    const db = freshDb('settings-nothing');
    expect(await loadLanguage(db)).toBe('sv');
    expect((await loadHallandRule(db)).kind).toBe('population-split');
    expect(await loadUnitProfile(db)).toEqual({ unitName: '', address: '', signatoryName: '', signatoryTitle: '', logo: null });
    expect(await loadDisclosurePolicy(db)).toMatchObject({ id: 'ohdsi', threshold: 5 });
    expect(await loadSponsorView(db)).toBe(false);
    expect(await loadLastAutoBackup(db)).toBeNull();
  });
});

describe('a stored value that cannot be read', () => {
  it('lenient settings read as their default; the disclosure policy (strict) throws, naming the problem', async () => {
    const db = freshDb('settings-unreadable');
    await db.settings.bulkPut([
      { key: 'language', value: 'de' },
      { key: 'hallandRule', value: 'norra' },
      { key: 'unitProfile', value: 'Kliniska studier' },
      { key: 'disclosureSponsorView', value: 'yes' },
      { key: 'backup.lastAutomatic', value: { name: 'x.antal-backup' } },
      { key: 'disclosurePolicy', value: { ...STORED_POLICY, threshold: 'fem' } },
    ]);
    expect(await loadLanguage(db)).toBe('sv');
    expect((await loadHallandRule(db)).kind).toBe('population-split');
    // A string is not a profile: the empty profile, not one with fields named "0", "1", …
    expect(await loadUnitProfile(db)).toEqual({ unitName: '', address: '', signatoryName: '', signatoryTitle: '', logo: null });
    expect(await loadSponsorView(db)).toBe(false);
    expect(await loadLastAutoBackup(db)).toBeNull();
    await expect(loadDisclosurePolicy(db)).rejects.toThrow(StoredPolicyError);
    await expect(loadDisclosurePolicy(db)).rejects.toThrow(/threshold/);
  });
});

describe('saving a setting', () => {
  it('refuses an invalid policy and stores nothing, neither the value nor an audit entry', async () => {
    const db = freshDb('settings-refused');
    const error = await saveDisclosurePolicy(db, { ...STORED_POLICY, threshold: 0 }, svT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingRefused);
    expect(await db.settings.get('disclosurePolicy')).toBeUndefined();
    expect(await db.audit.count()).toBe(0);
  });

  it('writes audited settings with their entry and the switch and backup record without one', async () => {
    const db = freshDb('settings-audit');
    await saveSponsorView(db, true);
    await saveLastAutoBackup(db, { name: 'a.antal-backup', directory: '/backups', bytes: 10, kept: 1 }, new Date('2026-03-02T08:00:00Z'));
    expect(await db.audit.count()).toBe(0);
    expect((await db.settings.get('disclosureSponsorView'))?.value).toBe(true);
    const profile = { unitName: 'Enheten', address: '', signatoryName: '', signatoryTitle: '', logo: null };
    await saveUnitProfile(db, profile, svT);
    // The same profile again changes no field, so it writes no second entry.
    await saveUnitProfile(db, profile, svT);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => e.details)).toEqual([{ key: 'unitProfile', fields: ['unitName'] }]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });
});
