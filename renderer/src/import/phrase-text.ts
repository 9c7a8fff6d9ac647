import { useCallback } from 'react';
// react-i18next: the phrase templates are part of the translation resources (datasets.phrases.*).
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { paramText, type Phrase } from '../../../shared/import/phrases';
import { useServices } from '../context';
import { formatCount } from '../format';
import type { Language } from '../../../shared/text/language';

/**
 * The importer's phrase (a reason or a problem, as a code with parameters) in the UI language: nested phrases
 * are rendered first, numbers go through format.ts, and the template comes from the translation resources.
 */
export function phraseText(t: TFunction, language: Language, p: Phrase): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    values[name] = paramText(value, (n) => formatCount(n, language), (nested) => phraseText(t, language, nested));
  }
  return t(`datasets.phrases.${p.key}`, values);
}

/** {@link phraseText} bound to the current language. */
export function usePhraseText(): (p: Phrase) => string {
  const { t } = useTranslation();
  const { language } = useServices();
  return useCallback((p: Phrase) => phraseText(t, language, p), [t, language]);
}
