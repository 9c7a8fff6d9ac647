/**
 * Sex labels → "male" | "female" | "all" | "unknown". Files write Män/Kvinnor/Båda könen, Man/Kvinna,
 * M/K/Kv, Pojkar/Flickor, Male/Female/Both sexes, and Totalt for the total.
 */
import { foldText } from '../utils/text';

export type SexValue = 'male' | 'female' | 'all' | 'unknown';

const WORDS: ReadonlyMap<string, SexValue> = new Map([
  ...['man', 'men', 'male', 'males', 'm', 'pojkar', 'pojke', 'boys', 'manligt', 'manlig'].map((w) => [w, 'male'] as const),
  ...['kvinnor', 'kvinna', 'k', 'kv', 'female', 'females', 'women', 'woman', 'f', 'flickor', 'flicka', 'girls', 'kvinnligt', 'kvinnlig'].map((w) => [w, 'female'] as const),
  ...['bada konen', 'bada kon', 'bada', 'totalt', 'total', 'samtliga', 'alla', 'both sexes', 'both', 'all', 'man och kvinnor', 'men and women', 'kvinnor och man'].map((w) => [w, 'all'] as const),
  ...['okant', 'okant kon', 'uppgift saknas', 'unknown', 'missing', 'saknas'].map((w) => [w, 'unknown'] as const),
]);

/** Note: "Män" and "Man" both fold to "man" and both mean male, so folding loses nothing here. */
export function parseSex(raw: string): SexValue | null {
  return WORDS.get(foldText(raw)) ?? null;
}
