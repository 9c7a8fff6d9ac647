import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidIcd10Error, normalizeIcd10, tryNormalizeIcd10 } from '../../../shared/icd10/normalize';
import { codeMatches, codePartlyMatches, isAncestor, parseCodeSet } from '../../../shared/icd10/code-set';

describe('normalizeIcd10', () => {
  it.each([
    ['C18.7', 'C187'],
    ['C187', 'C187'],
    ['c18', 'C18'],
    [' C18 ', 'C18'],
    ['C18.70', 'C1870'],
    ['A17.0†', 'A170'],
    ['G01*', 'G01'],
    ['C15–C26', 'C15-C26'],
    ['C15-C26', 'C15-C26'],
    ['C15 - C26', 'C15-C26'],
    ['C15\u00adC26', 'C15-C26'],
    ['C00 – D48', 'C00-D48'],
    ['c18.0-c18.9', 'C180-C189'],
    ['C18-C18', 'C18'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIcd10(raw)).toBe(expected);
  });

  it.each(['', 'C', 'C1', '18', 'CC18', 'C18.', 'C1.87', 'C18.7777', 'C20-C18', 'C15-C20-C26', '-C18', 'C18-', 'X'])('rejects %j', (raw) => {
    expect(() => normalizeIcd10(raw)).toThrow(InvalidIcd10Error);
    expect(tryNormalizeIcd10(raw)).toBeNull();
  });

  it('names the raw text in the error', () => {
    expect(() => normalizeIcd10('C1.87')).toThrow(/"C1\.87"/);
  });
});

describe('code sets', () => {
  it('a category matches itself and its leaves, not its siblings', () => {
    expect(codeMatches('C18', 'C187')).toBe(true);
    expect(codeMatches('C18', 'C18')).toBe(true);
    expect(codeMatches('C18', 'C19')).toBe(false);
    expect(codeMatches('C187', 'C18')).toBe(false);
  });

  it('a range matches every category within it and their leaves', () => {
    const set = parseCodeSet(['C18-C20']);
    for (const code of ['C18', 'C180', 'C187', 'C19', 'C20', 'C209']) expect(codeMatches(set, code)).toBe(true);
    for (const code of ['C17', 'C179', 'C21', 'C210', 'C15-C26', 'C50']) expect(codeMatches(set, code)).toBe(false);
  });

  it('a block in the data matches a criterion only when wholly inside it', () => {
    expect(codeMatches('C00-D48', 'C15-C26')).toBe(true);
    expect(codeMatches('C18', 'C15-C26')).toBe(false);
    expect(codePartlyMatches('C18', 'C15-C26')).toBe(true);
    expect(codePartlyMatches('C18', 'C50')).toBe(false);
    expect(codePartlyMatches('C18', 'C187')).toBe(false);
  });

  it('accepts raw forms in a code list', () => {
    const set = parseCodeSet(['C18.7', 'c20']);
    expect(set.terms.map((t) => t.code)).toEqual(['C187', 'C20']);
    expect(codeMatches(set, 'C20.9')).toBe(true);
    expect(() => parseCodeSet(['C18', 'not a code'])).toThrow(InvalidIcd10Error);
  });

  it('isAncestor: blocks and chapters are parents, a code is not its own parent', () => {
    expect(isAncestor('C18', 'C187')).toBe(true);
    expect(isAncestor('C15-C26', 'C18')).toBe(true);
    expect(isAncestor('C00-D48', 'C15-C26')).toBe(true);
    expect(isAncestor('C18', 'C18')).toBe(false);
    expect(isAncestor('C187', 'C18')).toBe(false);
    expect(isAncestor('C18', 'C19')).toBe(false);
  });
});

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const category = fc.tuple(letter, digit, digit).map((xs) => xs.join(''));
const code = fc.tuple(category, fc.array(digit, { maxLength: 2 })).map(([c, rest]) => c + rest.join(''));

describe('ICD-10 properties', () => {
  it('normalising is idempotent and ignores the dot, case and spacing', () => {
    fc.assert(
      fc.property(code, fc.boolean(), fc.boolean(), (c, lower, dotted) => {
        const written = (dotted && c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c);
        const raw = ` ${lower ? written.toLowerCase() : written} `;
        expect(normalizeIcd10(raw)).toBe(c);
        expect(normalizeIcd10(normalizeIcd10(raw))).toBe(c);
      }),
    );
  });

  it('a code matches every prefix of itself that is at least a category, and nothing longer', () => {
    fc.assert(
      fc.property(code, (c) => {
        for (let length = 3; length <= c.length; length++) expect(codeMatches(c.slice(0, length), c)).toBe(true);
        expect(codeMatches(`${c}0`, c)).toBe(false);
      }),
    );
  });

  it('a range matches a code exactly when its category lies between the ends', () => {
    fc.assert(
      fc.property(category, category, code, (a, b, c) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const inside = c.slice(0, 3) >= from && c.slice(0, 3) <= to;
        expect(codeMatches(`${from}-${to}`, c)).toBe(inside);
      }),
    );
  });

  it('ancestry is strict and transitive', () => {
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        expect(isAncestor(a, a)).toBe(false);
        if (isAncestor(a, b)) expect(isAncestor(b, a)).toBe(false);
        if (isAncestor(a, b) && isAncestor(b, c)) expect(isAncestor(a, c)).toBe(true);
      }),
    );
  });
});
