// i18next (with react-i18next): translation lookup, interpolation and language switching for the UI.
// Each language's texts are a chunk of their own, loaded when that language is used: a Swedish user never
// downloads the English texts (nor the other way round), and neither is part of the app's main chunk.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/text/language';
import { installFastT } from './fast-t';

/** A language's texts, as i18next takes them (sv.ts and en.ts check their shape). */
type Texts = Record<string, unknown>;

const LOADERS: Record<Language, () => Promise<Texts>> = {
  sv: () => import('./sv').then((m) => m.sv),
  en: () => import('./en').then((m) => m.en),
};

/** Starts loading a language's texts (e.g. the default one, before the stored choice is known). */
export function preloadMessages(language: Language): Promise<Texts> {
  return LOADERS[language]();
}

let fastT = false;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await LOADERS[language]() } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    // The default, stated: i18next then skips testing every key for natural-language text (a regular expression
    // built per call) — about a fifth of each t() call, and the first screen makes hundreds. Keys are dot paths.
    keySeparator: '.',
  });
  // After init (the texts' store exists then), before the first render asks react-i18next for a `t`.
  if (!fastT) {
    installFastT(i18next);
    fastT = true;
  }
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the UI language, loading its texts first if this session has not used it yet. */
export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await LOADERS[language]());
  await i18next.changeLanguage(language);
}
