/**
 * Words for the answer's model, in Swedish or English, from the core's texts (texts.ts): the study's basis in one
 * sentence, blocking problems and their fixes (and applying a fix), the estimate's period, overlapping values,
 * the age-share assumption line and readable criterion labels ("Läkemedel: N06BA04 Metylfenidat").
 * Pure: the app, the CLI and the letter all word these things here.
 */
import { projectionLineText } from '../trend/texts';
import type { Dataset, Dimension } from '../counts/dataset';
import { withStudyBasis } from '../criteria/basis';
import type { EstimatePeriod, Predicate, Study, StudyBasis } from '../criteria/study';
import type { AgeShareLine, AttritionStep, BlockingProblem, EstimatePeriodUsed, OverlapNote, ProblemFix } from '../estimate/types';
import { periodSpan } from '../utils/period';
import { formatNumber, formatPercent } from '../text/format';
import { regionName, type CountyCode } from '../regions/regions';
import type { Language } from '../text/language';
import { answerText } from './texts';

type L = Language;

/** One sentence saying what the study counts, where and from which periods. */
export function basisExplanation(basis: StudyBasis, language: L): string {
  const window = basis.kind === 'incident' ? answerText(language, 'basis_window', { years: formatNumber(basis.windowYears, language, 1) }) : '';
  const what = answerText(language, `basis_${basis.kind}_${basis.unit}`, { window });
  const where = answerText(language, basis.regionBasis === 'residence' ? 'basis_residence' : 'basis_care');
  return answerText(language, 'basis_sentence', { what, where, period: periodSetting(basis.period, language) });
}

function spans(period: EstimatePeriod): string {
  if (period.kind === 'latest' || !period.exclude || period.exclude.length === 0) return '';
  return period.exclude.map((s) => periodSpan(s.from, s.to)).join(', ');
}

/** The period setting in words ("the latest period in the data is used"). */
export function periodSetting(period: EstimatePeriod, language: L): string {
  const base =
    period.kind === 'latest'
      ? answerText(language, 'basis_period_latest')
      : period.kind === 'all'
        ? answerText(language, 'basis_period_all')
        : answerText(language, 'basis_period_range', { from: period.from, to: period.to });
  const excluded = spans(period);
  return excluded ? base + answerText(language, 'basis_period_exclude', { spans: excluded }) : base;
}

/** A basis as words ("patients during a period (prevalence), persons, by region of residence"): only the fields given. */
export function basisWords(basis: Partial<Pick<StudyBasis, 'kind' | 'unit' | 'regionBasis'>>, language: L): string {
  const parts: string[] = [];
  if (basis.kind) parts.push(answerText(language, `kind_${basis.kind}`));
  if (basis.unit) parts.push(answerText(language, `unit_${basis.unit}`));
  if (basis.regionBasis) parts.push(answerText(language, `regionBasis_${basis.regionBasis}`));
  return parts.join(', ');
}

const PROBLEM_REASON = { 'no-age': 'reason_noAge', 'age-all': 'reason_ageAll', 'bad-sex': 'reason_badSex', 'no-persons': 'reason_noPersons' } as const;

/** What is wrong, naming the dataset and the mismatch, in one or two sentences. */
export function problemMessage(problem: BlockingProblem, language: L): string {
  switch (problem.code) {
    case 'basis-mismatch': {
      const datasetBasis: Partial<StudyBasis> = {};
      const studyBasis: Partial<StudyBasis> = {};
      for (const m of problem.mismatches) {
        (datasetBasis as Record<string, string>)[m.field] = m.dataset;
        (studyBasis as Record<string, string>)[m.field] = m.study;
      }
      return answerText(language, 'problem_basis', { dataset: problem.dataset.name, datasetBasis: basisWords(datasetBasis, language), studyBasis: basisWords(studyBasis, language) });
    }
    case 'no-period':
      if (problem.dataPeriod.from === '' && problem.dataPeriod.to === '') return answerText(language, 'problem_noDataPeriod', { dataset: problem.dataset.name });
      return answerText(language, 'problem_period', { period: periodSetting(problem.period, language), dataset: problem.dataset.name, span: periodSpan(problem.dataPeriod.from, problem.dataPeriod.to) });
    case 'age-share-table-missing':
      return answerText(language, 'problem_tableMissing');
    case 'age-share-table-unusable':
      return answerText(language, 'problem_tableUnusable', { dataset: problem.dataset.name, reason: answerText(language, PROBLEM_REASON[problem.reason]) });
    case 'no-data':
      return answerText(language, 'problem_noData');
  }
}

/** The label of a fix's button. `datasetName` names a dataset by id (for unlinking, or a table). */
export function fixLabel(fix: ProblemFix, language: L, datasetName: (id: string) => string = (id) => id): string {
  switch (fix.kind) {
    case 'set-basis':
      return answerText(language, 'fix_setBasis', { basis: basisWords(fix.basis, language) });
    case 'unlink-dataset':
      return answerText(language, 'fix_unlink', { dataset: datasetName(fix.datasetId) });
    case 'set-period':
      return fix.period.kind === 'latest'
        ? answerText(language, 'fix_periodLatest')
        : fix.period.kind === 'all'
          ? answerText(language, 'fix_periodAll')
          : answerText(language, 'fix_periodRange', { from: fix.period.from, to: fix.period.to });
    case 'set-age-share-source':
      return fix.source.kind === 'uniform' ? answerText(language, 'fix_uniform') : answerText(language, 'fix_table', { dataset: datasetName(fix.source.datasetId) });
  }
}

/**
 * The study after a fix. Unlinking a dataset changes what the study is linked to, which lives beside the study
 * (the app's study record, the CLI's --data): the id to unlink is returned for the caller to apply.
 */
export function applyProblemFix(study: Study, fix: ProblemFix): { study: Study; unlinkDatasetId?: string } {
  switch (fix.kind) {
    case 'set-basis':
      return { study: withStudyBasis(study, fix.basis) };
    case 'unlink-dataset':
      return { study, unlinkDatasetId: fix.datasetId };
    case 'set-period':
      return { study: { ...study, population: { ...study.population, period: fix.period } } };
    case 'set-age-share-source':
      return { study: { ...study, ageShare: { ...study.ageShare, source: fix.source } } };
  }
}

/** The periods the estimate was computed from, shown beside the base ("Period: 2020 (the latest period in the data)"). */
export function periodDescription(period: EstimatePeriodUsed, language: L): string {
  return `${answerText(language, 'period_label')}: ${periodValue(period, language)}`;
}

/** The same without its label ("2020 (the latest period in the data)"), for a table of facts. */
export function periodValue(period: EstimatePeriodUsed, language: L): string {
  const first = period.datasets[0];
  if (!first) return periodSetting(period.setting, language);
  if (first.periods.length === 0) return answerText(language, 'period_whole', { span: periodSpan(first.from, first.to) });
  const periods = first.periods.length === 1 ? first.periods[0]! : periodSpan(first.from, first.to);
  if (period.kind === 'incident') {
    return answerText(language, 'period_incident', { periods, years: formatNumber(first.years, language, 2), window: formatNumber(period.windowYears, language, 1) });
  }
  return answerText(language, first.periods.length === 1 ? 'period_latest' : 'period_mean', { periods, count: first.periods.length });
}

/** What a figure's overlap notes mean, as one clause per kind ("not persons: summed over Läkemedel, …"). */
export function overlapText(notes: readonly OverlapNote[], language: L): string[] {
  const unions = notes.filter((n) => n.combined === 'union');
  const out: string[] = [];
  if (unions.length > 0) out.push(answerText(language, 'overlap_union', { dimensions: unions.map((n) => n.label ?? n.dimension).join(', ') }));
  if (notes.some((n) => n.combined === 'sum')) out.push(answerText(language, 'overlap_sum'));
  return out;
}

function agesText(ages: AgeShareLine['ages'], language: L): string {
  if (!ages) return answerText(language, 'ages_any');
  if (ages.min !== null && ages.max !== null) return answerText(language, 'ages_range', { min: ages.min, max: ages.max });
  if (ages.min !== null) return answerText(language, 'ages_min', { min: ages.min });
  if (ages.max !== null) return answerText(language, 'ages_max', { max: ages.max });
  return answerText(language, 'ages_any');
}

const bandText = (band: string): string => band.replace(/-/g, '–');

/** The assumption line's label: "Assumption: share aged 6–17 years of the age band 0–19 (from “SCB …”)". */
export function assumptionLabel(line: AgeShareLine, language: L): string {
  const head = answerText(language, 'assumption', { ages: agesText(line.ages, language), bands: line.bands.map((b) => bandText(b.band)).join(', ') });
  const source = line.source.kind === 'uniform' ? answerText(language, 'assumption_source_uniform') : answerText(language, 'assumption_source_table', { table: line.source.name });
  return `${head} (${source})`;
}

/** Each band's share as "0–19: 60,5 % (45,4–75,6 %)", national, with the range applied. */
export function assumptionShares(line: AgeShareLine, language: L): string[] {
  return line.bands
    .filter((b) => b.share !== null)
    .map((b) =>
      answerText(language, 'assumption_share', {
        band: bandText(b.band),
        point: formatPercent(b.share!.point, language),
        low: formatPercent(b.share!.low, language),
        high: formatPercent(b.share!.high, language),
      }),
    );
}

/** A line of the attrition in words: the step's label, the assumption's, or `baseLabel` for the base. */
export function attritionLabel(step: Pick<AttritionStep, 'type' | 'label' | 'assumption' | 'projection'>, language: L, baseLabel: string): string {
  if (step.type === 'base') return baseLabel;
  if (step.type === 'projection' && step.projection) return projectionLineText(step.projection, language);
  if (step.type === 'assumption' && step.assumption) return assumptionLabel(step.assumption, language);
  return step.label;
}

/** How a dimension is named in labels: its header as the data wrote it, else its key. */
export function dimensionName(dimensions: readonly Pick<Dimension, 'key' | 'label'>[], key: string): string {
  return dimensions.find((d) => d.key === key)?.label ?? key;
}

/** The dimensions of the datasets, for labels. */
export function dimensionsOf(datasets: readonly Pick<Dataset, 'dimensions'>[]): Dimension[] {
  return datasets.flatMap((d) => d.dimensions);
}

/** A readable label for a criterion: "Läkemedel: N06BA04 Metylfenidat", "Ålder 6–17 år", "Diagnos: C18–C20". */
export function predicateLabel(predicate: Predicate, language: L, dimensions: readonly Pick<Dimension, 'key' | 'label'>[] = []): string {
  switch (predicate.kind) {
    case 'codes':
      return answerText(language, 'label_codes', { codes: predicate.codes.map(bandText).join(', ') });
    case 'age':
      return answerText(language, 'label_age', { ages: agesText({ min: predicate.min, max: predicate.max }, language) });
    case 'sex':
      return answerText(language, predicate.sex === 'male' ? 'label_sex_male' : 'label_sex_female');
    case 'region':
      return answerText(language, 'label_region', { regions: predicate.regions.map((c: CountyCode) => regionName(c, language)).join(', ') });
    case 'extra':
      return answerText(language, 'label_values', { dimension: dimensionName(dimensions, predicate.key), values: predicate.values.join(', ') });
    case 'hierarchy':
      return answerText(language, 'label_values', { dimension: dimensionName(dimensions, predicate.key), values: predicate.codes.join(', ') });
    case 'not':
      return answerText(language, 'label_not', { label: predicateLabel(predicate.predicate, language, dimensions) });
    case 'and':
      return predicate.all.map((p) => predicateLabel(p, language, dimensions)).join(answerText(language, 'label_and_separator'));
    case 'or':
      return answerText(language, 'label_or', { parts: predicate.any.map((p) => predicateLabel(p, language, dimensions)).join(', ') });
  }
}
