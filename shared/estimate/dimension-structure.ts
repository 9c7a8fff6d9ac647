/**
 * What each dictionary value of a dataset's dimensions means to the estimator:
 * - whether it is a published total of other values present (region "national", sex/age/code/period
 *   "all", a code block that is an ancestor of codes present, an age band or period that contains other
 *   bands or periods present). Totals are never added to their own parts; only the finest cells are summed.
 * - for the region dimension, which accumulator slot (county 0..20, national, unknown) a value feeds.
 */
import type { Dataset, Dimension } from '../counts/dataset';
import { COUNTY_CODES } from '../regions/regions';
import { parseRegion } from '../regions/parse';
import { codeRange, type CodeRange } from '../icd10/code-set';
import { parseAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';

export const COUNTY_SLOTS = COUNTY_CODES.length;
export const NATIONAL_SLOT = COUNTY_SLOTS;
export const UNKNOWN_SLOT = COUNTY_SLOTS + 1;
export const SLOT_COUNT = COUNTY_SLOTS + 2;

/** The value every role uses for "all values" (the importer maps Totalt/Samtliga/Båda könen to it). */
export const ALL_VALUE = 'all';

export class UnreadableDimensionValueError extends Error {
  constructor(readonly datasetId: string, readonly dimensionKey: string, readonly value: string) {
    super(`Dataset "${datasetId}", dimension "${dimensionKey}": value "${value}" is not in canonical form`);
    this.name = 'UnreadableDimensionValueError';
  }
}

/** A value's extent on an ordered axis (codes as strings, ages and days as numbers), or null for "all". */
interface Extent<T> {
  lo: T;
  hi: T;
}

/**
 * Marks values whose extent strictly contains another value's extent. `all` contains everything, but is a
 * total only when something finer is present: a dimension whose only value is "all" is its own finest level.
 */
function markContainers<T>(extents: (Extent<T> | null)[]): Uint8Array {
  const n = extents.length;
  const isTotal = new Uint8Array(n);
  const order = extents
    .map((extent, index) => ({ extent, index }))
    .filter((e): e is { extent: Extent<T>; index: number } => e.extent !== null)
    // By start ascending, then by end descending, so a container comes before what it contains.
    .sort((a, b) => (a.extent.lo < b.extent.lo ? -1 : a.extent.lo > b.extent.lo ? 1 : a.extent.hi > b.extent.hi ? -1 : a.extent.hi < b.extent.hi ? 1 : 0));
  for (let i = 0; i < order.length; i++) {
    const outer = order[i]!.extent;
    // Only values starting inside `outer` can be inside it; hierarchies are laminar, so this scan is short.
    for (let j = i + 1; j < order.length && order[j]!.extent.lo <= outer.hi; j++) {
      const inner = order[j]!.extent;
      if (inner.hi <= outer.hi && (inner.lo !== outer.lo || inner.hi !== outer.hi)) {
        isTotal[order[i]!.index] = 1;
        break;
      }
    }
  }
  const finerPresent = extents.some((e) => e !== null);
  extents.forEach((extent, index) => {
    if (extent === null && finerPresent) isTotal[index] = 1;
  });
  return isTotal;
}

function extentsOf(datasetId: string, dimension: Dimension): (Extent<string> | Extent<number> | null)[] | null {
  const fail = (value: string): never => {
    throw new UnreadableDimensionValueError(datasetId, dimension.key, value);
  };
  switch (dimension.role) {
    case 'code':
      return dimension.values.map((v): CodeRange | null => {
        if (v === ALL_VALUE) return null;
        try {
          return codeRange(v);
        } catch {
          return fail(v);
        }
      });
    case 'age':
      return dimension.values.map((v) => {
        const band = parseAgeBand(v) ?? fail(v);
        return band.kind === 'all' ? null : { lo: band.min, hi: band.max ?? Number.POSITIVE_INFINITY };
      });
    case 'period':
      return dimension.values.map((v) => {
        if (v === ALL_VALUE) return null;
        const period = parsePeriod(v) ?? fail(v);
        return { lo: period.startDay, hi: period.endDay };
      });
    default:
      return null;
  }
}

/** 1 for each value of `dimension` that is a total of other values present. */
export function totalValueMask(datasetId: string, dimension: Dimension): Uint8Array {
  if (dimension.role === 'region') {
    return Uint8Array.from(dimension.values, (v) => (parseRegion(v)?.kind === 'national' ? 1 : 0));
  }
  const extents = extentsOf(datasetId, dimension);
  if (extents) return markContainers(extents as (Extent<string> | null)[]);
  // Sex and extra dimensions have no hierarchy beyond "all".
  return markContainers(dimension.values.map((v) => (v === ALL_VALUE ? null : { lo: v, hi: v })));
}

/** Accumulator slot per region value. */
export function regionSlots(datasetId: string, dimension: Dimension): Int32Array {
  return Int32Array.from(dimension.values, (v) => {
    const ref = parseRegion(v);
    if (!ref) throw new UnreadableDimensionValueError(datasetId, dimension.key, v);
    if (ref.kind === 'national') return NATIONAL_SLOT;
    if (ref.kind === 'unknown') return UNKNOWN_SLOT;
    return COUNTY_CODES.indexOf(ref.code);
  });
}

export function dimensionIndexByRole(dataset: Dataset, role: Dimension['role']): number {
  return dataset.dimensions.findIndex((d) => d.role === role);
}
