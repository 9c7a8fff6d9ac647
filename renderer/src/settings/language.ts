// The UI language chosen in Settings; changes are written to the audit trail.
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../shared/text/language';
import type { AntalDatabase } from '../db/database';
import { defineSetting, lenient, loadSetting, saveSetting, type AuditSay } from './setting';

/** Lenient: a language this version does not know (a newer one's, edited by hand) shows Swedish, which the user sees and can change. */
export const LANGUAGE_SETTING = defineSetting<Language>({
  key: 'language',
  rule: 'lenient',
  fallback: DEFAULT_LANGUAGE,
  read: lenient(DEFAULT_LANGUAGE, isLanguage),
  audit: (language, _before, say) => ({ kind: 'settings', summary: say('settings.audit.language', { language: say(`settings.languageNames.${language}`) }), details: { key: 'language', value: language } }),
});

export const LANGUAGE_KEY = LANGUAGE_SETTING.key;

/** The stored language; Swedish when nothing (or something unknown) is stored. */
export function loadLanguage(db: AntalDatabase): Promise<Language> {
  return loadSetting(db, LANGUAGE_SETTING);
}

/** Stores the choice and records it in the audit trail (one transaction). */
export function saveLanguage(db: AntalDatabase, language: Language, say: AuditSay): Promise<void> {
  return saveSetting(db, LANGUAGE_SETTING, language, say);
}
