/**
 * A letter refused because its font cannot draw a character, in Swedish and English: the same sentence in the
 * app and in `antal letter`. The character, its code point and the text it stands in, so the user can find and
 * rewrite it (the font covers Latin, Greek and Cyrillic letters and common punctuation, not arrows or CJK).
 */
import type { Language } from '../text/language';
import type { MissingGlyph } from './glyph-error.mjs';

const TEXTS = {
  sv: { one: 'tecknet "{character}" ({codePoint}) i "{text}"', lead: 'Brevet skapades inte: typsnittet kan inte skriva ', hint: '. Skriv texten utan tecknet och försök igen.', and: ', ' },
  en: { one: 'the character "{character}" ({codePoint}) in "{text}"', lead: 'The letter was not created: the font cannot print ', hint: '. Write the text without it and try again.', and: ', ' },
} as const;

export function missingGlyphText(missing: readonly MissingGlyph[], language: Language): string {
  const t = TEXTS[language];
  const items = missing.map((m) => t.one.replace('{character}', m.character).replace('{codePoint}', m.codePoint).replace('{text}', m.text));
  return `${t.lead}${items.join(t.and)}${t.hint}`;
}
