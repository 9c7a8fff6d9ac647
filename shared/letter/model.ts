/**
 * The letter as data: every section, already worded in the snapshot's language, with every count taken from
 * the disclosed figures. Pure: the same snapshot and figures always give the same model. `letterDocument`
 * (document.ts) lays it out for pdfmake; tests read the model directly.
 */
import { formatAuditAnchor } from '../audit/anchor';
import type { AnswerSnapshot, EffAnswers, TriState } from '../answer/snapshot';
import type { CriterionStep } from '../criteria/study';
import { assumptionLabel, assumptionShares, attritionLabel, periodValue } from '../answer/describe';
import { periodSpan } from '../utils/period';
import { regionByCode, type CountyCode, regionName, healthcareRegionName } from '../regions/regions';
import { letterMethodParagraphs, snapshotMethodInputs } from '../method/sections';
import { addMonths, resolvePlan, siteShape } from '../recruitment/plan';
import { printableEnrolment, withheldSiteRegions } from '../recruitment/printable';
import { recruitmentChartSvg } from './charts';
import { regionMapSvg } from './map';
import { printedShare, type LetterFigures, type PrintedInterval } from './figures';
import { formatCount, formatNumber, formatPercent } from '../text/format';
import { countedText, LETTER_TEXTS, letterText, type CountedNoun, type LetterText } from './texts';
import { estimateWarningText, warningContext } from '../estimate/warning-texts';
import { projectionLineText, projectionNotes, refusalText, steadinessText } from '../trend/texts';

/** The letter's font has no arrow: "2020 → 2027" is printed "2020–2027" (a span of years, as the letter writes others). */
const pdfSafe = (text: string): string => text.replace(/\s*→\s*/g, '–');

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'notice' | 'strong' }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][]; /** first numeric column */ numericFrom: number; footRows?: string[][] }
  | { kind: 'svg'; svg: string; width: number; caption: string };

export interface LetterModel {
  language: AnswerSnapshot['language'];
  /** `auditAnchor`: the audit head when the answer was frozen ("seq hash"), written into the PDF's metadata. */
  meta: { title: string; author: string; subject: string; keywords: string; creationDate: string; auditAnchor?: string };
  letterhead: { unitName: string; addressLines: string[]; logo: AnswerSnapshot['unit']['logo'] };
  confidentiality: string | null;
  /** Reference, registration number and date, in this order where present. */
  references: Array<[string, string]>;
  recipient: string[];
  subject: string;
  synthetic: boolean;
  body: LetterBlock[];
  signature: { closing: string; name: string; title: string; unit: string };
  footer: { hash: string; policy: string };
  /** "Sida {page} av {pages}" with the placeholders left for the layout to fill. */
  pageTemplate: string;
}

function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

const intervalCells = (i: PrintedInterval): string[] => [i.low.text, i.point.text, i.high.text];

interface Context {
  snapshot: AnswerSnapshot;
  figures: LetterFigures;
  t: LetterText;
  count(n: number): string;
  percent(share: number, digits?: number): string;
  /** A share in a table column: always one decimal ("0,0 %", "69,2 %", "100,0 %"). */
  columnPercent(share: number): string;
  verdictText: string;
  /** "1 year", "12 months", "120 patients", "4 planned sites" in the letter's language. */
  counted(noun: CountedNoun, value: number): string;
  /** Regions with a site whose point figure the letter does not print as a number. */
  hiddenSiteRegions: CountyCode[];
}

/**
 * What the national figure counts, in the summary's words: patients in the data's period, or new cases over the
 * recruitment window — and, when the projection is applied, that the figure is projected to the recruitment
 * period (the figures printed are the projected ones, so the period alone would misdate them).
 */
function summaryBasis(c: Context): string {
  const { snapshot, t } = c;
  const { study, answer } = snapshot;
  const basis =
    study.population.kind === 'prevalent' && answer.estimate.period
      ? t('summaryBasisPrevalent', { period: periodValue(answer.estimate.period, snapshot.language) })
      : t('summaryBasisIncident', { years: c.counted('years', study.population.windowYears) });
  const projected = answer.estimate.projected;
  return projected?.outcome.ok ? `${basis}, ${t('summaryProjected', { to: projected.outcome.line.to })}` : basis;
}

function summaryBlocks(c: Context): LetterBlock[] {
  const { snapshot, figures, t } = c;
  const { study, answer } = snapshot;
  const n = figures.national;
  const common = {
    point: n.point.text,
    low: n.low.text,
    high: n.high.text,
    // Patients treated in a period are not a number per recruitment window: the letter names the period instead.
    basis: summaryBasis(c),
  };
  const recruiting = study.recruitment.sites.length > 0;
  const text = !recruiting
    ? t('summaryNoSites', common)
    : t(c.hiddenSiteRegions.length > 0 ? 'summaryWithheld' : 'summary', {
        ...common,
        sites: c.counted('plannedSites', study.recruitment.sites.length),
        target: c.counted('patients', study.recruitment.targetPatients),
        months: c.counted('months', study.recruitment.months),
        verdict: c.verdictText,
        probability: c.percent(answer.verdict.probability),
      });
  const blocks: LetterBlock[] = [{ kind: 'heading', text: t('summaryTitle') }, { kind: 'paragraph', text }];
  if (snapshot.datasets.some((d) => d.synthetic)) blocks.unshift({ kind: 'paragraph', text: t('syntheticNotice'), emphasis: 'notice' });
  return blocks;
}

function triAnswer(t: LetterText, answer: { answer: TriState; comment?: string } | undefined): string | null {
  if (!answer) return null;
  const word = t(`tri_${answer.answer}`);
  return answer.comment ? `${word}. ${answer.comment}` : word;
}

function effBlocks(c: Context, eff: EffAnswers | undefined): LetterBlock[] {
  if (!eff) return [];
  const { t, snapshot } = c;
  const thresholds = snapshot.answer.verdict.thresholds;
  const rows: Array<[string, string]> = [];
  const q1 = triAnswer(t, eff.populationPresent);
  if (q1) rows.push([t('effQ1'), q1]);
  const rule = { verdict: c.verdictText, veryGood: c.percent(thresholds.veryGood, 0), good: c.percent(thresholds.good, 0) };
  const model = c.hiddenSiteRegions.length > 0 ? t('effVerdictShort', rule) : t('effVerdictAnswer', { ...rule, probability: c.percent(snapshot.answer.verdict.probability) });
  const q2 = q2Text(c, eff, model);
  if (q2) rows.push([t('effQ2'), q2]);
  if (eff.limitingFactors) {
    const factors = eff.limitingFactors.factors.map((f) => t(`factor_${f.replace('-', '_') as 'competing_studies'}`)).join(', ');
    rows.push([t('effQ3'), eff.limitingFactors.comment ? `${factors}. ${eff.limitingFactors.comment}` : factors]);
  }
  const q4 = triAnswer(t, eff.discouragingFactors);
  if (q4) rows.push([t('effQ4'), q4]);
  const q5 = triAnswer(t, eff.standardOfCare);
  if (q5) rows.push([t('effQ5'), q5]);
  if (eff.careSetting) rows.push([t('effQ6'), eff.careSetting]);
  if (eff.relevantClinics) rows.push([t('effQ7'), eff.relevantClinics]);
  for (const [i, q] of (eff.further ?? []).entries()) if (q.answer.trim()) rows.push([t('effFurtherNumbered', { number: String(8 + i), question: q.question }), q.answer]);
  if (eff.overallFeedback) rows.push([t('effOverall'), eff.overallFeedback]);
  if (eff.interest) rows.push([t('effInterest'), eff.interest]);
  return [{ kind: 'heading', text: t('effTitle') }, { kind: 'facts', rows }];
}

/**
 * Question 2: the coordinator's answer. When it is the projection's verdict, the verdict with its probability and
 * rule; when the coordinator chose otherwise, their answer first and the model's verdict beside it, so the reader
 * sees both. Older snapshots held no answer of their own: the verdict was the answer.
 */
function q2Text(c: Context, eff: EffAnswers, model: string): string | null {
  const { t } = c;
  const chosen = eff.recruitmentChances;
  if (!chosen) return eff.recruitmentComment ? `${model}. ${eff.recruitmentComment}` : model;
  const recruiting = c.snapshot.study.recruitment.sites.length > 0;
  const choiceText = t(`verdict_${chosen.answer.replace('-', '_') as 'very_good'}`);
  const capitalised = choiceText.charAt(0).toUpperCase() + choiceText.slice(1);
  const main = !recruiting ? capitalised : chosen.answer === c.snapshot.answer.verdict.verdict ? model : t('effChoiceOverModel', { choice: capitalised, model });
  return chosen.comment ? `${main}. ${chosen.comment}` : main;
}

/** "Inklusion: Ålder 6–17 — Barn 6–17 år": the protocol's words after a dash only when there are any. */
function criterionLine(t: LetterText, step: CriterionStep): string {
  const type = step.type === 'inclusion' ? t('criterionInclusion') : t('criterionExclusion');
  const label = step.label.trim();
  const protocol = step.protocolText.trim();
  const head = `${type}: ${label || protocol}${step.enabled ? '' : ` ${t('criterionOff')}`}`;
  return protocol && label && protocol !== label ? `${head} — ${protocol}` : head;
}

function studyBlocks(c: Context): LetterBlock[] {
  const { t, snapshot } = c;
  const { study } = snapshot;
  // The study's internal id is never printed: the criteria are identified by their version here and by the
  // answer's content hash in the footer.
  const rows: Array<[string, string]> = [
    [t('studyName'), study.title],
    [t('studyVersion'), t('studyVersionValue', { version: c.count(study.version) })],
    [
      t('population'),
      study.population.kind === 'incident' ? t('populationIncident', { years: c.counted('years', study.population.windowYears) }) : t('populationPrevalent'),
    ],
  ];
  if (study.recruitment.sites.length > 0) {
    rows.push([t('target'), t('targetValue', { target: c.counted('patients', study.recruitment.targetPatients), months: c.counted('months', study.recruitment.months), start: study.recruitment.startDate })]);
  }
  return [
    { kind: 'heading', text: t('studyTitle') },
    { kind: 'facts', rows },
    { kind: 'paragraph', text: t('criteria'), emphasis: 'strong' },
    { kind: 'list', items: study.steps.map((s) => criterionLine(t, s)) },
  ];
}

function eligibleBlocks(c: Context): LetterBlock[] {
  const { t, snapshot, figures } = c;
  const { estimate } = snapshot.answer;
  const language = snapshot.language;
  const regionRows = estimate.regions.map((r) => [regionName(r.region, language), healthcareRegionName(regionByCode(r.region).healthcareRegion, language), ...intervalCells(figures.region(r.region))]);
  // The split as the printed healthcare regions apply it: a whole percentage, so the words are the exact rule.
  const percent = figures.hallandSodraPercent;
  const hallandNote =
    percent > 0 && percent < 100
      ? t('hallandSplit', { sodra: c.percent(percent / 100, 0), vastra: c.percent(1 - percent / 100, 0) })
      : t('hallandAllTo', { region: healthcareRegionName(percent === 100 ? 'sodra' : 'vastra', language) });
  return [
    { kind: 'heading', text: t('eligibleTitle') },
    {
      kind: 'table',
      caption: t('perRegionCaption'),
      head: [t('region'), t('healthcareRegion'), t('low'), t('point'), t('high')],
      rows: regionRows,
      numericFrom: 2,
      footRows: [[t('national'), '', ...intervalCells(figures.national)]],
    },
    {
      kind: 'table',
      caption: t('perHealthcareRegionCaption'),
      head: [t('healthcareRegion'), t('low'), t('point'), t('high')],
      rows: estimate.healthcareRegions.map((h) => [healthcareRegionName(h.id, language), ...intervalCells(figures.healthcareRegion(h.id))]),
      numericFrom: 1,
    },
    { kind: 'paragraph', text: hallandNote },
    {
      kind: 'svg',
      svg: regionMapSvg(estimate.regions.map((r) => ({ region: r.region, value: figures.region(r.region).point.value }))),
      width: 150,
      caption: `${t('mapCaption')} ${t('mapAttribution')}`,
    },
  ];
}

function attritionBlocks(c: Context): LetterBlock[] {
  const { t, snapshot, figures } = c;
  const { estimate } = snapshot.answer;
  const enabled = estimate.attrition.filter((s) => s.enabled);
  const base = enabled[0];
  const rows = enabled.map((step, i) => {
    const printed = figures.attritionStep(step.stepId);
    const previous = i > 0 ? figures.attritionStep(enabled[i - 1]!.stepId) : null;
    const remaining = base ? printedShare(printed.point, figures.attritionStep(base.stepId).point) : null;
    const kept = previous ? printedShare(printed.point, previous.point) : null;
    return [
      pdfSafe(attritionLabel(step, snapshot.language, t('baseStep'))),
      ...intervalCells(printed),
      remaining === null ? '' : c.columnPercent(remaining),
      // The projection is no loss: its label carries its factor.
      kept === null || step.type === 'projection' ? '' : c.columnPercent(1 - kept),
    ];
  });
  const blocks: LetterBlock[] = [
    { kind: 'heading', text: t('attritionTitle') },
    { kind: 'table', caption: t('attritionCaption'), head: [t('step'), t('low'), t('point'), t('high'), t('remaining'), t('lost')], rows, numericFrom: 1 },
  ];
  const limiting = estimate.attrition.find((s) => s.stepId === estimate.mostLimitingStepId);
  if (limiting) blocks.push({ kind: 'paragraph', text: t('mostLimiting', { step: limiting.label }) });
  const projected = estimate.projected;
  if (projected) {
    const language = c.snapshot.language;
    if (projected.outcome.ok) {
      const { line } = projected.outcome;
      blocks.push({ kind: 'paragraph', text: t('projectionApplied', { line: pdfSafe(projectionLineText(line, language)), from: line.from, to: line.to }) });
      blocks.push({ kind: 'list', items: [...projectionNotes(line.national, language), steadinessText(line.national.steadiness, line.national.averageYearlyChange, language)] });
    } else {
      blocks.push({ kind: 'paragraph', text: t('projectionRefused', { reason: refusalText(projected.outcome.refusal, language) }), emphasis: 'notice' });
    }
  }
  return blocks;
}

function recruitmentBlocks(c: Context): LetterBlock[] {
  const { t, snapshot } = c;
  const { study, answer } = snapshot;
  if (study.recruitment.sites.length === 0) return [];
  const p = answer.projection;
  const language = snapshot.language;
  const decimal = (x: number) => formatNumber(x, language, 1);
  const blocks: LetterBlock[] = [{ kind: 'heading', text: t('recruitmentTitle') }];
  if (p.startNotice?.kind === 'moved-to-today') {
    blocks.push({ kind: 'paragraph', text: t('recruitmentStartMoved', { planned: p.startNotice.plannedStartDate, today: p.startNotice.today, deadline: p.deadlineDate }) });
  }
  if (c.hiddenSiteRegions.length > 0) {
    blocks.push({ kind: 'paragraph', text: t('recruitmentWithheld', { regions: c.hiddenSiteRegions.map((r) => regionName(r, language)).join(', ') }) });
  } else if (p.startNotice?.kind === 'deadline-passed') {
    blocks.push({ kind: 'paragraph', text: t('recruitmentDeadlinePassed', { deadline: p.deadlineDate }) });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: t('recruitmentText', {
        rate: decimal(p.totalRatePerMonth.point),
        deadline: p.deadlineDate,
        expected: c.count(p.expectedByDeadline.point),
        expectedLow: c.count(p.expectedByDeadline.low),
        expectedHigh: c.count(p.expectedByDeadline.high),
        target: c.count(p.target),
        probability: c.percent(p.probability),
      }),
    });
    // The extreme case only where some range moves the rates (otherwise both ends are the forecast itself).
    if (p.totalRatePerMonth.low !== p.totalRatePerMonth.high) {
      blocks.push({
        kind: 'paragraph',
        text: t('recruitmentRange', {
          rateLow: decimal(p.totalRatePerMonth.low),
          rateHigh: decimal(p.totalRatePerMonth.high),
          pLow: c.percent(p.probabilityRange.low),
          pHigh: c.percent(p.probabilityRange.high),
        }),
      });
    }
    blocks.push({
      kind: 'svg',
      svg: recruitmentChartSvg({
        series: printableEnrolment(p.band),
        months: p.months,
        target: p.target,
        monthsLabel: t('chartMonths'),
        countLabel: t('chartCount'),
        targetLabel: t('chartTarget', { target: c.count(p.target) }),
        formatCount: c.count,
      }),
      width: 400,
      caption: t('chartCaption'),
    });
  }
  // Snapshots made before the forecast recorded its planned start have the study's.
  const plannedStart = (p as { plannedStartDate?: string }).plannedStartDate ?? study.recruitment.startDate;
  blocks.push({
    kind: 'table',
    caption: t('sitesTitle'),
    head: [t('site'), t('region'), t('siteOpens'), t('siteRate'), t('siteCertainty')],
    rows: study.recruitment.sites.map((s) => [
      s.name,
      regionName(s.region, language),
      addMonths(plannedStart, s.activationMonth),
      // The rate as the coordinator entered it: the chart shows nothing about a site that this cell does not.
      s.ratePerMonth !== undefined
        ? formatNumber(s.ratePerMonth, language, 6)
        : s.shareOfRegion !== undefined
          ? t('siteShareOfRegion', { share: c.percent(s.shareOfRegion, 0) })
          : t('siteNoRate'),
      t('siteCertaintyValue', { level: t(`certainty_${s.rateCertainty ?? 'plan'}`), alpha: formatNumber(siteShape(s, study.recruitment), language, 2) }),
    ]),
    numericFrom: 3,
  });
  return blocks;
}

function assumptionItems(c: Context): string[] {
  const { t, snapshot } = c;
  const { study } = snapshot;
  const pct = (x: number) => c.percent(x);
  const items: string[] = [];
  for (const step of study.steps.filter((s) => s.enabled)) {
    const rule = step.rule;
    if (rule.kind === 'proportion') {
      const params = { label: step.label, point: pct(rule.share.point), low: pct(rule.share.low), high: pct(rule.share.high), source: rule.source };
      items.push(t(step.type === 'exclusion' ? 'assumptionExclusionShare' : 'assumptionShare', params));
    } else if (rule.kind === 'joint-count') {
      items.push(t('assumptionJoint', { label: step.label, region: regionName(rule.region, snapshot.language), source: rule.source }));
    }
  }
  // The age share of a band straddling an age limit: its source, the shares, the range and the coordinator's reason.
  for (const line of snapshot.answer.estimate.attrition) {
    if (line.type !== 'assumption' || !line.assumption) continue;
    const a = line.assumption;
    items.push(t('assumptionAgeShare', { label: assumptionLabel(a, snapshot.language), shares: assumptionShares(a, snapshot.language).join('; '), low: pct(a.range.low), high: pct(a.range.high) }));
    if (a.note.trim() !== '') items.push(t('assumptionNote', { note: a.note.trim() }));
  }
  const projected = snapshot.answer.estimate.projected;
  if (projected?.outcome.ok) {
    const { line } = projected.outcome;
    items.push(t('assumptionProjection', { line: pdfSafe(projectionLineText(line, snapshot.language)), notes: projectionNotes(line.national, snapshot.language).join(' ') }));
  }
  if (items.length === 0) items.push(t('assumptionNone'));
  if (study.recruitment.sites.length > 0) {
    const r = study.recruitment;
    items.push(t('assumptionConsent', { point: pct(r.consentRate.point), low: pct(r.consentRate.low), high: pct(r.consentRate.high) }));
    items.push(t('assumptionScreenFailure', { point: pct(r.screenFailureRate.point), low: pct(r.screenFailureRate.low), high: pct(r.screenFailureRate.high) }));
    const plan = resolvePlan(r);
    if (plan.dropoutRate.high > 0) items.push(t('assumptionDropout', { point: pct(plan.dropoutRate.point), low: pct(plan.dropoutRate.low), high: pct(plan.dropoutRate.high) }));
    const months = t('monthNames').split(',');
    items.push(t('assumptionSeasons', { weights: plan.seasonalWeights.map((w, i) => `${months[i]} ${formatNumber(w, snapshot.language, 2)}`).join(', ') }));
  }
  return items;
}

function provenanceItems(c: Context): string[] {
  const { t, snapshot } = c;
  const items = snapshot.datasets.map((d) => {
    const parts = [
      t('provenanceLine', {
        name: d.name,
        publisher: d.publisher,
        span: periodSpan(d.periodFrom, d.periodTo),
        unit: t(`unit_${d.basis.unit}`),
        kind: t(`kind_${d.basis.kind}`),
        regionBasis: t(`regionBasis_${d.basis.regionBasis}`),
      }),
    ];
    if (d.synthetic) parts.push(t('provenanceSynthetic'));
    if (d.fileName) parts.push(`${t('provenanceFile', { file: d.fileName })}.`);
    if (d.extractedAt) parts.push(`${t('provenanceExtracted', { date: d.extractedAt })}.`);
    parts.push(`SHA-256: ${d.sha256}`);
    return parts.join(' ');
  });
  // The age share's source is part of what the figures rest on: named with its publisher, period and file.
  const table = snapshot.populationTable;
  if (table) {
    const parts = [t('provenancePopulation', { name: table.name, publisher: table.publisher, span: periodSpan(table.periodFrom, table.periodTo) })];
    if (table.fileName) parts.push(`${t('provenanceFile', { file: table.fileName })}.`);
    if (table.extractedAt) parts.push(`${t('provenanceExtracted', { date: table.extractedAt })}.`);
    parts.push(`SHA-256: ${table.sha256}`);
    items.push(parts.join(' '));
  }
  return items;
}

/** The audit trail's head when the answer was frozen, printed so a reader can hold any later copy of the trail to it. */
function auditAnchorItems(c: Context): string[] {
  const head = c.snapshot.auditHead;
  return head ? [c.t('provenanceAudit', { seq: String(head.seq), hash: head.hash })] : [];
}

function methodBlocks(c: Context): LetterBlock[] {
  const { t, snapshot } = c;
  // The words come from shared/method, the same text the in-app method page shows, so the two never disagree.
  const paragraphs = letterMethodParagraphs(snapshot.language, snapshotMethodInputs(snapshot));
  return [{ kind: 'heading', text: t('methodTitle') }, ...paragraphs.map((text): LetterBlock => ({ kind: 'paragraph', text }))];
}

function limitationItems(c: Context): string[] {
  const { t, snapshot } = c;
  const items = [t('limitation1'), t('limitation2')];
  const { estimate } = snapshot.answer;
  // The same words as the answer on screen and its readiness checklist: datasets by name, never by id.
  const context = warningContext(estimate, snapshot.datasets, snapshot.study.steps);
  for (const w of estimate.warnings) {
    if (w.code === 'masked-cells') items.push(t(w.count === 1 ? 'limitationMasked_one' : 'limitationMasked_other', { count: c.count(w.count) }));
    else if (w.code === 'unresolved-criterion') items.push(estimateWarningText(w, snapshot.language, context));
  }
  const range = (i: PrintedInterval) => (i.low.text === i.high.text ? i.point.text : `${i.point.text} (${i.low.text}–${i.high.text})`);
  const unknown = c.figures.unknownRegion;
  if (unknown && unknown.high.text !== '0') items.push(t('limitationUnknownRegion', { value: range(unknown) }));
  if (c.figures.nationalPublished) items.push(t('limitationPublished', { value: range(c.figures.nationalPublished) }));
  return items;
}

/**
 * Regions whose count a site's rate is derived from (a site given as a share of its region) and that the letter
 * does not print in full: the rate, and every forecast figure drawn or printed from it, would reveal them. A site
 * with a rate of its own reveals nothing about its region's count.
 */
function hiddenSiteRegions(snapshot: AnswerSnapshot, figures: LetterFigures): CountyCode[] {
  const printed = (r: CountyCode) => {
    const f = figures.region(r);
    return f.low.value !== null && f.point.value !== null && f.high.value !== null;
  };
  return withheldSiteRegions(snapshot.answer.projection.sites, printed);
}

export function buildLetterModel(snapshot: AnswerSnapshot, figures: LetterFigures): LetterModel {
  const language = snapshot.language;
  const t = letterText(language);
  const context: Context = {
    snapshot,
    figures,
    t,
    count: (n) => formatCount(n, language),
    percent: (share, digits = 1) => formatPercent(share, language, digits),
    // One decimal always: the column's figures line up, and a whole per cent is never a lone digit beside its sign,
    // which text extraction (pdftotext, copying from the PDF, screen readers) reads as "0%" without its space.
    columnPercent: (share) => {
      const text = formatPercent(share, language, 1);
      return /\d[.,]\d/.test(text) ? text : text.replace(/^(−?\d+)/, (whole) => `${whole}${language === 'sv' ? ',' : '.'}0`);
    },
    verdictText: t(`verdict_${snapshot.answer.verdict.verdict.replace('-', '_') as 'very_good'}`),
    counted: (noun, value) => countedText(language, noun, value, noun === 'years' || noun === 'months' ? formatNumber(value, language, 1) : formatCount(value, language)),
    hiddenSiteRegions: hiddenSiteRegions(snapshot, figures),
  };
  const { unit, request, study } = snapshot;
  // The sponsor's reference and protocol number as the sponsor wrote them, then our own registration number: never
  // one for the other. A letter made without a request (the CLI) takes the sponsor's reference from the study.
  const references: Array<[string, string]> = [];
  const sponsorReference = request?.reference?.trim() || (request ? '' : study.sponsorReference.trim());
  if (sponsorReference) references.push([t('reference'), sponsorReference]);
  if (request?.protocolNumber?.trim()) references.push([t('protocolNumber'), request.protocolNumber.trim()]);
  if (request?.diaryNumber) references.push([t('diaryNumber'), request.diaryNumber]);
  references.push([t('date'), snapshot.letterDate]);
  const recipient = [request?.recipient?.name, request?.recipient?.organisation, ...lines(request?.recipient?.address)].filter((l): l is string => !!l && l.trim() !== '');
  const subject = request?.subject?.trim() || t('subjectDefault', { title: study.title });
  const policy = snapshot.settings.disclosurePolicy;
  const body: LetterBlock[] = [
    ...summaryBlocks(context),
    ...effBlocks(context, request?.eff),
    ...studyBlocks(context),
    ...eligibleBlocks(context),
    ...attritionBlocks(context),
    ...recruitmentBlocks(context),
    { kind: 'heading', text: t('assumptionsTitle') },
    { kind: 'list', items: assumptionItems(context) },
    { kind: 'heading', text: t('provenanceTitle') },
    { kind: 'list', items: [...provenanceItems(context), ...auditAnchorItems(context)] },
    ...methodBlocks(context),
    { kind: 'heading', text: t('limitationsTitle') },
    { kind: 'list', items: limitationItems(context) },
  ];
  return {
    language,
    meta: {
      title: `${t('documentTitle')}: ${study.title}`,
      author: unit.unitName.trim() || 'Antal',
      subject,
      keywords: [...new Set([t('keywords'), sponsorReference, request?.protocolNumber, request?.diaryNumber].filter((k): k is string => !!k?.trim()))].join(', '),
      creationDate: snapshot.createdAt,
      ...(snapshot.auditHead ? { auditAnchor: formatAuditAnchor(snapshot.auditHead) } : {}),
    },
    letterhead: { unitName: unit.unitName, addressLines: lines(unit.address), logo: unit.logo },
    confidentiality: request?.confidentiality?.trim() || null,
    references,
    recipient,
    subject,
    synthetic: snapshot.datasets.some((d) => d.synthetic),
    body,
    signature: { closing: t('signatureTitle'), name: unit.signatoryName, title: unit.signatoryTitle, unit: unit.unitName },
    footer: { hash: t('footerHash', { hash: snapshot.contentHash }), policy: t('footerPolicy', { policy: policy.name, version: policy.version }) },
    pageTemplate: LETTER_TEXTS[language].page,
  };
}
