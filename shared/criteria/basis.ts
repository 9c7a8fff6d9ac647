/**
 * The study's basis defaulted from its data, and the fixes a coordinator applies with one click when a linked
 * dataset does not fit it.
 *
 * A study counts one basis (incident or prevalent; persons or events; by region of residence or of care), and
 * counts of different bases are never added. The default is the basis most of the linked datasets have (persons
 * before events on a tie, then the first dataset's), so a study linked to a file of patients treated in a year
 * is prevalent without the coordinator having to know the word; the choice stays visible and changeable.
 */
import type { Basis, Dataset } from '../counts/dataset';
import type { EstimatePeriod, Study, StudyBasis } from './study';

/** The basis most of the datasets have; null when there are none. */
export function defaultStudyBasis(datasets: readonly Pick<Dataset, 'basis'>[]): Basis | null {
  if (datasets.length === 0) return null;
  const counts = new Map<string, { basis: Basis; count: number; first: number }>();
  datasets.forEach((d, i) => {
    const key = `${d.basis.kind}|${d.basis.unit}|${d.basis.regionBasis}`;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { basis: { kind: d.basis.kind, unit: d.basis.unit, regionBasis: d.basis.regionBasis }, count: 1, first: i });
  });
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || (a.basis.unit === 'persons' ? -1 : 0) - (b.basis.unit === 'persons' ? -1 : 0) || a.first - b.first);
  return ranked[0]!.basis;
}

/** The period an estimate of this kind is taken from unless the coordinator says otherwise. */
export function defaultEstimatePeriod(kind: Basis['kind']): EstimatePeriod {
  // Prevalent counts of several periods cannot be added (the same patient is in each); the latest is the
  // current situation. New cases are best estimated as an annual rate over every year the data has.
  return kind === 'prevalent' ? { kind: 'latest' } : { kind: 'all' };
}

/**
 * The study with its basis set to `basis` (the fields given). When the kind changes and the period was the
 * previous kind's default, the period follows to the new kind's default.
 */
export function withStudyBasis(study: Study, basis: Partial<Pick<StudyBasis, 'kind' | 'unit' | 'regionBasis'>>): Study {
  const population: StudyBasis = { ...study.population, ...basis };
  if (basis.kind && basis.kind !== study.population.kind && samePeriod(study.population.period, defaultEstimatePeriod(study.population.kind))) {
    population.period = defaultEstimatePeriod(basis.kind);
  }
  return { ...study, population };
}

/** The study's basis defaulted from the datasets (kind, unit, region basis; the window and a chosen period kept). */
export function withDefaultBasis(study: Study, datasets: readonly Pick<Dataset, 'basis'>[]): Study {
  const basis = defaultStudyBasis(datasets);
  return basis ? withStudyBasis(study, basis) : study;
}

function samePeriod(a: EstimatePeriod, b: EstimatePeriod): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which fields of a dataset's basis differ from the study's. */
export function basisMismatches(study: Pick<Study, 'population'>, dataset: Pick<Dataset, 'basis'>): Array<{ field: 'kind' | 'unit' | 'regionBasis'; dataset: string; study: string }> {
  const fields = ['kind', 'unit', 'regionBasis'] as const;
  return fields.filter((f) => dataset.basis[f] !== study.population[f]).map((field) => ({ field, dataset: dataset.basis[field], study: study.population[field] }));
}

/**
 * The study after linking it to `datasets`: when its basis fits none of them (a new study is incident by default,
 * the data may be patients treated in a year), the basis follows the data; when it fits any, it is the
 * coordinator's and stays (a dataset that does not fit then blocks the answer, with the fix offered).
 */
export function basisAfterLinking(study: Study, datasets: readonly Pick<Dataset, 'basis'>[]): Study {
  if (datasets.length === 0 || datasets.some((d) => basisMismatches(study, d).length === 0)) return study;
  return withDefaultBasis(study, datasets);
}
