/**
 * checkDisclosure: the independent audit of what a letter prints. It knows nothing of how the figures were
 * suppressed: it takes the intervals a reader can read off the print (PrintedTable), the sums that tie them
 * together and the order low ≤ point ≤ high, and tightens every bound as a reader would — a total lies between
 * the sums of its parts' bounds, a part between the total's bounds minus the others' — until nothing changes.
 * A violation is any cell whose inferred interval cuts into one of the policy's protected ranges without covering
 * it (e.g. "<5" = 1–4 narrowed to 3–4, or a loss between two steps pinned to 2).
 */
import { protectedRanges, type DisclosurePolicy } from './policy';
import type { DisclosureCheck, DisclosureViolation, PrintedTable } from './types';

/** Far more rounds than a table of this app's size needs; reaching it means bounds creep (reported as an error). */
const MAX_ROUNDS = 100_000;

interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

/** Sum of bounds that may be infinite, skipping one index: NaN-free (−∞ and +∞ never meet in one sum). */
function sumExcept(values: Float64Array, indices: number[], skip: number): number {
  let sum = 0;
  for (const i of indices) {
    if (i === skip) continue;
    sum += values[i]!;
  }
  return sum;
}

function tighten(b: Bounds, cell: number, lo: number, hi: number): boolean {
  let changed = false;
  // Every quantity is a whole number: a bound of 3.2 means 4.
  const low = Math.ceil(lo - 1e-9);
  const high = Math.floor(hi + 1e-9);
  if (low > b.lo[cell]!) {
    b.lo[cell] = low;
    changed = true;
  }
  if (high < b.hi[cell]!) {
    b.hi[cell] = high;
    changed = true;
  }
  return changed;
}

function indexCells(printed: PrintedTable): Map<string, number> {
  const index = new Map<string, number>();
  printed.cells.forEach((cell, i) => {
    if (index.has(cell.id)) throw new Error(`checkDisclosure: cell "${cell.id}" is listed twice`);
    if (!(cell.low <= cell.high)) throw new Error(`checkDisclosure: cell "${cell.id}" has an empty printed interval ${cell.low}–${cell.high}`);
    index.set(cell.id, i);
  });
  return index;
}

function resolve(index: Map<string, number>, id: string, where: string): number {
  const i = index.get(id);
  if (i === undefined) throw new Error(`checkDisclosure: ${where} names an unknown cell "${id}"`);
  return i;
}

export function checkDisclosure(printed: PrintedTable, policy: DisclosurePolicy): DisclosureCheck {
  const index = indexCells(printed);
  const relations = printed.relations.map((r) => ({
    total: resolve(index, r.total, `relation "${r.id}"`),
    parts: r.parts.map((p) => resolve(index, p, `relation "${r.id}"`)),
  }));
  const order = (printed.order ?? []).map(([a, b]) => [resolve(index, a, 'an order pair'), resolve(index, b, 'an order pair')] as const);
  const bounds: Bounds = {
    lo: Float64Array.from(printed.cells, (c) => c.low),
    hi: Float64Array.from(printed.cells, (c) => c.high),
  };

  let rounds = 0;
  let changed = true;
  while (changed) {
    if (++rounds > MAX_ROUNDS) throw new Error(`checkDisclosure: bounds still changing after ${MAX_ROUNDS} rounds`);
    changed = false;
    for (const { total, parts } of relations) {
      changed = tighten(bounds, total, sumExcept(bounds.lo, parts, -1), sumExcept(bounds.hi, parts, -1)) || changed;
      for (const part of parts) {
        const lo = bounds.lo[total]! - sumExcept(bounds.hi, parts, part);
        const hi = bounds.hi[total]! - sumExcept(bounds.lo, parts, part);
        changed = tighten(bounds, part, Number.isNaN(lo) ? -Infinity : lo, Number.isNaN(hi) ? Infinity : hi) || changed;
      }
    }
    for (const [a, b] of order) {
      changed = tighten(bounds, a, -Infinity, bounds.hi[b]!) || changed;
      changed = tighten(bounds, b, bounds.lo[a]!, Infinity) || changed;
    }
    const empty = printed.cells.findIndex((_, i) => bounds.lo[i]! > bounds.hi[i]!);
    if (empty >= 0) return inconsistent(printed, empty, rounds);
  }
  return { rounds, ...withViolations(printed, bounds, policy) };
}

function withViolations(printed: PrintedTable, bounds: Bounds, policy: DisclosurePolicy): { ok: boolean; violations: DisclosureViolation[] } {
  const ranges = protectedRanges(policy);
  const violations: DisclosureViolation[] = [];
  printed.cells.forEach((cell, i) => {
    if (cell.protect === false) return;
    const lo = bounds.lo[i]!;
    const hi = bounds.hi[i]!;
    for (const range of ranges) {
      const overlaps = lo <= range.to && hi >= range.from;
      const covers = lo <= range.from && hi >= range.to;
      if (!overlaps || covers) continue;
      const narrowed = lo > cell.low || hi < cell.high;
      violations.push({
        cellId: cell.id,
        label: cell.label,
        printed: { low: cell.low, high: cell.high },
        inferred: { low: lo, high: hi },
        protectedRange: { ...range },
        message: narrowed
          ? `"${cell.label}" can be narrowed to ${interval(lo, hi)} from the printed figures, inside the protected range ${range.from}–${range.to} (${policy.name}).`
          : `"${cell.label}" is printed as ${interval(lo, hi)}, inside the protected range ${range.from}–${range.to} (${policy.name}).`,
      });
      break;
    }
  });
  return { ok: violations.length === 0, violations };
}

function interval(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${Number.isFinite(lo) ? lo : '−∞'}–${Number.isFinite(hi) ? hi : '∞'}`;
}

function inconsistent(printed: PrintedTable, i: number, rounds: number): DisclosureCheck {
  const cell = printed.cells[i]!;
  return {
    ok: false,
    rounds,
    violations: [
      {
        cellId: cell.id,
        label: cell.label,
        printed: { low: cell.low, high: cell.high },
        inferred: { low: Number.NaN, high: Number.NaN },
        protectedRange: { from: Number.NaN, to: Number.NaN },
        message: `The printed figures contradict each other at "${cell.label}": no value fits every printed sum.`,
      },
    ],
  };
}
