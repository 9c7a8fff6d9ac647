// i18next (with react-i18next): translation lookup, interpolation and language switching for the UI.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/ipc/contract';
import { en } from './en';
import { sv } from './sv';

export const LANGUAGES: readonly UiLanguage[] = ['sv', 'en'];
export const DEFAULT_LANGUAGE: UiLanguage = 'sv';

/** BCP 47 locale used for numbers and dates in each UI language. */
export const LOCALES: Record<UiLanguage, string> = { sv: 'sv-SE', en: 'en-GB' };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'sv' || value === 'en';
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
