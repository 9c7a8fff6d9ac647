import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';
import { leaves } from './text-leaves';


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
