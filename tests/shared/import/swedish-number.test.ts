import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideNumberFormat, parseSwedishNumber, type NumberFormat } from '../../../shared/import/swedish-number';
import { classifyMeasureCell } from '../../../shared/import/value-tokens';

const SV: NumberFormat = { decimal: ',', thousands: 'none' };
const EN: NumberFormat = { decimal: '.', thousands: ',' };

describe('parseSwedishNumber', () => {
  it.each([
    ['1234', SV, 1234, 0],
    ['1 234', SV, 1234, 0],
    ['1\u00a0234\u00a0567', SV, 1234567, 0],
    ['12\u202f345', SV, 12345, 0],
    ['4,74', SV, 4.74, 2],
    ['-3', SV, -3, 0],
    ['\u22123,5', SV, -3.5, 1],
    ['6,945', EN, 6945, 0],
    ['12,345,678', EN, 12345678, 0],
    ['364.9', EN, 364.9, 1],
    ['1.234,5', { decimal: ',', thousands: '.' }, 1234.5, 1],
  ] as const)('reads "%s"', (raw, format, value, decimals) => {
    expect(parseSwedishNumber(raw, format)).toEqual({ value, decimals });
  });

  it.each([
    ['12 34', SV],
    ['1,2,3', EN],
    ['4,74', EN],
    ['1.234', SV],
    ['abc', SV],
    ['', SV],
    ['1e5', SV],
    ['4,', SV],
  ] as const)('rejects "%s"', (raw, format) => {
    expect(parseSwedishNumber(raw, format)).toBeNull();
  });

  it('round-trips any number printed Swedish style (space or NBSP groups, decimal comma)', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom(' ', '\u00a0', '\u202f', ''),
      (scaled, decimals, sep) => {
        const value = scaled / 10 ** decimals;
        const fixed = Math.abs(value).toFixed(decimals);
        const [int, frac] = fixed.split('.');
        const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const text = `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
        const parsed = parseSwedishNumber(text, SV);
        expect(parsed).not.toBeNull();
        expect(parsed!.value).toBeCloseTo(Number(`${value < 0 ? '-' : ''}${fixed}`), 10);
        expect(parsed!.decimals).toBe(decimals);
      },
    ));
  });

  it('round-trips any number printed English style (comma groups, decimal point)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (scaled, decimals) => {
      const fixed = (scaled / 10 ** decimals).toFixed(decimals);
      const [int, frac] = fixed.split('.');
      const text = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
      expect(parseSwedishNumber(text, EN)?.value).toBeCloseTo(Number(fixed), 10);
    }));
  });

  it('never accepts text that is not a number (no NaN, no partial reads)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const parsed = parseSwedishNumber(s, SV);
      if (parsed) {
        expect(Number.isFinite(parsed.value)).toBe(true);
        expect(s.trim()).toMatch(/^[-\u2212+]?[\d \u00a0\u202f\u2009,]+$/);
      }
    }));
  });
});

describe('decideNumberFormat (per column, from evidence)', () => {
  const hints = { wholeNumbers: false, delimiter: ';' };
  it('decimal comma from "4,74" values', () => {
    const d = decideNumberFormat(['4,74', '1,89', '12'], hints);
    expect(d.format.decimal).toBe(',');
    expect(d.ambiguous).toBe(false);
    expect(d.evidence).toContain('"4,74"');
  });

  it('thousands comma when "6,945" appears alongside "12,345,678"', () => {
    const d = decideNumberFormat(['6,945', '12,345,678', '17'], hints);
    expect(d.format).toEqual({ decimal: '.', thousands: ',' });
    expect(d.ambiguous).toBe(false);
  });

  it('"6,945" alone in a count column is thousands, flagged ambiguous with the reason', () => {
    const d = decideNumberFormat(['6,945', '1,203'], { wholeNumbers: true, delimiter: ';' });
    expect(d.format.thousands).toBe(',');
    expect(d.ambiguous).toBe(true);
    expect(d.evidence).toMatch(/counts/);
  });

  it('"6,945" alone in a rate column of a ";" file is a decimal comma, flagged ambiguous', () => {
    const d = decideNumberFormat(['6,945', '1,203'], hints);
    expect(d.format.decimal).toBe(',');
    expect(d.ambiguous).toBe(true);
  });

  it('both separators: the last one is the decimal', () => {
    expect(decideNumberFormat(['1.234,5'], hints).format).toEqual({ decimal: ',', thousands: '.' });
    expect(decideNumberFormat(['1,234.5'], hints).format).toEqual({ decimal: '.', thousands: ',' });
  });
});

describe('classifyMeasureCell', () => {
  it.each([
    ['X', { kind: 'masked', token: 'X', meaning: { low: 1, high: 3, point: 2 } }],
    ['<5', { kind: 'masked', token: '<5', meaning: { low: 1, high: 4, point: 2.5 } }],
    ['1-4', { kind: 'masked', token: '1-4', meaning: { low: 1, high: 4, point: 2.5 } }],
    ['<10', { kind: 'masked', token: '<10', meaning: { low: 1, high: 9, point: 5 } }],
    ['..', { kind: 'masked-unknown', token: '..' }],
    ['*', { kind: 'masked-unknown', token: '*' }],
    ['-', { kind: 'zero-token', token: '-' }],
    ['–', { kind: 'zero-token', token: '–' }],
    ['--', { kind: 'zero-token', token: '--' }],
    ['\u00ad\u00ad', { kind: 'zero-token', token: '\u00ad\u00ad' }],
    ['0', { kind: 'number', value: 0, decimals: 0 }],
    ['', { kind: 'empty' }],
    ['n/a', { kind: 'invalid' }],
  ])('"%s"', (raw, expected) => {
    expect(classifyMeasureCell(raw, SV)).toEqual(expected);
  });
});
