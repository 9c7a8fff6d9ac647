// The fast `t()` against i18next's own: the same text for every key of both languages, with every kind of value
// a caller passes, and i18next's own path wherever the fast one cannot give the same text.
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';
import { leaves } from './text-leaves';
import { fastTCounts, installFastT } from '../../../renderer/src/i18n/fast-t';


const EXTRA = {
  plural_one: 'en rad',
  plural_other: '{{count}} rader',
  nested: 'Se $t(simple)',
  simple: 'Enkel',
  formatted: 'Värde {{value, number}}',
  unescaped: 'Rått {{- value}}',
  path: 'Sökväg {{a.b}}',
  twice: '{{x}} och {{x}} igen, {{y}}',
  withContext: 'utan kontext',
  withContext_male: 'med kontext',
  braces: '{{{x}}} {x} {{ x }}',
  empty: '',
  // A text with plural forms beside its plain one: with `count`, i18next picks the plural form.
  both: 'bas {{count}}',
  both_other: '{{count}} stycken',
};

async function instance(fast: boolean): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { sv: { translation: { ...sv, test: EXTRA } }, en: { translation: { ...en, test: EXTRA } } },
    lng: 'sv',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (fast) installFastT(i18n);
  return i18n;
}

/** The variables a text names, each given `value`. */
function valuesFor(text: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([...text.matchAll(/\{\{-?\s*([^},\s]+)/g)].map((m) => [m[1]!, value]));
}

describe('fast t()', () => {
  let plain: I18n;
  let fast: I18n;
  beforeAll(async () => {
    plain = await instance(false);
    fast = await instance(true);
  });

  for (const language of ['sv', 'en'] as const) {
    it(`gives i18next's text for every key in ${language}, with strings, numbers, empty, missing and nesting values`, () => {
      const reference: TFunction = plain.getFixedT(language);
      const t: TFunction = fast.getFixedT(language);
      const texts = leaves({ ...(language === 'sv' ? sv : en), test: EXTRA });
      const before = { ...fastTCounts };
      const call = (f: TFunction, key: string, options?: Record<string, unknown>) => (options === undefined ? f(key) : f(key, options)) as string;
      let compared = 0;
      for (const [key, text] of texts) {
        const cases: (Record<string, unknown> | undefined)[] = [
          undefined,
          {},
          valuesFor(text, 'Åsa Öberg'),
          valuesFor(text, 1234.5),
          valuesFor(text, 0),
          valuesFor(text, ''),
          valuesFor(text, null),
          valuesFor(text, 'x $t(simple) y'),
          valuesFor(text, '{{other}}'),
          { ...valuesFor(text, 'a'), count: 2 },
          { ...valuesFor(text, 'a'), context: 'male' },
          { ...valuesFor(text, 'a'), defaultValue: 'standard' },
          { ...valuesFor(text, 'b'), unused: 'extra' },
        ];
        const names = Object.keys(valuesFor(text, 1));
        if (names.length > 1) cases.push({ ...valuesFor(text, 'c'), [names[0]!]: undefined });
        for (const options of cases) {
          expect(call(t, key, options), `${language} ${key} ${JSON.stringify(options)}`).toBe(call(reference, key, options));
          compared++;
        }
      }
      for (const key of ['test.plural', 'test.both', 'test.withContext', 'no.such.key', 'test']) {
        for (const options of [undefined, { count: 1 }, { count: 5 }, { context: 'male' }]) expect(call(t, key, options), key).toBe(call(reference, key, options));
      }
      expect(compared).toBeGreaterThan(texts.size * 10);
      // Most calls take the fast path: this is what makes the answer page quicker, not only equal.
      const fastCalls = fastTCounts.fast - before.fast;
      const slowCalls = fastTCounts.slow - before.slow;
      expect(fastCalls).toBeGreaterThan(slowCalls);
    });
  }

  it('follows a changed or added text (a language loaded later, texts replaced)', () => {
    const t = fast.getFixedT('sv');
    expect(t('test.simple')).toBe('Enkel');
    fast.addResource('sv', 'translation', 'test.simple', 'Ändrad {{x}}');
    expect(t('test.simple', { x: 1 })).toBe('Ändrad 1');
    fast.addResourceBundle('de', 'translation', { test: { simple: 'Einfach' } });
    expect(fast.getFixedT('de')('test.simple')).toBe('Einfach');
  });

  it('keeps what react-i18next reads off a fixed t', () => {
    const t = fast.getFixedT('en') as TFunction & { lng?: string; ns?: unknown };
    expect(t.lng).toBe('en');
    expect(t.ns).toBe((plain.getFixedT('en') as TFunction & { ns?: unknown }).ns);
  });
});
