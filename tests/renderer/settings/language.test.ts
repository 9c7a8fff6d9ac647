// The UI language is stored from Settings and read at start; an unknown stored value falls back to Swedish.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { LANGUAGE_KEY, loadLanguage, saveLanguage } from '../../../renderer/src/settings/language';
import { deleteDatabases, freshDb } from '../import/import-helpers';
import { svT } from '../i18n/translators';

afterEach(deleteDatabases);

describe('the stored UI language', () => {
  it('is Swedish when nothing is stored, and what was saved afterwards, with the change in the audit trail', async () => {
    const db = freshDb('language-setting');
    expect(await loadLanguage(db)).toBe('sv');
    await saveLanguage(db, 'en', svT);
    expect(await loadLanguage(db)).toBe('en');
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.kind, e.details])).toEqual([['settings', { key: 'language', value: 'en' }]]);
    expect(entries[0]!.summary).toBe('Språk ändrat till engelska');
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('falls back to Swedish when the stored value is not a language (edited by hand, an older version)', async () => {
    const db = freshDb('language-unknown');
    await db.settings.put({ key: LANGUAGE_KEY, value: 'de' });
    expect(await loadLanguage(db)).toBe('sv');
  });
});
