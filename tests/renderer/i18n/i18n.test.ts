import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

describe('UI translations', () => {
  const svLeaves = leaves(sv);
  const enLeaves = leaves(en);

  it('Swedish and English have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...svLeaves.keys()].sort());
  });

  it('no text is empty and every interpolation placeholder exists in both languages', () => {
    for (const [key, text] of svLeaves) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});
