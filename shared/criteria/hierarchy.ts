/**
 * Code hierarchies read from the codes themselves, for values of any dimension that hold codes, with or
 * without a name after them ("N06BA04 Metylfenidat", "C18 Malign tumör i tjocktarmen", "C187").
 *
 * ATC (the WHO drug classification) has five levels, each a prefix of the next:
 *   N (anatomical main group) → N06 (therapeutic) → N06B (pharmacological) → N06BA (chemical) → N06BA04 (substance)
 * ICD-10 has categories (C18) above subcategories (C187); blocks and chapters (C15-C26) are ranges that hold them.
 * A hierarchy node selects every value below it: N06BA selects methylphenidate, dexamfetamine, atomoxetine, ….
 */
import { codeMatches, codePartlyMatches, parseCodeSet } from '../icd10/code-set';
import { tryNormalizeIcd10 } from '../icd10/normalize';
import type { HierarchyScheme } from './study';

/** The lengths of ATC's five levels. */
export const ATC_LEVEL_LENGTHS = [1, 3, 4, 5, 7] as const;

const ATC_PREFIX = /^([A-Z](?:\d{2}(?:[A-Z](?:[A-Z](?:\d{2})?)?)?)?)(?=$|[\s,.:;–—-])/u;

/** A value split into its code and the name the data gives it ("N06BA04 Metylfenidat" → N06BA04, Metylfenidat). */
export interface CodedValue {
  code: string;
  name: string;
}

/** The ATC code at the start of a value (any level), or null. */
export function atcCodeOf(value: string): CodedValue | null {
  const text = value.trim();
  const match = ATC_PREFIX.exec(text.toUpperCase());
  if (!match || match[1]!.length < 3) return null;
  const name = text.slice(match[1]!.length).replace(/^[\s,.:;–—-]+/u, '').trim();
  return { code: match[1]!, name };
}

/** The ICD-10 code (or block) at the start of a value, canonical, or null. */
export function icd10CodeOf(value: string): CodedValue | null {
  const text = value.trim();
  const whole = tryNormalizeIcd10(text);
  if (whole !== null) return { code: whole, name: '' };
  const first = /^(\S+)\s+(.*)$/u.exec(text);
  if (!first) return null;
  const code = tryNormalizeIcd10(first[1]!);
  return code === null ? null : { code, name: first[2]!.replace(/^[\s,.:;–—-]+/u, '').trim() };
}

export function codeOf(scheme: HierarchyScheme, value: string): CodedValue | null {
  return scheme === 'atc' ? atcCodeOf(value) : icd10CodeOf(value);
}

/** ATC's levels above and including a code: N06BA04 → N, N06, N06B, N06BA, N06BA04. */
export function atcLevels(code: string): string[] {
  return ATC_LEVEL_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/**
 * Whether a value of the data lies under one of the nodes: 'yes' (wholly inside), 'partly' (the value is
 * coarser than a node: the data has N06B, the node is N06BA04), 'no'. A value without a code is 'no'.
 */
export function hierarchyMatch(scheme: HierarchyScheme, nodes: readonly string[], value: string): 'yes' | 'partly' | 'no' {
  const coded = codeOf(scheme, value);
  if (!coded) return 'no';
  if (scheme === 'atc') {
    const wanted = nodes.map((n) => n.trim().toUpperCase());
    if (wanted.some((n) => coded.code.startsWith(n))) return 'yes';
    return wanted.some((n) => n.startsWith(coded.code)) ? 'partly' : 'no';
  }
  const set = parseCodeSet(nodes);
  if (codeMatches(set, coded.code)) return 'yes';
  return codePartlyMatches(set, coded.code) ? 'partly' : 'no';
}

/** Which scheme a dimension's values follow, if most of its values start with a code of one. */
export function detectScheme(values: readonly string[]): HierarchyScheme | null {
  const real = values.filter((v) => v !== 'all' && v.trim() !== '');
  if (real.length === 0) return null;
  const share = (test: (v: string) => boolean): number => real.filter(test).length / real.length;
  // ATC first: "N06BA04" would not read as ICD-10, but "C10" could read as both (it is ATC level 2 and ICD-10 C10).
  if (share((v) => atcCodeOf(v)?.code.length === 7 || (atcCodeOf(v)?.code.length ?? 0) >= 4) >= 0.8) return 'atc';
  if (share((v) => icd10CodeOf(v) !== null) >= 0.8) return 'icd10';
  return null;
}
