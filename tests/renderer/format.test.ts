import { describe, expect, it } from 'vitest';
import { roundInterval } from '../../shared/utils/interval';
import { formatCount, formatIntervalRange, formatIsoDate, formatPercent } from '../../renderer/src/format';

describe('locale formatting', () => {
  it('groups thousands with a no-break space in Swedish and a comma in English', () => {
    expect(formatCount(1234, 'sv')).toBe('1\u00a0234');
    expect(formatCount(1234567.4, 'sv')).toBe('1\u00a0234\u00a0567');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });

  it('writes percentages the Swedish way: decimal comma and a space before %', () => {
    expect(formatPercent(0.125, 'sv')).toBe('12,5\u00a0%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
  });

  it('rounds intervals outwards so a printed interval never claims more certainty than computed', () => {
    expect(roundInterval({ low: 10.9, point: 11.5, high: 12.1 })).toEqual({ low: 10, point: 12, high: 13 });
    // Exact integers stay put despite floating-point noise.
    expect(roundInterval({ low: 3.0000000000004, point: 3, high: 2.9999999999996 + 1 })).toEqual({ low: 3, point: 3, high: 4 });
    expect(formatIntervalRange({ low: 999.2, point: 1200, high: 1500.01 }, 'sv')).toBe('999–1\u00a0501');
  });

  it('formats dates as ISO 8601 in local time', () => {
    expect(formatIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
