/**
 * The user's part of an import: dataset name, publisher, basis, dates and notes, and which measures to keep.
 * Validated before the datasets are built; files rarely say whether counts are incident or prevalent, or by
 * region of residence or of care, so the user must say (a remembered preset answers for them next time).
 */
import type { CountKind, DimensionRole, RegionBasis } from '../../../shared/counts/dataset';
import { chosenOverlapping, defaultOverlappingDimensions, overlapChoosable } from '../../../shared/counts/overlap';
import type { ImportMapping } from '../../../shared/import';
import { datasetNameProblem, type NameProblem } from './dataset-store';
import type { MeasureSummary, PeriodSource } from './preview-view';
import { parsePeriod } from '../../../shared/utils/period';

export interface ImportForm {
  name: string;
  publisher: string;
  basisKind: CountKind | '';
  regionBasis: RegionBasis | '';
  /** YYYY-MM-DD or ''. */
  extractedAt: string;
  /**
   * The period the counts cover, for a file that names none (no period column, none in its headers or title):
   * a period label as data writes them ("2021", "2021-Q2", "2021-03"); '' when the file says it.
   */
  periodFrom: string;
  periodTo: string;
  coverage: string;
  notes: string;
  /** Explicit keep/drop choices per measure key; measures without a choice use {@link keptByDefault}. */
  keepChoice: Record<string, boolean>;
  /** The user confirmed importing bytes that are already stored. */
  importAgain: boolean;
  /** Explicit answers per dimension key: can one person be under several of its values? Others take the default. */
  overlapChoice: Record<string, boolean>;
}

export type FormField = 'name' | 'publisher' | 'basisKind' | 'regionBasis' | 'extractedAt' | 'period' | 'keep' | 'importAgain';
export type FormProblem = NameProblem | 'required' | 'invalid-date' | 'invalid-period' | 'none-kept' | 'duplicate';
export type FormProblems = Partial<Record<FormField, FormProblem>>;

export function emptyForm(fileName: string): ImportForm {
  return {
    name: fileName.replace(/\.(csv|tsv|txt|xlsx)$/i, ''),
    publisher: '',
    basisKind: '',
    regionBasis: '',
    extractedAt: '',
    periodFrom: '',
    periodTo: '',
    coverage: '',
    notes: '',
    keepChoice: {},
    importAgain: false,
    overlapChoice: {},
  };
}

export interface OverlapColumnView {
  key: string;
  role: DimensionRole;
  label: string;
}

/** The mapped dimensions whose values could overlap for one person, labelled with the file's headers. */
export function overlapColumns(mapping: ImportMapping, headers: readonly string[]): OverlapColumnView[] {
  const dimensions = mapping.columns.flatMap((c, i) => (c.kind === 'dimension' ? [{ key: c.key, role: c.role, label: headers[i]?.trim() || c.key }] : []));
  return overlapChoosable(dimensions);
}

/**
 * What the import would store as overlapping, and the default, for the kept counts: persons or events from the
 * first kept count (events never overlap), prevalent unless the user said new cases (as the import stores it).
 */
export function overlapOfForm(form: ImportForm, measures: readonly MeasureSummary[], columns: readonly OverlapColumnView[]): { overlapping: string[]; defaults: string[] } {
  const kept = new Set(keptMeasures(form, measures));
  const count = measures.find((m) => kept.has(m.key) && m.spec.kind === 'count');
  const basis = { unit: count?.spec.unit ?? 'persons', kind: form.basisKind || 'prevalent' } as const;
  return { overlapping: chosenOverlapping(columns, basis, form.overlapChoice), defaults: defaultOverlappingDimensions(columns, basis) };
}

/**
 * Counts are kept by default; rates, populations and derived expected counts only when chosen. A file with no
 * count at all is kept for what it is: its populations (a population table such as SCB's persons by region and
 * single year of age, which weighs age bands), so importing it does not end in "choose a measure".
 */
export function keptByDefault(measure: MeasureSummary, measures: readonly MeasureSummary[] = [measure]): boolean {
  if (measure.derivedFrom) return false;
  if (measure.spec.kind === 'count') return true;
  return measure.spec.kind === 'population' && !measures.some((m) => m.spec.kind === 'count' && !m.derivedFrom);
}

export function keptMeasures(form: ImportForm, measures: readonly MeasureSummary[]): string[] {
  return measures.filter((m) => form.keepChoice[m.key] ?? keptByDefault(m, measures)).map((m) => m.key);
}

/**
 * Whether the form asks what is counted (new cases or patients in a period): only when a count is kept. A
 * population table counts residents, neither new cases nor patients, so the question would force a guess.
 */
export function asksBasisKind(form: ImportForm, measures: readonly MeasureSummary[]): boolean {
  const kept = new Set(keptMeasures(form, measures));
  return measures.some((m) => kept.has(m.key) && m.spec.kind === 'count');
}

/** The stored name of each kept measure's dataset, as buildDataset names them. */
export function datasetNames(form: ImportForm, measures: readonly MeasureSummary[]): string[] {
  const kept = new Set(keptMeasures(form, measures));
  return measures.filter((m) => kept.has(m.key)).map((m) => `${form.name.trim()} – ${m.name}`);
}

/**
 * Whether the form asks for the period: when the file has no period column or header periods and a count is
 * kept. Required when the title names none either (without it no estimate can use the counts); when the title
 * names one, the field corrects it. A population table without a period still weighs age bands, so it is not asked.
 */
export function asksPeriod(form: ImportForm, measures: readonly MeasureSummary[], period: PeriodSource): boolean {
  return period.kind !== 'data' && asksBasisKind(form, measures);
}

/** The period the import records from the form: the user's, when asked and given; else the file's own. */
export function periodMeta(form: ImportForm, measures: readonly MeasureSummary[], period: PeriodSource): { periodFrom?: string; periodTo?: string } {
  if (!asksPeriod(form, measures, period) || form.periodFrom.trim() === '') return {};
  const given = givenPeriod(form);
  return typeof given === 'string' ? {} : { periodFrom: given.from, periodTo: given.to };
}

/** The period the user gave as a span of period labels, or why it is not one. */
export function givenPeriod(form: Pick<ImportForm, 'periodFrom' | 'periodTo'>): { from: string; to: string } | 'required' | 'invalid-period' {
  const from = form.periodFrom.trim();
  const to = form.periodTo.trim() || from;
  if (from === '') return 'required';
  const start = parsePeriod(from);
  const end = parsePeriod(to);
  if (!start || !end || end.endDay < start.startDay) return 'invalid-period';
  return { from, to };
}

export function validateForm(
  form: ImportForm,
  measures: readonly MeasureSummary[],
  context: { existingNames: readonly string[]; duplicateOf: readonly string[]; period: PeriodSource },
): FormProblems {
  const problems: FormProblems = {};
  const nameProblem = datasetNameProblem(form.name, []);
  if (nameProblem) problems.name = nameProblem;
  else if (datasetNames(form, measures).some((n) => datasetNameProblem(n, context.existingNames) === 'taken')) problems.name = 'taken';
  if (form.publisher.trim() === '') problems.publisher = 'required';
  if (form.basisKind === '' && asksBasisKind(form, measures)) problems.basisKind = 'required';
  if (form.regionBasis === '') problems.regionBasis = 'required';
  if (form.extractedAt !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.extractedAt)) problems.extractedAt = 'invalid-date';
  if (asksPeriod(form, measures, context.period) && (context.period.kind === 'none' || form.periodFrom.trim() !== '' || form.periodTo.trim() !== '')) {
    const period = givenPeriod(form);
    if (typeof period === 'string') problems.period = period;
  }
  if (keptMeasures(form, measures).length === 0) problems.keep = 'none-kept';
  if (context.duplicateOf.length > 0 && !form.importAgain) problems.importAgain = 'duplicate';
  return problems;
}
