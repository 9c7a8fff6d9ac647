/**
 * The user's part of an import: dataset name, publisher, basis, dates and notes, and which measures to keep.
 * Validated before the datasets are built; files rarely say whether counts are incident or prevalent, or by
 * region of residence or of care, so the user must say (a remembered preset answers for them next time).
 */
import type { CountKind, RegionBasis } from '../../../shared/counts/dataset';
import { datasetNameProblem, type NameProblem } from './dataset-store';
import type { MeasureSummary } from './preview-view';

export interface ImportForm {
  name: string;
  publisher: string;
  basisKind: CountKind | '';
  regionBasis: RegionBasis | '';
  /** YYYY-MM-DD or ''. */
  extractedAt: string;
  coverage: string;
  notes: string;
  /** Explicit keep/drop choices per measure key; measures without a choice use {@link keptByDefault}. */
  keepChoice: Record<string, boolean>;
  /** The user confirmed importing bytes that are already stored. */
  importAgain: boolean;
}

export type FormField = 'name' | 'publisher' | 'basisKind' | 'regionBasis' | 'extractedAt' | 'keep' | 'importAgain';
export type FormProblem = NameProblem | 'required' | 'invalid-date' | 'none-kept' | 'duplicate';
export type FormProblems = Partial<Record<FormField, FormProblem>>;

export function emptyForm(fileName: string): ImportForm {
  return {
    name: fileName.replace(/\.(csv|tsv|txt|xlsx)$/i, ''),
    publisher: '',
    basisKind: '',
    regionBasis: '',
    extractedAt: '',
    coverage: '',
    notes: '',
    keepChoice: {},
    importAgain: false,
  };
}

/** Counts are kept by default; rates, populations and derived expected counts only when chosen. */
export function keptByDefault(measure: MeasureSummary): boolean {
  return measure.spec.kind === 'count' && !measure.derivedFrom;
}

export function keptMeasures(form: ImportForm, measures: readonly MeasureSummary[]): string[] {
  return measures.filter((m) => form.keepChoice[m.key] ?? keptByDefault(m)).map((m) => m.key);
}

/** The stored name of each kept measure's dataset, as buildDataset names them. */
export function datasetNames(form: ImportForm, measures: readonly MeasureSummary[]): string[] {
  const kept = new Set(keptMeasures(form, measures));
  return measures.filter((m) => kept.has(m.key)).map((m) => `${form.name.trim()} – ${m.name}`);
}

export function validateForm(
  form: ImportForm,
  measures: readonly MeasureSummary[],
  context: { existingNames: readonly string[]; duplicateOf: readonly string[] },
): FormProblems {
  const problems: FormProblems = {};
  const nameProblem = datasetNameProblem(form.name, []);
  if (nameProblem) problems.name = nameProblem;
  else if (datasetNames(form, measures).some((n) => datasetNameProblem(n, context.existingNames) === 'taken')) problems.name = 'taken';
  if (form.publisher.trim() === '') problems.publisher = 'required';
  if (form.basisKind === '') problems.basisKind = 'required';
  if (form.regionBasis === '') problems.regionBasis = 'required';
  if (form.extractedAt !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.extractedAt)) problems.extractedAt = 'invalid-date';
  if (keptMeasures(form, measures).length === 0) problems.keep = 'none-kept';
  if (context.duplicateOf.length > 0 && !form.importAgain) problems.importAgain = 'duplicate';
  return problems;
}
