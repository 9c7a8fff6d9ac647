// A faster `t()` for the common call: a plain key, and options that are only the text's variables.
//
// i18next does a lot per call: it copies all its options into a new object, resolves the key through namespaces,
// fallbacks and plural forms, rebuilds three regular expressions, then scans the text for variables and for
// nested `$t(…)` calls. The answer page calls `t()` several hundred times per edit, so that is a noticeable part
// of the time between an edit and its answer on screen. Here each text is looked up and split into its literal
// parts and variables once per language; a call then only joins the parts with the values.
//
// Anything this does not reproduce exactly is left to i18next itself: plural forms and contexts (`count`,
// `context`), i18next's own options, formats (`{{x, number}}`), unescaped or nested variables (`{{- x}}`,
// `{{a.b}}`), nesting (`$t(…)` in the text or in a value), missing texts and missing or empty values. The tests
// compare both on every text of both languages.
import type { i18n as I18n, TFunction } from 'i18next';

type Part = string | { name: string };
/** A text split into literal parts and variables, or `null`: this text goes through i18next every time. */
type Compiled = { parts: readonly Part[]; names: readonly string[] } | null;

const VARIABLE = /\{\{(.+?)\}\}/g;
const NESTING = '$t(';
/** Options that change what i18next looks up or how, rather than being a variable of the text. */
const RESERVED = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'replace',
  'postProcess',
  'applyPostProcessor',
  'interpolation',
  'nest',
  'fallbackLng',
  'nsSeparator',
  'keySeparator',
  'skipInterpolation',
  'missingInterpolationHandler',
]);

function compile(text: unknown): Compiled {
  if (typeof text !== 'string' || text.includes(NESTING)) return null;
  const parts: Part[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1]!.trim();
    // Formats, unescaped values, paths into objects and i18next's own option names: i18next's business.
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || RESERVED.has(name)) return null;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ name });
    names.push(name);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts, names };
}

/** How many calls took the fast path and how many went to i18next (for the tests). */
export const fastTCounts = { fast: 0, slow: 0 };

/**
 * Makes every `t` that `i18n.getFixedT` hands out (react-i18next's `useTranslation` gets its `t` there) take the
 * fast path where it gives the same text as i18next, and i18next's own path otherwise.
 */
export function installFastT(i18n: I18n): void {
  const original = i18n.getFixedT.bind(i18n);
  const cache = new Map<string, Compiled>();
  // Texts added or replaced (a language loaded, a test's own texts): compile again.
  const clear = () => cache.clear();
  i18n.store.on('added', clear);
  i18n.store.on('removed', clear);

  const lookup = (lng: string, ns: string, key: string): Compiled => {
    const cacheKey = `${lng}\u0000${ns}\u0000${key}`;
    let compiled = cache.get(cacheKey);
    if (compiled === undefined) {
      compiled = key.includes(':') ? null : compile(i18n.getResource(lng, ns, key));
      cache.set(cacheKey, compiled);
    }
    return compiled;
  };

  i18n.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown, fixedOptions: unknown) => {
    const slow = (original as (...a: unknown[]) => TFunction)(lng, ns, keyPrefix, fixedOptions);
    // One namespace, named or the default one (i18next keeps it as a list of one).
    const named: unknown = ns === undefined || ns === null ? (i18n.options.defaultNS ?? 'translation') : ns;
    const namespace = Array.isArray(named) && named.length === 1 ? (named[0] as unknown) : named;
    if (typeof lng !== 'string' || lng === 'cimode' || typeof namespace !== 'string' || (keyPrefix !== undefined && keyPrefix !== null)) return slow;
    /** The text, or `undefined` where i18next must make it. */
    const quick = (key: unknown, options: unknown, extra: number): string | undefined => {
      if (typeof key !== 'string' || extra > 0) return undefined;
      if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) return undefined;
      const compiled = lookup(lng, namespace, key);
      if (compiled === null) return undefined;
      const values = (options ?? {}) as Record<string, unknown>;
      for (const name in values) if (RESERVED.has(name) || name.startsWith('defaultValue')) return undefined;
      let out = '';
      for (const part of compiled.parts) {
        if (typeof part === 'string') {
          out += part;
          continue;
        }
        const value = values[part.name];
        if (value === undefined || value === null) return undefined;
        const text = String(value);
        if (text.includes(NESTING)) return undefined;
        out += text;
      }
      return out;
    };
    const fast = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
      const text = quick(key, options, rest.length);
      if (text !== undefined) {
        fastTCounts.fast++;
        return text;
      }
      fastTCounts.slow++;
      return (slow as unknown as (...a: unknown[]) => unknown)(key, options, ...rest);
    };
    // What react-i18next and callers read off a fixed `t`.
    Object.assign(fast, { lng: (slow as { lng?: string }).lng, lngs: (slow as { lngs?: string[] }).lngs, ns: (slow as { ns?: unknown }).ns, keyPrefix: (slow as { keyPrefix?: unknown }).keyPrefix });
    return fast as unknown as TFunction;
  }) as I18n['getFixedT'];
}
