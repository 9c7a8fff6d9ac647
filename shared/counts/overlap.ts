/**
 * Which dimensions of a dataset overlap: one person can be under several of their values, so the values do not
 * add up to persons (a union of overlapping values lies between the largest and their sum).
 *
 * The default follows what the counts are:
 * - events (care episodes, dispensings) never overlap: each event has one value of each dimension;
 * - persons overlap in diagnosis codes and in any other (extra) dimension such as drugs or care types — a
 *   child treated with two ADHD drugs is counted under each;
 * - persons overlap in regions when the counts are prevalent (patients treated in a year): a person who moved
 *   or was treated in two regions that year is counted in each, which is why a file's national row can be
 *   smaller than the sum of its regions; new (incident) cases are registered once;
 * - sexes, age bands and periods never overlap (age is taken at one moment; periods are chosen by the estimate's
 *   period, never added for prevalent counts).
 * The user can change the list per dataset (e.g. an extra dimension "stage" that holds one value per person).
 */
import type { Basis, Dimension, Dataset } from './dataset';

export function defaultOverlappingDimensions(dimensions: readonly Pick<Dimension, 'key' | 'role'>[], basis: Pick<Basis, 'unit' | 'kind'>): string[] {
  if (basis.unit !== 'persons') return [];
  return dimensions
    .filter((d) => d.role === 'code' || d.role === 'extra' || (d.role === 'region' && basis.kind === 'prevalent'))
    .map((d) => d.key);
}

/** The dataset's overlapping dimensions: as set on it, else the default for its basis (only keys it has). */
export function overlappingDimensions(dataset: Pick<Dataset, 'dimensions' | 'basis' | 'overlappingDimensions'>): string[] {
  const keys = new Set(dataset.dimensions.map((d) => d.key));
  return (dataset.overlappingDimensions ?? defaultOverlappingDimensions(dataset.dimensions, dataset.basis)).filter((k) => keys.has(k));
}

/**
 * The dimensions whose overlap a user decides: regions, diagnosis codes and extra dimensions (drugs, care types,
 * stage…). Sexes, age bands and periods never overlap, so asking about them would only invite a wrong answer.
 */
export function overlapChoosable<D extends Pick<Dimension, 'role'>>(dimensions: readonly D[]): D[] {
  return dimensions.filter((d) => d.role === 'region' || d.role === 'code' || d.role === 'extra');
}

/**
 * The overlapping dimensions with the user's explicit answers (`choice[key]`: true overlaps, false does not) and the
 * default for the basis where they gave none. Only choosable dimensions can be made overlapping.
 */
export function chosenOverlapping(
  dimensions: readonly Pick<Dimension, 'key' | 'role'>[],
  basis: Pick<Basis, 'unit' | 'kind'>,
  choice: Readonly<Record<string, boolean>>,
): string[] {
  const byDefault = new Set(defaultOverlappingDimensions(dimensions, basis));
  const choosable = new Set(overlapChoosable(dimensions).map((d) => d.key));
  return dimensions.filter((d) => choosable.has(d.key) && (choice[d.key] ?? byDefault.has(d.key))).map((d) => d.key);
}
