/**
 * A dataset cut into one dataset per period, so the estimator can answer a study for each period exactly as it
 * answers it for the latest one (it reads prevalent counts from the latest period present in the dictionary, so a
 * cut keeps only its own period value).
 */
import type { Dataset } from '../counts/dataset';
import { NATIONAL_SLOT, dimensionIndexByRole, regionSlots, totalValueMask } from '../estimate/dimension-structure';
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import { periodSpan } from './time';

export interface Cut {
  dataset: Dataset;
  /** Finest period label → index of that period's value. */
  periods: Map<string, number>;
}

export function cutsOf(dataset: Dataset): Cut | null {
  const periodDim = dimensionIndexByRole(dataset, 'period');
  if (periodDim < 0) return null;
  const totals = totalValueMask(dataset.id, dataset.dimensions[periodDim]!);
  const periods = new Map<string, number>();
  dataset.dimensions[periodDim]!.values.forEach((label, v) => {
    if (!totals[v] && periodSpan(label)) periods.set(label, v);
  });
  return { dataset, periods };
}

export type MaskVariant = 'as-is' | 'low' | 'high';

/** The cells of one period as a dataset of its own, with a period column of that one value. */
export function slice(dataset: Dataset, periodValue: number, variant: MaskVariant, keep?: (cell: number) => boolean): Dataset {
  const periodDim = dimensionIndexByRole(dataset, 'period');
  const column = dataset.columns[periodDim]!;
  const cells: number[] = [];
  for (let i = 0; i < dataset.cellCount; i++) if (column[i] === periodValue && (!keep || keep(i))) cells.push(i);
  const pick = <T extends Uint32Array | Float64Array | Uint8Array>(source: T, make: (n: number) => T): T => {
    const out = make(cells.length);
    cells.forEach((c, k) => (out[k] = source[c]!));
    return out;
  };
  const low = pick(dataset.low, (n) => new Float64Array(n));
  const point = pick(dataset.point, (n) => new Float64Array(n));
  const high = pick(dataset.high, (n) => new Float64Array(n));
  const masked = pick(dataset.masked, (n) => new Uint8Array(n));
  if (variant !== 'as-is') {
    for (let k = 0; k < cells.length; k++) {
      if (!masked[k]) continue;
      const v = variant === 'low' ? low[k]! : high[k]!;
      low[k] = v;
      point[k] = v;
      high[k] = v;
    }
  }
  return {
    ...dataset,
    id: `${dataset.id}@${dataset.dimensions[periodDim]!.values[periodValue]}`,
    dimensions: dataset.dimensions.map((d, k) => (k === periodDim ? { ...d, values: [d.values[periodValue]!] } : d)),
    cellCount: cells.length,
    columns: dataset.columns.map((c, k) => (k === periodDim ? new Uint32Array(cells.length) : pick(c, (n) => new Uint32Array(n)))),
    low,
    point,
    high,
    masked,
  };
}

/** Counties (and whether the national rows) with cells in a dataset. */
export function presence(dataset: Dataset): { counties: Set<CountyCode>; national: boolean } {
  const regionDim = dimensionIndexByRole(dataset, 'region');
  const counties = new Set<CountyCode>();
  let national = false;
  if (regionDim < 0) return { counties, national: dataset.cellCount > 0 };
  const slots = regionSlots(dataset.id, dataset.dimensions[regionDim]!);
  const column = dataset.columns[regionDim]!;
  for (let i = 0; i < dataset.cellCount; i++) {
    const slot = slots[column[i]!]!;
    if (slot === NATIONAL_SLOT) national = true;
    else if (slot >= 0 && slot < COUNTY_CODES.length) counties.add(COUNTY_CODES[slot]!);
  }
  return { counties, national };
}


/** The same cells with every masked count at the low or high end of its range (columns shared, counts copied). */
export function maskVariant(cut: Dataset, variant: Exclude<MaskVariant, 'as-is'>): Dataset {
  const source = variant === 'low' ? cut.low : cut.high;
  const low = Float64Array.from(cut.low);
  const point = Float64Array.from(cut.point);
  const high = Float64Array.from(cut.high);
  for (let k = 0; k < cut.cellCount; k++) {
    if (!cut.masked[k]) continue;
    low[k] = source[k]!;
    point[k] = source[k]!;
    high[k] = source[k]!;
  }
  return { ...cut, id: `${cut.id}~${variant}`, low, point, high };
}
