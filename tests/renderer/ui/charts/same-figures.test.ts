// When a chart may skip a redraw: equal figures in new objects skip it; any changed figure, text or written value,
// and any other callback, redraws it.
import { describe, expect, it } from 'vitest';
import { sameFigures, sameFiguresWith } from '../../../../renderer/src/ui/charts/same-figures';

const rows = () => [
  { key: '01', label: 'Stockholm', interval: { low: 10, point: 12, high: 15 } },
  { key: '12', label: 'Skåne', interval: { low: 0, point: 0, high: 2 } },
];

describe('sameFigures', () => {
  it('is true for the same figures in new objects and maps, false when one figure differs', () => {
    expect(sameFigures({ rows: rows(), title: 'T' }, { rows: rows(), title: 'T' })).toBe(true);
    const changed = rows();
    changed[1]!.interval.high = 3;
    expect(sameFigures({ rows: rows(), title: 'T' }, { rows: changed, title: 'T' })).toBe(false);
    expect(sameFigures({ m: new Map([['01', 1]]) }, { m: new Map([['01', 1]]) })).toBe(true);
    expect(sameFigures({ m: new Map([['01', 1]]) }, { m: new Map([['01', 2]]) })).toBe(false);
  });
});

type Props = { rows: ReturnType<typeof rows>; format?: (v: number) => string; extra?: () => number };

describe('sameFiguresWith', () => {
  const values = (p: Props) => p.rows.flatMap((r) => [r.interval.low, r.interval.point, r.interval.high]);

  it('compares a callback made anew by what it writes for the figures', () => {
    const a = { rows: rows(), format: (v: number) => `${v} per 100 000` };
    const b = { rows: rows(), format: (v: number) => `${v} per 100 000` };
    expect(a.format).not.toBe(b.format);
    expect(sameFiguresWith<Props>(a, b, { format: values })).toBe(true);
    // Another unit: the same figures written differently must redraw.
    expect(sameFiguresWith<Props>(a, { rows: rows(), format: (v: number) => `${v} patients` }, { format: values })).toBe(false);
    // One callback given, the other absent: different pictures.
    expect(sameFiguresWith<Props>(a, { rows: rows() }, { format: values })).toBe(false);
  });

  it('still compares every other prop by value, and leaves skipped ones to the caller', () => {
    const format = (v: number) => String(v);
    const changed = rows();
    changed[0]!.label = 'Uppsala';
    expect(sameFiguresWith<Props>({ rows: rows(), format }, { rows: changed, format }, { format: values })).toBe(false);
    expect(sameFiguresWith<Props>({ rows: rows(), extra: () => 1 }, { rows: rows(), extra: () => 2 }, {}, ['extra'])).toBe(true);
  });
});
