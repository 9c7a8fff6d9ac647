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
 * measure), 2 on a usage error.
 */
import type { Basis, Dataset } from '../../shared/counts/dataset';
import type { Study } from '../../shared/criteria/study';
import { parseStudyFile } from '../../shared/criteria/study-schema';
import { estimateEligible } from '../../shared/estimate/estimate';
import type { EstimateResult, EstimateWarning } from '../../shared/estimate/types';
import { analyseFile } from '../../shared/import/analyse-file';
import { buildDataset, type MeasureDataset } from '../../shared/import/build-dataset';
import { formatProblem, ImportRefusedError, type ImportProblem } from '../../shared/import/problems';
import { QueryError, selectMeasure } from '../../shared/import/query-dataset';
import { MAX_EXTRA_SITES, projectRecruitment, type RecruitmentProjection } from '../../shared/recruitment/project';
import { verdictFromProbability, type VerdictResult } from '../../shared/recruitment/verdict';
import { DEFAULT_HALLAND_RULE, type CountyCode, type HallandRule, regionName, healthcareRegionName } from '../../shared/regions/regions';
import { formatters, renderTable, type Formatters } from '../format';
import { translator, type Translate } from '../i18n';
import { analyseOptionsFrom, IMPORT_OPTIONS, phrasesFor, type CommandIo } from './inspect';
import type { PhraseTable } from '../../shared/import/phrases';
import { HALLAND_OPTION_HELP, parseHallandOption } from './halland-option';
import { parseCommandArgs } from './command-args';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/text/language';
import type { Interval } from '../../shared/utils/interval';

const ESTIMATE_USAGE =
  'usage: antal estimate --study STUDY.json --data FILE [--data FILE]... [--measure NAME] [--population FILE]\n' +
  '       [--kind incident|prevalent] [--region-basis residence|care] [--json] [--lang sv|en]\n' +
  `       [${HALLAND_OPTION_HELP}]\n` +
  '       [--sheet NAME] [--encoding ENC] [--delimiter D] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...]\n';

/** Texts of this command that the shared CLI messages (cli/i18n.ts) do not have. */
const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    dataLine: '{file}: mått "{measure}" ({unit}, {kind}, region efter {regionBasis}), {cells} celler, {masked} maskerade, {from}–{to}',
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
    studyInvalid: '{file}: studiefilen har fel:',
    importRefused: '{file}: filen kan inte importeras ({count} fel):',
    straddlingPopulation: 'Åldersgrupperna {bands} ligger över en åldersgräns; andelen inom gränsen vägdes med befolkningen per ettårsålder.',
  },
  en: {
    dataLine: '{file}: measure "{measure}" ({unit}, {kind}, region by {regionBasis}), {cells} cells, {masked} masked, {from}–{to}',
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
    studyInvalid: '{file}: the study file has errors:',
    importRefused: '{file}: the file cannot be imported ({count} errors):',
    straddlingPopulation: 'Age bands {bands} straddle an age limit; the share inside was weighted by the population at each year of age.',
  },
};

/** What `--json` prints. */
export interface EstimateCommandResult {
  study: Pick<Study, 'id' | 'version' | 'title' | 'population'>;
  datasets: DatasetUsed[];
  population?: DatasetUsed;
  hallandRule: HallandRule;
  estimate: EstimateResult;
  projection?: RecruitmentProjection;
  verdict?: VerdictResult;
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

/** An input problem: printed as is, exit 1. */
class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

type Options = ReturnType<typeof analyseOptionsFrom>;

async function importCounts(
  path: string,
  io: CommandIo,
  importOptions: Options,
  measure: string | undefined,
  basis: Partial<Pick<Basis, 'kind' | 'regionBasis'>>,
  text: (key: string, params?: Record<string, string>) => string,
  wantPopulation = false,
  /** The import problems' language (the report's). */
  phrases: PhraseTable = phrasesFor('en'),
): Promise<MeasureDataset> {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw new InputError([`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const refused = (errors: ImportProblem[]): InputError =>
    new InputError([
      text('importRefused', { file: path, count: String(errors.length) }),
      ...errors.slice(0, 50).map((e) => `  ${formatProblem(e, phrases)}`),
      ...(errors.length > 50 ? [`  … and ${errors.length - 50} more`] : []),
    ]);
  const preview = await analyseFile({ name: path, bytes }, importOptions);
  if (preview.errors.length > 0) throw refused(preview.errors);
  let imported;
  try {
    imported = buildDataset(preview, preview.mapping, { publisher: path, basis });
  } catch (error) {
    if (error instanceof ImportRefusedError) throw refused(error.errors);
    throw error;
  }
  let chosen: MeasureDataset;
  try {
    chosen = wantPopulation && measure === undefined ? (imported.measures.find((m) => m.spec.kind === 'population') ?? selectMeasure(imported)) : selectMeasure(imported, measure);
  } catch (error) {
    if (error instanceof QueryError) throw new InputError([`${path}: ${error.message}`]);
    throw error;
  }
  const addable = chosen.spec.kind === 'count' || (wantPopulation && chosen.spec.kind === 'population');
  if (!addable) {
    const names = imported.measures.map((m) => `"${m.name}" [${m.spec.kind}]`).join(', ');
    throw new InputError([`${path}: the measure "${chosen.name}" is a ${chosen.spec.kind}, not a count that can be added up; choose one with --measure (the file has ${names})`]);
  }
  return chosen;
}

function used(path: string, measure: MeasureDataset, kindAssumed: boolean): DatasetUsed {
  const d = measure.dataset;
  let masked = 0;
  for (let i = 0; i < d.cellCount; i++) masked += d.masked[i]!;
  return {
    file: path,
    measure: measure.name,
    id: d.id,
    basis: d.basis,
    kindAssumed,
    cells: d.cellCount,
    maskedCells: masked,
    periodFrom: d.provenance.periodFrom,
    periodTo: d.provenance.periodTo,
    sha256: d.provenance.sha256,
  };
}

export async function runEstimate(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    ...IMPORT_OPTIONS,
    study: { type: 'string' },
    data: { type: 'string', multiple: true },
    measure: { type: 'string' },
    population: { type: 'string' },
    kind: { type: 'string' },
    'region-basis': { type: 'string' },
    halland: { type: 'string' },
    lang: { type: 'string' },
  }, ESTIMATE_USAGE, io, { positionals: false });
  if (typeof parsed === 'number') return parsed;
  const { values, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(`--lang must be sv or en, got "${language}"`);
  if (!values.study) return usage('--study STUDY.json is required');
  if (!values.data || values.data.length === 0) return usage('at least one --data FILE is required');
  if (values.kind !== undefined && values.kind !== 'incident' && values.kind !== 'prevalent') return usage(`--kind must be incident or prevalent, got "${values.kind}"`);
  const regionBasis = values['region-basis'];
  if (regionBasis !== undefined && regionBasis !== 'residence' && regionBasis !== 'care') return usage(`--region-basis must be residence or care, got "${regionBasis}"`);
  let importOptions: Options;
  let hallandRule: HallandRule;
  try {
    importOptions = analyseOptionsFrom(values);
    hallandRule = values.halland === undefined ? DEFAULT_HALLAND_RULE : parseHallandOption(values.halland);
  } catch (error) {
    return usage((error as Error).message);
  }
  const text = (key: string, params: Record<string, string> = {}): string => TEXT[language][key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

  try {
    const study = readStudy(values.study, io, text);
    const kind = (values.kind as Basis['kind'] | undefined) ?? study.population.kind;
    const basis: Partial<Pick<Basis, 'kind' | 'regionBasis'>> = { kind, ...(regionBasis ? { regionBasis: regionBasis as Basis['regionBasis'] } : {}) };
    const datasets: Dataset[] = [];
    const datasetsUsed: DatasetUsed[] = [];
    for (const path of values.data) {
      const measure = await importCounts(path, io, importOptions, values.measure, basis, text, false, phrasesFor(language));
      datasets.push(measure.dataset);
      datasetsUsed.push(used(path, measure, values.kind === undefined));
    }
    let population: { dataset: Dataset; used: DatasetUsed } | undefined;
    if (values.population) {
      const measure = await importCounts(values.population, io, importOptions, undefined, { kind: 'prevalent' }, text, true, phrasesFor(language));
      population = { dataset: measure.dataset, used: used(values.population, measure, false) };
    }
    const estimate = estimateEligible(study, datasets, population ? { hallandRule, population: population.dataset } : { hallandRule });
    const result: EstimateCommandResult = {
      study: { id: study.id, version: study.version, title: study.title, population: study.population },
      datasets: datasetsUsed,
      hallandRule,
      estimate,
    };
    if (population) result.population = population.used;
    if (study.recruitment.sites.length > 0) {
      result.projection = projectRecruitment(study, estimate);
      result.verdict = verdictFromProbability(result.projection.probability, study.verdictThresholds);
    }
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderEstimate(result, study, language, text));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`${translator(language)('runtimeError', { message: error instanceof Error ? error.message : String(error) })}\n`);
    return 1;
  }
}

function readStudy(path: string, io: CommandIo, text: (key: string, params?: Record<string, string>) => string): Study {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw new InputError([`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([text('studyInvalid', { file: path }), '  (the study): not UTF-8 text']);
  }
  const parsed = parseStudyFile(source);
  if (!parsed.ok) {
    throw new InputError([text('studyInvalid', { file: path }), ...parsed.issues.map((i) => `  ${i.path === '' ? '(the study)' : i.path}: ${i.message}`)]);
  }
  return parsed.study;
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

function warningText(warning: EstimateWarning, t: Translate, text: (key: string, params?: Record<string, string>) => string, stepLabel: (id: string) => string, count: (n: number) => string): string {
  switch (warning.code) {
    case 'independence':
      return t('warning.independence', { steps: warning.steps.map(stepLabel).join(', ') });
    case 'synthetic-data':
      return t('warning.synthetic-data', { dataset: warning.dataset });
    case 'masked-cells':
      return t('warning.masked-cells', { count: count(warning.count) });
    case 'straddling-age-band':
      return warning.weighting === 'population' ? text('straddlingPopulation', { bands: warning.bands.join(', ') }) : t('warning.straddling-age-band', { bands: warning.bands.join(', ') });
    case 'basis-mismatch':
      return t('warning.basis-mismatch', { detail: warning.detail });
    case 'unresolved-criterion':
      return t('warning.unresolved-criterion', { dimensions: warning.dimensions.join(', ') });
  }
}

export function renderEstimate(result: EstimateCommandResult, study: Study, language: Language, text: (key: string, params?: Record<string, string>) => string): string {
  const t = translator(language);
  const f = formatters(language);
  const { estimate } = result;
  const number = (x: number): string => f.decimal(x, 1);
  const interval = (i: Interval): string[] => [number(i.low), number(i.point), number(i.high)];
  const stepLabel = (id: string): string => study.steps.find((s) => s.id === id)?.label ?? id;
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
        from: d.periodFrom,
        to: d.periodTo,
      })}`,
    );
  }
  if (result.datasets.some((d) => d.kindAssumed)) out.push(text('kindAssumed', { kind: text(`kind_${study.population.kind}`) }));
  if (result.population) out.push(text('population', { file: result.population.file, measure: result.population.measure }));
  const first = result.datasets[0]!;
  out.push(
    study.population.kind === 'incident'
      ? t('basisIncident', { from: first.periodFrom, to: first.periodTo, years: f.decimal(study.population.windowYears, study.population.windowYears % 1 === 0 ? 0 : 1) })
      : t('basisPrevalent'),
    '',
  );

  out.push(t('eligibleByRegion'));
  const regionRows = estimate.regions.map((r) => [regionName(r.region, language), ...interval(r.eligible), f.count(r.cells), f.count(r.maskedCells)]);
  regionRows.push([t('nationalSum'), ...interval(estimate.national), f.count(estimate.regions.reduce((n, r) => n + r.cells, 0)), f.count(estimate.regions.reduce((n, r) => n + r.maskedCells, 0))]);
  if (estimate.nationalPublished) regionRows.push([t('nationalPublished'), ...interval(estimate.nationalPublished), '', '']);
  if (estimate.unknownRegion) regionRows.push([text('unknownRegion'), ...interval(estimate.unknownRegion), '', '']);
  out.push(renderTable([t('region'), t('low'), t('point'), t('high'), text('cells'), t('maskedCells')], regionRows), '');

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
        step.type === 'base' ? t('base') : `${step.label}${step.enabled ? '' : ` ${t('disabled')}`}`,
        ...interval(step.total),
        f.percent(step.remainingShare, 1),
        step.type === 'base' ? '' : f.percent(step.lostShare, 1),
        step.totalPublished ? number(step.totalPublished.point) : '',
      ]),
    ),
  );
  if (estimate.mostLimitingStepId) out.push(`${t('mostLimiting')}: ${stepLabel(estimate.mostLimitingStepId)}`);
  out.push('');

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
    for (const w of estimate.warnings) out.push(`- ${warningText(w, t, text, stepLabel, f.count)}`);
  }
  return `${out.join('\n')}\n`;
}
