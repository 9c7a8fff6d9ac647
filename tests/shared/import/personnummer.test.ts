import { describe, expect, it } from 'vitest';
import { detectPersonnummer, luhnValid } from '../../../shared/import/personnummer';

describe('detectPersonnummer', () => {
  // 811218-9876 is Skatteverket's example of a valid personnummer; 19121212-1212 the classic test number.
  it.each([
    ['811218-9876', 'personnummer'],
    ['121212+1212', 'personnummer'],
    ['191212121212', 'personnummer'],
    ['19121212-1212', 'personnummer'],
    ['701063-2391', 'samordningsnummer'],
  ])('finds %s', (text, kind) => {
    expect(luhnValid(text.replace(/\D/g, '').slice(-10))).toBe(true);
    expect(detectPersonnummer(`Patient ${text} hade`)).toEqual([{ index: 8, kind }]);
  });

  it.each([
    ['wrong check digit', '811218-9875'],
    ['month 13', '811318-9876'],
    ['inside a longer number', '12345678112189876'],
    ['a date range', '2020-01-01–2020-12-31'],
    ['an ordinary count', '1239976'],
    ['day 00', '811200-9870'],
  ])('ignores %s', (_, text) => {
    expect(detectPersonnummer(text)).toEqual([]);
  });
});
