/**
 * The method description as sections (id, title, paragraphs), worded for one answer's parameters or generically.
 * The in-app method page shows every section; the letter's method section is the paragraphs of the sections that
 * apply to its snapshot, in the same order (`letterMethodParagraphs`). Pure: the same inputs give the same words.
 * Numbers use the letter's own formatter (not Intl), so the page prints exactly the digits the letter prints.
 */
import type { AnswerSnapshot, SnapshotAnswer } from '../answer/snapshot';
import type { Study } from '../criteria/study';
import { describeDisclosurePolicy, type DisclosurePolicy } from '../disclosure';
import type { RangedInput } from '../recruitment/project';
import type { EstimateWarning } from '../estimate/types';
import { formatCount, formatNumber, formatPercent } from '../text/format';
import { fill } from '../text/template';
import { METHOD_TEXTS, type MethodTextKey } from './texts';
import type { Language } from '../text/language';
import type { AnswerProjection } from '../answer/projection';
import { projectionLineText, refusalText, trendMethodText } from '../trend/texts';

export const METHOD_SECTION_IDS = ['data', 'intervals', 'independence', 'trend', 'forecast', 'verdict', 'disclosure'] as const;
export type MethodSectionId = (typeof METHOD_SECTION_IDS)[number];

export function isMethodSectionId(value: unknown): value is MethodSectionId {
  return typeof value === 'string' && (METHOD_SECTION_IDS as readonly string[]).includes(value);
}

export interface MethodSection {
  id: MethodSectionId;
  title: string;
  paragraphs: string[];
  /** False when the section does not apply to the answer (or there is none): generic wording, not in a letter. */
  applies: boolean;
}

/** The parameters of one answer that the method text names. */
export interface MethodInputs {
  /** Labels of the criteria whose proportions were multiplied (the independence warning); empty when none were. */
  independenceSteps: readonly string[];
  /** The recruitment model as run; null when the study names no sites (no projection, no verdict). */
  forecast: {
    alpha: number;
    /** The ranged inputs in the forecast's distribution, and over how many quadrature combinations. */
    mixture: { ranges: readonly RangedInput[]; components: number };
    /** Set when the planned start had passed and the forecast ran from today. */
    startMoved: { planned: string; today: string; deadline: string } | null;
    thresholds: { veryGood: number; good: number };
  } | null;
  /** The whole policy: its name and version, and its rules (k, how small values and zeros print, rounding) in words. */
  policy: DisclosurePolicy;
  /** The projection to the recruitment period when the study turned it on (the line or its refusal); null when off. */
  trend?: AnswerProjection | null;
}

/** The trend method's "last N periods" for the setting's window (a window from a year: its years up to the last). */
function windowPeriods(projection: AnswerProjection): number {
  const window = projection.setting.window;
  if ('periods' in window) return window.periods;
  const outcome = projection.outcome;
  const from = Number(window.from);
  const to = outcome.ok ? Number(outcome.line.from) : NaN;
  return Number.isInteger(from) && Number.isInteger(to) && to >= from ? to - from + 1 : 0;
}

/** The method inputs of a computed answer, with the disclosure policy in force. */
export function methodInputs(study: Study, answer: SnapshotAnswer, policy: DisclosurePolicy): MethodInputs {
  const independence = answer.estimate.warnings.find((w): w is Extract<EstimateWarning, { code: 'independence' }> => w.code === 'independence');
  const label = (id: string) => study.steps.find((s) => s.id === id)?.label ?? id;
  const p = answer.projection;
  return {
    independenceSteps: independence ? independence.steps.map(label) : [],
    forecast:
      study.recruitment.sites.length > 0
        ? {
            alpha: p.alpha,
            // Snapshots made before the forecast was exact have no mixture: no range was in their distribution.
            mixture: { ranges: [...(p.mixture?.ranges ?? [])], components: p.mixture?.components ?? 1 },
            startMoved: p.startNotice?.kind === 'moved-to-today' ? { planned: p.startNotice.plannedStartDate, today: p.startNotice.today, deadline: p.deadlineDate } : null,
            thresholds: { ...answer.verdict.thresholds },
          }
        : null,
    policy,
    trend: answer.estimate.projected ?? null,
  };
}

export function snapshotMethodInputs(snapshot: AnswerSnapshot): MethodInputs {
  return methodInputs(snapshot.study, snapshot.answer, snapshot.settings.disclosurePolicy);
}

/** Every section, in order: worded for `inputs` where it applies, generically otherwise (and when inputs is null). */
export function methodSections(language: Language, inputs: MethodInputs | null): MethodSection[] {
  const table = METHOD_TEXTS[language];
  const t = (key: MethodTextKey, params?: Record<string, string>) => fill(table[key], params);
  const section = (id: MethodSectionId, applies: boolean, paragraphs: string[]): MethodSection => ({ id, title: t(`title_${id}`), paragraphs, applies });
  const steps = inputs?.independenceSteps ?? [];
  const forecast = inputs?.forecast ?? null;
  const policy = inputs?.policy ?? null;
  const trend = inputs?.trend ?? null;
  const trendParagraphs = (p: AnswerProjection): string[] => [
    p.outcome.ok ? t('methodTrendApplied', { line: projectionLineText(p.outcome.line, language).replace(/\s*→\s*/g, '–') }) : t('methodTrendRefused', { reason: refusalText(p.outcome.refusal, language) }),
    ...(p.outcome.ok ? [trendMethodText(language, { periods: windowPeriods(p), level: p.setting.level })] : []),
  ];
  const forecastParagraphs = (f: NonNullable<MethodInputs['forecast']>): string[] => [
    t('methodRecruitment', { alpha: formatNumber(f.alpha, language, 2) }),
    f.mixture.ranges.length > 0
      ? t('methodRanges', { ranges: f.mixture.ranges.map((r) => t(`range_${r}`)).join(', '), components: formatCount(f.mixture.components, language) })
      : t('methodNoRanges'),
    t('methodSiteRate'),
    ...(f.startMoved ? [t('methodStartMoved', f.startMoved)] : []),
  ];
  return [
    section('data', inputs !== null, [t('method1'), t('method2')]),
    section('intervals', inputs !== null, [t('methodIntervals')]),
    steps.length > 0
      ? section('independence', true, [t('methodIndependence', { steps: steps.join(', ') })])
      : section('independence', false, [t('methodIndependenceGeneric')]),
    trend ? section('trend', true, trendParagraphs(trend)) : section('trend', false, [t('methodTrendGeneric')]),
    forecast ? section('forecast', true, forecastParagraphs(forecast)) : section('forecast', false, [t('methodRecruitmentGeneric'), t('methodRangesGeneric'), t('methodSiteRate')]),
    forecast
      ? section('verdict', true, [
          t('methodVerdict', { veryGood: formatPercent(forecast.thresholds.veryGood, language, 0), good: formatPercent(forecast.thresholds.good, language, 0) }),
        ])
      : section('verdict', false, [t('methodVerdictGeneric')]),
    policy
      ? section('disclosure', true, [t('methodDisclosure', { policy: policy.name, version: policy.version }), describeDisclosurePolicy(policy, language), t('methodHidden')])
      : section('disclosure', false, [t('methodDisclosureGeneric'), t('methodHidden')]),
  ];
}

/** The letter's method section: the paragraphs of the sections that apply to the answer, in page order. */
export function letterMethodParagraphs(language: Language, inputs: MethodInputs): string[] {
  return methodSections(language, inputs)
    .filter((s) => s.applies)
    .flatMap((s) => s.paragraphs);
}
