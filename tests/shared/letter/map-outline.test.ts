/**
 * The letter's county map is printed with simplified outlines (fewer points for the PDF engine to parse, draw and
 * compress). Checked geometrically, not against the simplifier: every point of the map package's outlines lies within
 * the print tolerance (plus the rounding to a tenth) of the printed outline, and every printed point is one of the
 * package's points, so the shape is the same at print size.
 */
import { describe, expect, it } from 'vitest';
import { MAP_PRINT_TOLERANCE, printOutline, regionMapSvg } from '../../../shared/letter/map';
import { SWEDEN_MAP } from '../../../shared/letter/sweden-map.mjs';

type Point = { x: number; y: number };

/** Rings of absolute points from a path of M/m, L/l (also implicit after m) and Z/z only, read here by hand. */
function rings(d: string): Point[][] {
  const out: Point[][] = [];
  const tokens = d.match(/[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let command = 'M';
  let at: Point = { x: 0, y: 0 };
  let start: Point = at;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/[MmLlZz]/.test(token)) {
      command = token;
      i += 1;
      if (command === 'Z' || command === 'z') at = start;
      continue;
    }
    const x = Number(tokens[i]);
    const y = Number(tokens[i + 1]);
    i += 2;
    const relative = command === 'm' || command === 'l';
    at = relative ? { x: at.x + x, y: at.y + y } : { x, y };
    if (command === 'M' || command === 'm') {
      start = at;
      out.push([at]);
      command = command === 'm' ? 'l' : 'L';
    } else out.at(-1)!.push(at);
  }
  return out;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function distanceToRing(p: Point, ring: Point[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) best = Math.min(best, distanceToSegment(p, ring[i]!, ring[(i + 1) % ring.length]!));
  return best;
}

describe("the letter map's printed county outlines", () => {
  it('stay within the print tolerance of the package outlines, with far fewer points', () => {
    const rounding = Math.hypot(0.05, 0.05);
    let before = 0;
    let after = 0;
    for (const location of SWEDEN_MAP.locations) {
      const original = rings(location.path);
      const printed = rings(printOutline(location.path));
      expect(printed.length, location.id).toBe(original.length);
      original.forEach((ring, r) => {
        const simple = printed[r]!;
        before += ring.length;
        after += simple.length;
        let worst = 0;
        for (const p of ring) worst = Math.max(worst, distanceToRing(p, simple));
        expect(worst, `${location.id} ring ${r}`).toBeLessThanOrEqual(MAP_PRINT_TOLERANCE + rounding + 1e-9);
        // Every printed point is a package point, rounded to a tenth.
        for (const q of simple) expect(ring.some((p) => Math.abs(p.x - q.x) <= 0.05 + 1e-9 && Math.abs(p.y - q.y) <= 0.05 + 1e-9)).toBe(true);
      });
    }
    expect(before).toBe(4880);
    expect(after).toBeLessThan(before / 2);
  });

  it('leaves an outline with curves as it is, and the map keeps one shaded path per county', () => {
    const curved = 'M 10,10 C 20,20 30,20 40,10 Z';
    expect(printOutline(curved)).toBe(curved);
    const svg = regionMapSvg([]);
    expect(svg.match(/<path /g)?.length).toBe(SWEDEN_MAP.locations.length);
    expect(svg).not.toMatch(/d="m /);
  });
});
