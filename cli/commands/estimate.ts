/**
 * `antal estimate --study STUDY.json --data FILE [--data FILE]... [--measure NAME] [--population FILE]
 * [--kind incident|prevalent] [--region-basis residence|care] [--json] [--lang sv|en]`: a study file and count
 * files in, the feasibility answer out: eligible patients per region, per healthcare region (with the Halland
 * rule) and for Sweden (the published national total beside the sum of regions when the data answers it), the
 * attrition table, the recruitment projection and verdict when the study names sites, and every warning.
 *
 * The study file is checked for shape (its JSON Schema, shared/criteria/study-schema.ts) and meaning
 * (validateStudy); each data file goes through the import pipeline (analyseFile + buildDataset), and a file with
 * any import error is refused whole, naming file, line and column. Counts files rarely say whether they hold
 * incident or prevalent counts: without --kind the study's kind is assumed, and the output says so.
 *
 * Exit 0 with an answer, 1 when an input is wrong (unreadable file, import errors, invalid study, no usable
 * measure, or a blocking problem: a file of another basis than the study's, a period that selects none of its
 * periods; the problems and their fixes are printed instead of figures), 2 on a usage error.
 */
import { basename } from 'node:path';
import { computeAnswer, type ComputedAnswer } from '../../shared/answer/compute-answer';
import type { Basis } from '../../shared/counts/dataset';
import type { Study } from '../../shared/criteria/study';
import type { Dimension } from '../../shared/counts/dataset';
import type { EstimateResult, OverlapNote, ProblemFix } from '../../shared/estimate/types';
import type { Interval } from '../../shared/utils/interval';
import { periodSpan } from '../../shared/utils/period';
import {
  assumptionShares,
  attritionLabel,
  basisExplanation,
  dimensionsOf,
  fixLabel,
  overlapText,
  periodDescription,
  predicateLabel,
  problemMessage,
} from '../../shared/answer/describe';
import { estimateWarningText, warningContext } from '../../shared/estimate/warning-texts';
import { MAX_EXTRA_SITES, type RecruitmentProjection } from '../../shared/recruitment/project';
import type { VerdictResult } from '../../shared/recruitment/verdict';
import { type CountyCode, type HallandRule, regionName, healthcareRegionName } from '../../shared/regions/regions';
import { formatters, renderTable, type Formatters } from '../format';
import { mostLimitingLine, translator } from '../i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/text/language';
import {
  ANSWER_INPUT_OPTIONS,
  checkAnswerInputFlags,
  commandMoment,
  InputError,
  loadAnswerInputs,
  parseCommandArgs,
  UsageError,
  type AnswerInputs,
  type CommandIo,
  type LoadedDataset,
} from '../inputs';
import { HALLAND_OPTION_HELP } from './halland-option';
import { projectionLineText, projectionNotes, refusalText, type ProjectionLineOutcome } from '../../shared/trend';

const ESTIMATE_OPTIONS = { ...ANSWER_INPUT_OPTIONS, 'project-to': { type: 'string' }, date: { type: 'string' } } as const;

/** `--project-to YEAR`: a calendar year from 1900 to 2200, or a usage error. */
function projectToYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1900 || Number(value) > 2200) throw new UsageError(`--project-to: expected a year such as 2027, got "${value}"`);
  return Number(value);
}

const ESTIMATE_USAGE =
  'usage: antal estimate --study STUDY.json --data FILE [--data FILE]... [--measure NAME] [--population FILE]\n' +
  '       [--kind incident|prevalent] [--region-basis residence|care] [--data-period FROM[..TO]] [--project-to YEAR] [--date YYYY-MM-DD]\n' +
  `       [--json] [--lang sv|en] [${HALLAND_OPTION_HELP}]\n` +
  '       [--sheet NAME] [--encoding ENC] [--delimiter D] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...]\n';

/** Texts of this command that the shared CLI messages (cli/i18n.ts) do not have. */
const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    dataLine: '{file}: mått "{measure}" ({unit}, {kind}, region efter {regionBasis}), {cells} celler, {masked} maskerade, {span}',
    kindAssumed: 'Filen anger inte om antalen är nya fall eller prevalenta; studiens "{kind}" antogs (ange --kind för att säga det).',
    population: 'Befolkningstabell för åldersandelar: {file} (mått "{measure}")',
    unit_persons: 'personer',
    unit_events: 'händelser',
    kind_incident: 'nya fall',
    kind_prevalent: 'prevalenta',
    regionBasis_residence: 'folkbokföring',
    regionBasis_care: 'vårdregion',
    cells: 'Celler',
    unknownRegion: 'Okänd region (ingår inte i summan)',
    noSites: 'Studien anger inga kliniker: ingen rekryteringsprognos.',
    forecastPeriod: 'Rekrytering {start} – {deadline} ({method})',
    method_exact: 'exakt',
    method_mixture: 'exakt, intervallen för {ranges} som fördelning över {components} kombinationer',
    range_eligible: 'regionens antal',
    range_consent: 'samtycke',
    'range_screen-failure': 'screeningbortfall',
    range_dropout: 'avhopp',
    startMoved: 'Den planerade starten {planned} har passerat: prognosen räknar från {today}.',
    deadlinePassed: 'Rekryteringsperioden slutade {deadline}: ingen prognos.',
    siteMissingRate: 'Kliniken {site} har ingen takt per månad och ingår inte i prognosen.',
    siteShare: 'Kliniken {site} anges som {share} av regionens patienter (studiefil version 1); ange klinikens takt per månad.',
    siteAbovePlausible: 'Kliniken {site}: {rate} patienter/mån är mer än hälften av vad regionen rimligen ger ({plausible}/mån).',
    siteAboveCeiling: 'Klinikerna i {region} anger {rate} patienter/mån, mer än regionens alla möjliga deltagare ({ceiling}/mån).',
    expected95: 'Förväntat antal vid slutdatum, 95 %-intervall: {low}–{high}',
    timeToTarget: 'Tid till målet: median {median} månader (80 %-intervall {low}–{high})',
    timeNotReached: 'ej inom 20 år',
    moreSitesNone: 'Fler kliniker: inga behövs för {goal} sannolikhet',
    moreSites: 'Fler kliniker: {count} till (à {rate}/mån, öppnar månad {month}) ger {p} (mål {goal})',
    moreSitesOut: 'Fler kliniker: inte ens {max} till når {goal}',
    julyWeight: 'Säsongsvikter jan–dec: {weights}',
    basis: 'Underlag',
    blocked: 'Svaret kan inte skickas: det har inga siffror förrän detta är löst.',
    fix: 'Åtgärd',
    hintBasis: 'i studiefilen: population {fields}',
    hintPeriod: 'i studiefilen: population.period = {period}',
    hintUnlink: 'ta bort filens --data',
    hintAgeShare: 'i studiefilen: ageShare.source = {"kind": "uniform"}, eller ange tabellen med --population',
    projectionTitle: 'Framskrivning till {year} (--project-to; ett antagande, inte data)',
    projectionTitleStudy: 'Framskrivning till rekryteringsperioden {year} (studiens antagande, inte data)',
    projectionRefused: 'Ingen framskrivning',
    projectionNational: 'Riket (summa av regionerna): {before} → {after}',
    assumptionRange: 'Källans andel gånger {low}–{high}',
  },
  en: {
    dataLine: '{file}: measure "{measure}" ({unit}, {kind}, region by {regionBasis}), {cells} cells, {masked} masked, {span}',
    kindAssumed: 'The file does not say whether its counts are incident or prevalent; the study\'s "{kind}" was assumed (pass --kind to state it).',
    population: 'Population table for age shares: {file} (measure "{measure}")',
    unit_persons: 'persons',
    unit_events: 'events',
    kind_incident: 'incident',
    kind_prevalent: 'prevalent',
    regionBasis_residence: 'residence',
    regionBasis_care: 'care',
    cells: 'Cells',
    unknownRegion: 'Unknown region (not in the sum)',
    noSites: 'The study names no sites: no recruitment projection.',
    forecastPeriod: 'Recruitment {start} – {deadline} ({method})',
    method_exact: 'exact',
    method_mixture: 'exact, the ranges of {ranges} as a distribution over {components} combinations',
    range_eligible: 'the region\'s count',
    range_consent: 'consent',
    'range_screen-failure': 'screen failure',
    range_dropout: 'dropout',
    startMoved: 'The planned start {planned} has passed: the projection runs from {today}.',
    deadlinePassed: 'The recruitment period ended {deadline}: no projection.',
    siteMissingRate: 'Site {site} has no rate per month and is left out of the projection.',
    siteShare: 'Site {site} is given as {share} of its region\'s patients (study file version 1); enter the site\'s rate per month.',
    siteAbovePlausible: 'Site {site}: {rate} patients/month is more than half of what its region plausibly gives ({plausible}/month).',
    siteAboveCeiling: 'The sites in {region} state {rate} patients/month, more than every eligible patient of the region ({ceiling}/month).',
    expected95: 'Expected by the deadline, 95% interval: {low}–{high}',
    timeToTarget: 'Time to target: median {median} months (80% interval {low}–{high})',
    timeNotReached: 'not within 20 years',
    moreSitesNone: 'More sites: none needed for {goal} probability',
    moreSites: 'More sites: {count} more (at {rate}/month, opening in month {month}) give {p} (goal {goal})',
    moreSitesOut: 'More sites: not even {max} more reach {goal}',
    julyWeight: 'Seasonal weights Jan–Dec: {weights}',
    basis: 'Basis',
    blocked: 'The answer cannot be sent: it has no figures until this is resolved.',
    fix: 'Fix',
    hintBasis: 'in the study file: population {fields}',
    hintPeriod: 'in the study file: population.period = {period}',
    hintUnlink: "leave out the file's --data",
    hintAgeShare: 'in the study file: ageShare.source = {"kind": "uniform"}, or give the table with --population',
    projectionTitle: 'Projection to {year} (--project-to; an assumption, not data)',
    projectionTitleStudy: 'Projection to the recruitment period {year} (the study\'s assumption, not data)',
    projectionRefused: 'No projection',
    projectionNational: 'Sweden (sum of regions): {before} → {after}',
    assumptionRange: "The source's share times {low}–{high}",
  },
};

/** What `--json` prints. */
export interface EstimateCommandResult {
  study: Pick<Study, 'id' | 'version' | 'title' | 'population' | 'ageShare'>;
  /** The dimensions of the count files (keys, roles, headers and values), for readable criteria. */
  dimensions: Dimension[];
  datasets: DatasetUsed[];
  population?: DatasetUsed;
  hallandRule: HallandRule;
  estimate: EstimateResult;
  projection?: RecruitmentProjection;
  verdict?: VerdictResult;
  /** With --project-to: the eligible patients projected from the data's last period by its trend, or the refusal. */
  projectedTo?: { year: number; by: 'project-to' | 'study' } & ProjectionLineOutcome;
}

interface DatasetUsed {
  file: string;
  measure: string;
  id: string;
  basis: Basis;
  /** True when the counts' kind (incident/prevalent) was not stated and the study's was assumed. */
  kindAssumed: boolean;
  cells: number;
  maskedCells: number;
  periodFrom: string;
  periodTo: string;
  sha256: string;
}

function used(loaded: LoadedDataset): DatasetUsed {
  const d = loaded.dataset;
  return {
    file: loaded.file,
    measure: loaded.measure,
    id: d.id,
    basis: d.basis,
    kindAssumed: loaded.kindAssumed,
    cells: d.cellCount,
    maskedCells: loaded.maskedCells,
    periodFrom: d.provenance.periodFrom,
    periodTo: d.provenance.periodTo,
    sha256: d.provenance.sha256,
  };
}

/** The answer for the inputs, computed by the core's one computeAnswer (as `letter` and `answer export` do). */
/** The answer on the inputs; with `today` (YYYY-MM-DD) the forecast never starts recruitment before it. */
/** With `projectTo` the figures are projected to that year (as a study whose projection is on, to its own target). */
export function answerFor(inputs: AnswerInputs, today?: string, projectTo?: number): ComputedAnswer {
  const datasets = inputs.datasets.map((d) => d.dataset);
  return computeAnswer(inputs.study, datasets, {
    hallandRule: inputs.hallandRule,
    population: inputs.ageShareTable?.dataset ?? null,
    ...(today !== undefined ? { today } : {}),
    ...(projectTo !== undefined ? { projectToYear: projectTo } : {}),
  });
}

export async function runEstimate(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, ESTIMATE_OPTIONS, ESTIMATE_USAGE, io, { positionals: false });
  if (typeof parsed === 'number') return parsed;
  const { values, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(`--lang must be sv or en, got "${language}"`);
  let projectTo: number | undefined;
  try {
    checkAnswerInputFlags(values);
    projectTo = projectToYear(values['project-to']);
  } catch (error) {
    return usage((error as Error).message);
  }
  const text = (key: string, params: Record<string, string> = {}): string => TEXT[language][key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

  try {
    // The forecast never starts recruitment before today (--date, else SOURCE_DATE_EPOCH, else the clock).
    const today = commandMoment(values.date, io, { wholeDay: true }).day;
    const inputs = await loadAnswerInputs(values, io, language);
    const { study } = inputs;
    const answer = answerFor(inputs, today, projectTo);
    const result: EstimateCommandResult = {
      study: { id: study.id, version: study.version, title: study.title, population: study.population, ageShare: study.ageShare },
      dimensions: dimensionsOf(inputs.datasets.map((d) => d.dataset)),
      datasets: inputs.datasets.map(used),
      hallandRule: inputs.hallandRule,
      estimate: answer.estimate,
    };
    if (inputs.ageShareTable) result.population = used(inputs.ageShareTable);
    if (study.recruitment.sites.length > 0) {
      result.projection = answer.projection;
      result.verdict = answer.verdict;
    }
    // The answer's own projection (the study's, or --project-to's year): its figures are already the projected ones.
    const projected = answer.estimate.projected;
    if (projected) result.projectedTo = { year: Number(projected.target.label), by: projectTo !== undefined ? 'project-to' : 'study', ...projected.outcome };
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderEstimate(result, study, language, text));
    // An answer with blocking problems has no figures to send: an input is wrong.
    return (answer.estimate.blocking ?? []).length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`${translator(language)('runtimeError', { message: error instanceof Error ? error.message : String(error) })}\n`);
    return 1;
  }
}

/** `*` for a line that sums over overlapping regions only, `†` when it is a union of overlapping values. */
function overlapMark(notes: readonly OverlapNote[]): string {
  return notes.some((n) => n.combined === 'union') ? '†' : '*';
}

/** How to apply a fix from the command line (the study file or the flags). */
function fixHint(fix: ProblemFix, text: (key: string, params?: Record<string, string>) => string): string {
  switch (fix.kind) {
    case 'set-basis':
      return ` (${text('hintBasis', { fields: Object.entries(fix.basis).map(([k, v]) => `"${k}": "${v}"`).join(', ') })})`;
    case 'set-period':
      return ` (${text('hintPeriod', { period: JSON.stringify(fix.period) })})`;
    case 'unlink-dataset':
      return ` (${text('hintUnlink')})`;
    case 'set-age-share-source':
      return ` (${text('hintAgeShare')})`;
  }
}

/** The forecast's dates, method, time to target and site search, as text lines. */
function forecastLines(projection: RecruitmentProjection, text: (key: string, params?: Record<string, string>) => string, f: Formatters, regionName: (code: CountyCode) => string): string[] {
  const method =
    projection.mixture.ranges.length > 0
      ? text('method_mixture', { ranges: projection.mixture.ranges.map((r) => text(`range_${r}`)).join(', '), components: f.count(projection.mixture.components) })
      : text('method_exact');
  const siteName = (id: string): string => projection.sites.find((s) => s.siteId === id)?.name ?? id;
  const notices: string[] = [];
  if (projection.startNotice?.kind === 'moved-to-today') notices.push(text('startMoved', { planned: projection.startNotice.plannedStartDate, today: projection.startNotice.today }));
  if (projection.startNotice?.kind === 'deadline-passed') notices.push(text('deadlinePassed', { deadline: projection.startNotice.deadlineDate }));
  for (const w of projection.warnings) {
    if (w.code === 'missing-rate') notices.push(text('siteMissingRate', { site: siteName(w.siteId) }));
    else if (w.code === 'share-of-region') notices.push(text('siteShare', { site: siteName(w.siteId), share: f.percent(w.shareOfRegion) }));
    else if (w.code === 'above-plausible') notices.push(text('siteAbovePlausible', { site: siteName(w.siteId), rate: f.decimal(w.ratePerMonth), plausible: f.decimal(w.plausiblePerMonth) }));
    else notices.push(text('siteAboveCeiling', { region: regionName(w.region), rate: f.decimal(w.ratePerMonth), ceiling: f.decimal(w.ceilingPerMonth) }));
  }
  const months = (m: number | null): string => (m === null ? text('timeNotReached') : f.decimal(m));
  const more = projection.additionalSites;
  const goal = f.percent(more.goal);
  return [
    ...notices,
    text('forecastPeriod', { start: projection.startDate, deadline: projection.deadlineDate, method }),
    text('julyWeight', { weights: projection.seasonalWeights.map((w) => f.decimal(w)).join(' ') }),
    text('timeToTarget', { median: months(projection.medianMonthsToTarget), low: months(projection.monthsToTarget80.low), high: months(projection.monthsToTarget80.high) }),
    more.count === 0
      ? text('moreSitesNone', { goal })
      : more.count === null
        ? text('moreSitesOut', { max: f.count(MAX_EXTRA_SITES), goal })
        : text('moreSites', { count: f.count(more.count), rate: f.decimal(more.ratePerMonth), month: f.decimal(more.activationMonth), p: f.percent(more.probability ?? 0), goal }),
  ];
}


export function renderEstimate(result: EstimateCommandResult, study: Study, language: Language, text: (key: string, params?: Record<string, string>) => string): string {
  const t = translator(language);
  const f = formatters(language);
  const { estimate } = result;
  const number = (x: number): string => f.decimal(x, 1);
  const interval = (i: Interval): string[] => [number(i.low), number(i.point), number(i.high)];
  const dimensions = result.dimensions;
  const stepLabel = (id: string): string => {
    const step = study.steps.find((s) => s.id === id);
    if (!step) return id;
    return step.label.trim() || (step.rule.kind === 'predicate' ? predicateLabel(step.rule.predicate, language, dimensions) : id);
  };
  const out: string[] = [];

  out.push(`${t('study')}: ${study.title} (${study.id}, v${study.version})`);
  for (const d of result.datasets) {
    out.push(
      `${t('data')}: ${text('dataLine', {
        file: d.file,
        measure: d.measure,
        unit: text(`unit_${d.basis.unit}`),
        kind: text(`kind_${d.basis.kind}`),
        regionBasis: text(`regionBasis_${d.basis.regionBasis}`),
        cells: f.count(d.cells),
        masked: f.count(d.maskedCells),
        span: periodSpan(d.periodFrom, d.periodTo),
      })}`,
    );
  }
  if (result.datasets.some((d) => d.kindAssumed)) out.push(text('kindAssumed', { kind: text(`kind_${study.population.kind}`) }));
  if (result.population) out.push(text('population', { file: result.population.file, measure: result.population.measure }));
  out.push(`${text('basis')}: ${basisExplanation(study.population, language)}`);
  if (estimate.period) out.push(periodDescription(estimate.period, language));
  out.push('');

  const blocking = estimate.blocking ?? [];
  if (blocking.length > 0) {
    // No figures to send: the problems and their fixes, nothing else.
    out.push(text('blocked'));
    const datasetName = (id: string): string => result.datasets.find((d) => d.id === id)?.file ?? id;
    for (const problem of blocking) {
      out.push(`- ${problemMessage(problem, language)}`);
      for (const fix of problem.fixes) out.push(`    ${text('fix')}: ${fixLabel(fix, language, datasetName)}${fixHint(fix, text)}`);
    }
    return `${out.join('\n')}\n`;
  }

  out.push(t('eligibleByRegion'));
  const regionRows = estimate.regions.map((r) => [regionName(r.region, language), ...interval(r.eligible), f.count(r.cells), f.count(r.maskedCells)]);
  regionRows.push([`${t('nationalSum')}${estimate.nationalOverlap ? ' *' : ''}`, ...interval(estimate.national), f.count(estimate.regions.reduce((n, r) => n + r.cells, 0)), f.count(estimate.regions.reduce((n, r) => n + r.maskedCells, 0))]);
  if (estimate.nationalPublished) regionRows.push([t('nationalPublished'), ...interval(estimate.nationalPublished), '', '']);
  if (estimate.unknownRegion) regionRows.push([text('unknownRegion'), ...interval(estimate.unknownRegion), '', '']);
  out.push(renderTable([t('region'), t('low'), t('point'), t('high'), text('cells'), t('maskedCells')], regionRows));
  if (estimate.nationalOverlap) out.push(...overlapText(estimate.nationalOverlap, language).map((line) => `* ${line}`));
  out.push('');

  out.push(t('healthcareRegions'));
  out.push(renderTable([t('healthcareRegion'), t('low'), t('point'), t('high')], estimate.healthcareRegions.map((h) => [healthcareRegionName(h.id, language), ...interval(h.eligible)])));
  const rule = result.hallandRule;
  out.push(
    rule.kind === 'population-split'
      ? t('hallandSplit', { sodra: f.percent(rule.sodraShare, 1), vastra: f.percent(1 - rule.sodraShare, 1) })
      : t('hallandAllTo', { region: healthcareRegionName(rule.healthcareRegion, language) }),
    '',
  );

  out.push(t('attrition'));
  out.push(
    renderTable(
      [t('step'), t('low'), t('point'), t('high'), t('remaining'), t('lost'), t('publishedColumn')],
      estimate.attrition.map((step) => [
        `${step.type === 'base' ? t('base') : step.type === 'assumption' || step.type === 'projection' ? `  ${attritionLabel(step, language, t('base'))}` : `${stepLabel(step.stepId)}${step.enabled ? '' : ` ${t('disabled')}`}`}${step.overlap ? ` ${overlapMark(step.overlap)}` : ''}`,
        ...interval(step.total),
        f.percent(step.remainingShare, 1),
        step.type === 'base' || step.type === 'projection' ? '' : f.percent(step.lostShare, 1),
        step.totalPublished ? number(step.totalPublished.point) : '',
      ]),
    ),
  );
  const marks = new Map<string, string[]>();
  for (const step of estimate.attrition) if (step.overlap) marks.set(overlapMark(step.overlap), overlapText(step.overlap, language));
  for (const [mark, lines] of marks) out.push(`${mark} ${lines.join('; ')}`);
  for (const step of estimate.attrition) {
    if (step.assumption) {
      out.push(`${attritionLabel(step, language, t('base'))}: ${assumptionShares(step.assumption, language).join('; ')}`);
      out.push(`  ${text('assumptionRange', { low: f.decimal(step.assumption.range.low, 2), high: f.decimal(step.assumption.range.high, 2) })}${step.assumption.note ? ` — ${step.assumption.note}` : ''}`);
    }
  }
  const limiting = mostLimitingLine(estimate, t, (share) => f.percent(share, 1));
  if (limiting) out.push(limiting);
  out.push('');

  const projected = result.projectedTo;
  if (projected) {
    out.push(text(projected.by === 'study' ? 'projectionTitleStudy' : 'projectionTitle', { year: String(projected.year) }));
    if (projected.ok) {
      const { line } = projected;
      const range = (i: Interval): string => `${f.count(Math.round(i.point))} (${f.count(Math.round(i.low))}–${f.count(Math.round(i.high))})`;
      out.push(projectionLineText(line, language));
      out.push(...projectionNotes(line.national, language).map((note) => `  ${note}`));
      out.push(text('projectionNational', { before: range(line.before), after: range(line.after) }));
      out.push(
        renderTable(
          [t('region'), t('low'), t('point'), t('high')],
          estimate.regions.flatMap((r) => {
            const p = line.regions[r.region];
            return p ? [[regionName(r.region, language), ...interval(p.after)]] : [];
          }),
        ),
      );
    } else {
      out.push(`${text('projectionRefused')}: ${refusalText(projected.refusal, language)}`);
    }
    out.push('');
  }

  const { projection, verdict } = result;
  if (projection && verdict) {
    out.push(t('recruitment'));
    out.push(t('recruitmentPlan', { target: f.count(projection.target), months: f.count(projection.months), sites: f.count(projection.sites.length) }));
    const rate = projection.totalRatePerMonth;
    out.push(`${t('totalRate')}: ${t('totalRateValue', { point: f.decimal(rate.point), low: f.decimal(rate.low), high: f.decimal(rate.high) })}`);
    const expected = projection.expectedByDeadline;
    out.push(`${t('expectedByDeadline')}: ${t('expectedValue', { point: f.count(expected.point), low: f.count(expected.low), high: f.count(expected.high) })}`);
    out.push(text('expected95', { low: f.count(projection.expectedByDeadline95.low), high: f.count(projection.expectedByDeadline95.high) }));
    out.push(`${t('probability')}: ${t('probabilityValue', { p: f.percent(projection.probability), low: f.percent(projection.probabilityRange.low), high: f.percent(projection.probabilityRange.high) })}`);
    out.push(...forecastLines(projection, text, f, (code) => regionName(code, language)));
    out.push(
      `${t('verdict')}: ${t(`verdict.${verdict.verdict}`)} (${t('verdictRule', { veryGood: f.percent(verdict.thresholds.veryGood), good: f.percent(verdict.thresholds.good) })})`,
      '',
    );
  } else out.push(text('noSites'), '');

  if (estimate.warnings.length > 0) {
    out.push(`${t('warnings')}:`);
    // Datasets by the name a letter gives a count file, never by their ids.
    const datasets = [...result.datasets, ...(result.population ? [result.population] : [])].map((d) => ({ id: d.id, name: `${basename(d.file)} (${d.measure})`, basis: d.basis, dimensions: result.dimensions }));
    const context = { ...warningContext(estimate, datasets, study.steps), stepLabel };
    for (const w of estimate.warnings) out.push(`- ${estimateWarningText(w, language, context)}`);
  }
  return `${out.join('\n')}\n`;
}
