/**
 * The languages of everything Antal shows, prints or writes: Swedish, the default (the users are Swedish study
 * units and their letters are Swedish), and English for sponsors abroad. One type for the app, the letter, the
 * method text, the CLI and the desktop menus, so a third language would be added in one place.
 */
export type Language = 'sv' | 'en';

export const LANGUAGES: readonly Language[] = ['sv', 'en'];

export const DEFAULT_LANGUAGE: Language = 'sv';

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

/** The BCP 47 locale whose conventions numbers and dates follow in each language. */
export const LOCALES: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };
