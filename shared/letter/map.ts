/**
 * The letter's county map as SVG text, shaded by the printed figures (its own module: the app's first screen uses
 * the chart helpers beside it, not the map and its outline simplifier). Colours are fixed (print-safe,
 * distinguishable in greyscale).
 */
import simplify from 'simplify-js';
import svgpath from 'svgpath';
import type { CountyCode } from '../regions/regions';
import { SVG_MAP_IDS } from '../regions/svg-map';
import { escapeXml } from './charts';
import { SWEDEN_MAP } from './sweden-map.mjs';

const MAP_CLASS_FILLS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
const MAP_HIDDEN_FILL = '#d9d9d9';

export interface MapRegionValue {
  region: CountyCode;
  /** The printed point figure as a number, or null when the letter does not print it as a number. */
  value: number | null;
}

/** Quintile class (0..4) of each printed value; regions without a printed number get none. */
export function mapClasses(regions: readonly MapRegionValue[]): Map<CountyCode, number> {
  const shown = regions.filter((r): r is MapRegionValue & { value: number } => r.value !== null);
  const sorted = shown.map((r) => r.value).sort((a, b) => a - b);
  const classes = new Map<CountyCode, number>();
  if (sorted.length === 0) return classes;
  const uppers = MAP_CLASS_FILLS.map((_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / MAP_CLASS_FILLS.length) - 1)]!);
  for (const r of shown) {
    const index = uppers.findIndex((upper) => r.value <= upper);
    classes.set(r.region, index === -1 ? MAP_CLASS_FILLS.length - 1 : index);
  }
  return classes;
}

/**
 * How far (in map units) a printed county outline may stray from the drawn one. The letter prints the map 150 pt
 * wide, so a unit of its 346-unit width is 0.15 mm: 0.3 units (with coordinates to a tenth) is under 0.06 mm, below
 * what a 600 dpi printer draws, and under the white border between counties. The map package's outlines carry more
 * points than that (4 880), each of which the PDF engine parses, draws and compresses for every letter.
 */
export const MAP_PRINT_TOLERANCE = 0.3;

/**
 * A county outline with the points a printed letter cannot show left out (Ramer–Douglas–Peucker within
 * MAP_PRINT_TOLERANCE), as absolute moves and lines. An outline with curves is returned as it is.
 */
export function printOutline(d: string, tolerance = MAP_PRINT_TOLERANCE): string {
  const rings: Array<Array<{ x: number; y: number }>> = [];
  let straight = true;
  svgpath(d)
    .abs()
    .unshort()
    .iterate((segment, _index, x, y) => {
      const [command] = segment;
      if (command === 'M') rings.push([{ x: segment[1], y: segment[2] }]);
      else if (command === 'L') rings.at(-1)?.push({ x: segment[1], y: segment[2] });
      else if (command === 'H') rings.at(-1)?.push({ x: segment[1], y });
      else if (command === 'V') rings.at(-1)?.push({ x, y: segment[1] });
      else if (command !== 'Z' && command !== 'z') straight = false;
    });
  if (!straight) return d;
  const tenth = (value: number) => (Math.round(value * 10) / 10).toString();
  return rings
    .map((ring) => simplify(ring, tolerance, true))
    .filter((ring) => ring.length >= 3)
    .map((ring) => `M${ring.map((p) => `${tenth(p.x)},${tenth(p.y)}`).join('L')}Z`)
    .join('');
}

let printOutlines: Map<string, string> | null = null;

/** The counties' printed outlines, by shape id: simplified once per process. */
function printedCountyOutlines(): Map<string, string> {
  printOutlines ??= new Map(SWEDEN_MAP.locations.map((location) => [location.id, printOutline(location.path)]));
  return printOutlines;
}

/** The county map, shaded by quintile of the printed point figures; regions printed without a number are grey. */
export function regionMapSvg(regions: readonly MapRegionValue[]): string {
  const classes = mapClasses(regions);
  const byShape = new Map(regions.map((r) => [SVG_MAP_IDS[r.region], r.region]));
  const outlines = printedCountyOutlines();
  const paths = SWEDEN_MAP.locations.map((location) => {
    const region = byShape.get(location.id);
    const cls = region === undefined ? undefined : classes.get(region);
    const fill = cls === undefined ? MAP_HIDDEN_FILL : MAP_CLASS_FILLS[cls]!;
    return `<path d="${escapeXml(outlines.get(location.id) ?? location.path)}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${SWEDEN_MAP.viewBox}">${paths.join('')}</svg>`;
}
