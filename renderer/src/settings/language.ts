// The UI language chosen in Settings, stored in the settings table; changes are written to the audit trail.
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../shared/text/language';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, getSetting, putSetting } from '../db/database';

export const LANGUAGE_KEY = 'language';

/** The stored language; Swedish when nothing (or something unknown) is stored. */
export async function loadLanguage(db: AntalDatabase): Promise<Language> {
  const stored = await getSetting<unknown>(db, LANGUAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** Stores the choice and records it in the audit trail (one transaction). */
export async function saveLanguage(db: AntalDatabase, language: Language): Promise<void> {
  await db.transaction('rw', auditTables(db), async () => {
    await putSetting(db, LANGUAGE_KEY, language);
    await appendAudit(db, { kind: 'settings', summary: `Language set to ${language}`, details: { key: LANGUAGE_KEY, value: language } });
  });
}
