/** checkDisclosure on hand-made printed tables: what a reader can and cannot infer. */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS, checkDisclosure, type PrintedTable } from '../../../shared/disclosure';

const ohdsi = DISCLOSURE_PRESETS.ohdsi;
const cell = (id: string, low: number, high = low) => ({ id, label: id.toUpperCase(), low, high });

describe('checkDisclosure', () => {
  it('passes when two hidden parts leave each other free', () => {
    const printed: PrintedTable = { cells: [cell('t', 120), cell('a', 1, 4), cell('b', 0, Infinity), cell('c', 100)], relations: [{ id: 'r', total: 't', parts: ['a', 'b', 'c'] }] };
    expect(checkDisclosure(printed, ohdsi)).toMatchObject({ ok: true, violations: [] });
  });

  it('names a small part pinned by its total and the other parts', () => {
    const printed: PrintedTable = { cells: [cell('t', 103), cell('a', 1, 4), cell('c', 100)], relations: [{ id: 'r', total: 't', parts: ['a', 'c'] }] };
    const check = checkDisclosure(printed, ohdsi);
    expect(check.ok).toBe(false);
    expect(check.violations).toMatchObject([{ cellId: 'a', label: 'A', inferred: { low: 3, high: 3 }, protectedRange: { from: 1, to: 4 } }]);
  });

  it('propagates across relations: a hidden part is recovered in one sum and then pins a small one in another', () => {
    // t1 = x + y (printed 200, y printed 150 → x = 50); t2 = x + s (printed 53) → s = 3.
    const printed: PrintedTable = {
      cells: [cell('t1', 200), cell('y', 150), cell('x', 0, Infinity), cell('t2', 53), cell('s', 1, 4)],
      relations: [
        { id: 'r1', total: 't1', parts: ['x', 'y'] },
        { id: 'r2', total: 't2', parts: ['x', 's'] },
      ],
    };
    const check = checkDisclosure(printed, ohdsi);
    expect(check.violations.map((v) => [v.cellId, v.inferred])).toEqual([['s', { low: 3, high: 3 }]]);
    expect(check.rounds).toBeGreaterThan(1);
  });

  it('uses the order low ≤ point ≤ high', () => {
    // The point prints as "<5" (1–4) but the figure's high end is printed 2: the point is at most 2.
    const printed: PrintedTable = { cells: [cell('p', 1, 4), cell('h', 2)], relations: [], order: [['p', 'h']] };
    expect(checkDisclosure(printed, ohdsi).violations[0]).toMatchObject({ cellId: 'p', inferred: { low: 1, high: 2 } });
  });

  it('does not protect cells marked protect: false, and reports contradictory prints and unknown cells', () => {
    const free: PrintedTable = { cells: [cell('t', 3), { ...cell('a', 0, Infinity), protect: false }], relations: [{ id: 'r', total: 't', parts: ['a'] }] };
    // t itself is printed as 3: a direct leak.
    expect(checkDisclosure(free, ohdsi).violations.map((v) => v.cellId)).toEqual(['t']);
    const contradiction: PrintedTable = { cells: [cell('t', 10), cell('a', 20)], relations: [{ id: 'r', total: 't', parts: ['a'] }] };
    expect(checkDisclosure(contradiction, ohdsi).violations[0]!.message).toContain('contradict');
    expect(() => checkDisclosure({ cells: [cell('t', 10)], relations: [{ id: 'r', total: 't', parts: ['nope'] }] }, ohdsi)).toThrow('relation "r" names an unknown cell "nope"');
  });

  it('protects zero too under Leaf/SHRINE (≤ 10 includes 0)', () => {
    const printed: PrintedTable = { cells: [cell('t', 100), cell('a', 0, 10), cell('c', 100)], relations: [{ id: 'r', total: 't', parts: ['a', 'c'] }] };
    expect(checkDisclosure(printed, DISCLOSURE_PRESETS['leaf-shrine']).violations[0]).toMatchObject({ cellId: 'a', inferred: { low: 0, high: 0 }, protectedRange: { from: 0, to: 10 } });
  });
});
