/**
 * compileAnswers: several units' answer files for one request → one compiled answer per region, healthcare
 * region and for Sweden, with every problem explained as a typed warning (code + params; the UI and the CLI
 * translate them). Pure: no clock (compiledAt is passed in), no I/O.
 *
 * Rules (each one documented in the README and tested):
 * - Refused (CompileError): no files, a file whose content does not match its hash (edited), files answering
 *   different requests (the sponsor's reference differs; a differing title alone is only a warning).
 * - Criteria: the reference criteria hash is the one most files share (a tie goes to the highest study
 *   version). A file on other criteria is listed but not counted ('criteria-mismatch').
 * - Basis: among the counted files the most common basis (persons/events, residence/care, incident/prevalent)
 *   is the reference; a file on another basis is listed but not counted ('basis-conflict') — never summed.
 * - Policy: the compiled answer is disclosed under the strictest policy of the counted files (largest k; then
 *   zeros shown as small; then coarser rounding); every input is re-read under it ('policy-differs').
 * - A region answered by two or more units ('duplicate-region') keeps every answer visible and is counted once,
 *   as the hull of the answers (lowest low to highest high of each of low, point and high).
 * - Regions nobody answered are listed ('missing-regions'); totals are sums over the answered regions and say
 *   which are missing.
 * - Suppressed inputs stay suppressed: a "<5" contributes its interval (1–4, or 0–4 when zeros show as small), a
 *   secondary ".." contributes k..∞. A total is printed only when its point does not cut into a protected
 *   range, and each interval end only when it does not either; otherwise it is withheld (a reader could
 *   otherwise narrow it). The whole print is audited by checkDisclosure.
 * - Halland is split between Södra and Västra by the Halland rule (ends rounded outwards).
 */
import type { Basis } from '../counts/dataset';
import type { EffAnswers } from '../answer/snapshot';
import { checkDisclosure, discloseValue, protectedRanges, type AdditiveRelation, type Component, type DisclosurePolicy, type PrintedCell, type PrintedTable } from '../disclosure';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, HEALTHCARE_REGION_IDS, regionByCode, type CountyCode, type HallandRule, type HealthcareRegionId, regionName } from '../regions/regions';
import { stableStringify, hashJson } from '../utils/stable-json';
import { verifyAnswerFileHash } from './create';
import type { AnswerFile, AnswerFileCriteria, AnswerFileProvenance, AnswerFileRequest, DisclosedNumber, InterestedClinic } from './types';

export const COMPILED_ANSWER_FORMAT = 'antal-compiled-answer';
export const COMPILED_ANSWER_VERSION = 1;

const HALLAND: CountyCode = '13';
const COMPONENTS: readonly Component[] = ['low', 'point', 'high'];

/** Whole values a reader can infer; high null = unbounded. */
export interface Range {
  low: number;
  high: number | null;
}

/**
 * A printed figure, or why it is not printed: a total whose point would cut into a protected range, or one with
 * no answered region. An interval end that would cut into a protected range is withheld (null) by itself.
 */
export type CompiledFigure = { printed: true; low: Range | null; point: Range; high: Range | null } | { printed: false; reason: 'small-total' | 'no-answers' };

export type CompileWarning =
  | { code: 'criteria-mismatch'; params: { unit: string; studyVersion: number; expectedStudyVersion: number } }
  | { code: 'basis-conflict'; params: { unit: string; basis: Basis; expected: Basis } }
  | { code: 'policy-differs'; params: { policies: string[]; strictest: string } }
  | { code: 'duplicate-region'; params: { region: CountyCode; units: string[] } }
  | { code: 'missing-regions'; params: { regions: CountyCode[] } }
  | { code: 'title-differs'; params: { unit: string; title: string; expected: string } }
  | { code: 'same-file-twice'; params: { unit: string } };

export type CompileWarningCode = CompileWarning['code'];

export type CompileErrorCode = 'no-files' | 'hash-mismatch' | 'request-mismatch';

/** A compilation that cannot be made; `params` name the file (its position, 1-based) and what differs. */
export class CompileError extends Error {
  constructor(
    readonly code: CompileErrorCode,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

export interface CompiledUnit {
  name: string;
  node?: HealthcareRegionId;
  contentHash: string;
  createdAt: string;
  policy: { id: string; name: string; version: string; k: number };
  criteria: AnswerFileCriteria;
  basis: Basis;
  regions: CountyCode[];
  counted: boolean;
  excludedBecause?: 'criteria-mismatch' | 'basis-conflict' | 'same-file-twice';
}

export interface CompiledRegionAnswer {
  unit: string;
  low: Range;
  point: Range;
  high: Range;
  /** The unit's printed texts (under its own policy). */
  texts: { low: string; point: string; high: string };
  suppressed: boolean;
}

export interface CompiledRegion {
  region: CountyCode;
  /** Every counted answer for the region (more than one: a duplicate, counted once as their hull). */
  answers: CompiledRegionAnswer[];
  /** null when no counted unit answered for the region. */
  figure: CompiledFigure | null;
  suppressed: boolean;
}

export interface CompiledTotal {
  figure: CompiledFigure;
  /** Regions in the total that nobody answered (the total is over the answered ones). */
  missingRegions: CountyCode[];
  /** True when a part is suppressed, so the total is an interval. */
  fromSuppressed: boolean;
}

export interface CompiledAnswerContent {
  format: typeof COMPILED_ANSWER_FORMAT;
  formatVersion: typeof COMPILED_ANSWER_VERSION;
  request: AnswerFileRequest;
  criteria: AnswerFileCriteria;
  basis: Basis;
  policy: DisclosurePolicy;
  hallandRule: HallandRule;
  units: CompiledUnit[];
  regions: CompiledRegion[];
  healthcareRegions: (CompiledTotal & { id: HealthcareRegionId })[];
  national: CompiledTotal;
  warnings: CompileWarning[];
  clinics: (InterestedClinic & { unit: string })[];
  eff: { unit: string; answers: EffAnswers }[];
  provenance: (AnswerFileProvenance & { unit: string })[];
  disclosure: { ok: boolean; violations: string[] };
  compiledAt: string;
}

export interface CompiledAnswer extends CompiledAnswerContent {
  contentHash: string;
}

export interface CompileOptions {
  /** When the compilation is made (ISO instant). */
  compiledAt: Date | string;
  hallandRule?: HallandRule;
}

// ---------------------------------------------------------------------------------------------------------
// Choosing the reference criteria, basis and policy.

const normalise = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

function mostCommon<T extends object>(items: readonly T[], key: (t: T) => string, better: (a: T, b: T) => boolean): T {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  let best = items[0]!;
  for (const item of items) {
    const n = counts.get(key(item))!;
    const m = counts.get(key(best))!;
    if (n > m || (n === m && key(item) !== key(best) && better(item, best))) best = item;
  }
  return best;
}

/** Strictness order: larger k, then zeros shown as small, then coarser rounding. */
export function strictestPolicy(policies: readonly DisclosurePolicy[]): DisclosurePolicy {
  const score = (p: DisclosurePolicy): [number, number, number] => [p.threshold, p.zero === 'as-small' ? 1 : 0, p.rounding];
  return policies.reduce((best, p) => {
    const [a, b] = [score(p), score(best)];
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? p : best;
    return best;
  });
}

function samePolicy(a: DisclosurePolicy, b: DisclosurePolicy): boolean {
  return stableStringify(a) === stableStringify(b);
}

// ---------------------------------------------------------------------------------------------------------
// Intervals under the strictest policy.

const range = (n: DisclosedNumber): Range => ({ low: n.low, high: n.high });

/**
 * A disclosed value re-read under a (stricter) policy: an exact value is disclosed again (a "7" shown under
 * k = 5 is "<11" under k = 11); an interval end inside the small range is widened to the whole small range, so
 * no end is printed that the stricter policy would hide.
 */
export function underPolicy(r: Range, component: Component, policy: DisclosurePolicy): Range {
  if (r.high !== null && r.low === r.high) {
    const d = discloseValue(r.low, component, policy).display;
    return { low: d.low, high: Number.isFinite(d.high) ? d.high : null };
  }
  const k = policy.threshold;
  const bottom = policy.zero === 'as-small' ? 0 : 1;
  const low = r.low === 0 ? 0 : r.low < k ? bottom : r.low;
  const high = r.high !== null && r.high < k ? k - 1 : r.high;
  return { low, high };
}

const hull = (a: Range, b: Range): Range => ({ low: Math.min(a.low, b.low), high: a.high === null || b.high === null ? null : Math.max(a.high, b.high) });

const add = (a: Range, b: Range): Range => ({ low: a.low + b.low, high: a.high === null || b.high === null ? null : a.high + b.high });

const scale = (r: Range, share: number): Range => ({ low: Math.floor(r.low * share + 1e-9), high: r.high === null ? null : Math.ceil(r.high * share - 1e-9) });

/** True when a printed interval would cut into a protected range without covering it. */
function cutsProtected(r: Range, policy: DisclosurePolicy): boolean {
  const high = r.high ?? Number.POSITIVE_INFINITY;
  return protectedRanges(policy).some((p) => r.low <= p.to && high >= p.from && !(r.low <= p.from && high >= p.to));
}

type Triple = Record<Component, Range>;

function figureOf(t: Triple, policy: DisclosurePolicy): CompiledFigure {
  if (cutsProtected(t.point, policy)) return { printed: false, reason: 'small-total' };
  return { printed: true, low: cutsProtected(t.low, policy) ? null : t.low, point: t.point, high: cutsProtected(t.high, policy) ? null : t.high };
}

// ---------------------------------------------------------------------------------------------------------
// Compilation.

interface Counted {
  file: AnswerFile;
  index: number;
}

function checkInputs(files: readonly AnswerFile[]): void {
  if (files.length === 0) throw new CompileError('no-files', {}, 'No answer files to compile.');
  files.forEach((f, i) => {
    if (!verifyAnswerFileHash(f)) {
      throw new CompileError('hash-mismatch', { file: i + 1, unit: f.unit.name }, `Answer file ${i + 1} (${f.unit.name}) does not match its content hash: it was changed after it was made.`);
    }
  });
  const first = files[0]!;
  files.forEach((f, i) => {
    if (normalise(f.request.reference) !== normalise(first.request.reference)) {
      throw new CompileError(
        'request-mismatch',
        { file: i + 1, unit: f.unit.name, reference: f.request.reference, expected: first.request.reference },
        `Answer file ${i + 1} (${f.unit.name}) answers request "${f.request.reference}", not "${first.request.reference}": answers to different requests are never compiled together.`,
      );
    }
  });
}

/** Which files are counted, and the warnings for those that are not. */
function selectFiles(files: readonly AnswerFile[], warnings: CompileWarning[]): { counted: Counted[]; excluded: Map<number, CompiledUnit['excludedBecause']>; criteria: AnswerFileCriteria; basis: Basis } {
  const excluded = new Map<number, CompiledUnit['excludedBecause']>();
  const seen = new Set<string>();
  const all: Counted[] = [];
  files.forEach((file, index) => {
    if (seen.has(file.contentHash)) {
      excluded.set(index, 'same-file-twice');
      warnings.push({ code: 'same-file-twice', params: { unit: file.unit.name } });
    } else all.push({ file, index });
    seen.add(file.contentHash);
  });
  const criteria = mostCommon(all, (c) => c.file.criteria.hash, (a, b) => a.file.criteria.studyVersion > b.file.criteria.studyVersion).file.criteria;
  const sameCriteria = all.filter((c) => {
    if (c.file.criteria.hash === criteria.hash) return true;
    excluded.set(c.index, 'criteria-mismatch');
    warnings.push({ code: 'criteria-mismatch', params: { unit: c.file.unit.name, studyVersion: c.file.criteria.studyVersion, expectedStudyVersion: criteria.studyVersion } });
    return false;
  });
  const basisKey = (c: Counted) => stableStringify(c.file.basis);
  const basis = mostCommon(sameCriteria, basisKey, () => false).file.basis;
  const counted = sameCriteria.filter((c) => {
    if (basisKey(c) === stableStringify(basis)) return true;
    excluded.set(c.index, 'basis-conflict');
    warnings.push({ code: 'basis-conflict', params: { unit: c.file.unit.name, basis: c.file.basis, expected: basis } });
    return false;
  });
  for (const file of files) {
    if (normalise(file.request.title) !== normalise(files[0]!.request.title)) warnings.push({ code: 'title-differs', params: { unit: file.unit.name, title: file.request.title, expected: files[0]!.request.title } });
  }
  return { counted, excluded, criteria, basis };
}

function compileRegions(counted: readonly Counted[], policy: DisclosurePolicy, warnings: CompileWarning[]): CompiledRegion[] {
  return COUNTY_CODES.map((code) => {
    const answers: CompiledRegionAnswer[] = [];
    for (const { file } of counted) {
      const r = file.regions.find((x) => x.region === code);
      if (!r) continue;
      answers.push({
        unit: file.unit.name,
        low: underPolicy(range(r.low), 'low', policy),
        point: underPolicy(range(r.point), 'point', policy),
        high: underPolicy(range(r.high), 'high', policy),
        texts: { low: r.low.text, point: r.point.text, high: r.high.text },
        suppressed: r.suppressed,
      });
    }
    if (answers.length > 1) warnings.push({ code: 'duplicate-region', params: { region: code, units: answers.map((a) => a.unit) } });
    if (answers.length === 0) return { region: code, answers, figure: null, suppressed: false };
    const merged: Triple = { low: answers[0]!.low, point: answers[0]!.point, high: answers[0]!.high };
    for (const a of answers.slice(1)) for (const c of COMPONENTS) merged[c] = hull(merged[c], a[c]);
    const suppressed = COMPONENTS.some((c) => merged[c].low !== merged[c].high);
    return { region: code, answers, figure: { printed: true, ...merged }, suppressed };
  });
}

/** A region's share in a healthcare region: 1, 0, or Halland's split. */
function shareIn(code: CountyCode, id: HealthcareRegionId, rule: HallandRule): number {
  if (code !== HALLAND) return regionByCode(code).healthcareRegion === id ? 1 : 0;
  if (rule.kind === 'all-to') return rule.healthcareRegion === id ? 1 : 0;
  return id === 'sodra' ? rule.sodraShare : id === 'vastra' ? 1 - rule.sodraShare : 0;
}

function total(regions: readonly CompiledRegion[], share: (code: CountyCode) => number, policy: DisclosurePolicy): CompiledTotal {
  const sum: Triple = { low: { low: 0, high: 0 }, point: { low: 0, high: 0 }, high: { low: 0, high: 0 } };
  const missing: CountyCode[] = [];
  let fromSuppressed = false;
  for (const r of regions) {
    const s = share(r.region);
    if (s === 0) continue;
    if (!r.figure || !r.figure.printed) {
      missing.push(r.region);
      continue;
    }
    fromSuppressed ||= r.suppressed;
    // A region's figure always has all three values (only totals withhold an end).
    for (const c of COMPONENTS) sum[c] = add(sum[c], s === 1 ? r.figure[c]! : scale(r.figure[c]!, s));
  }
  const answered = regions.some((r) => share(r.region) > 0 && r.figure !== null);
  return { figure: answered ? figureOf(sum, policy) : { printed: false, reason: 'no-answers' }, missingRegions: missing, fromSuppressed };
}

/** The checker's input: every printed compiled figure, and the sums between them (over the answered regions). */
export function compiledPrintedTable(compiled: Pick<CompiledAnswerContent, 'regions' | 'healthcareRegions' | 'national' | 'hallandRule'>): PrintedTable {
  const cells: PrintedCell[] = [];
  const relations: AdditiveRelation[] = [];
  const order: [string, string][] = [];
  /** Printed cells, "<figure id>#<component>". */
  const printed = new Set<string>();
  const addFigure = (id: string, label: string, figure: CompiledFigure | null) => {
    if (!figure || !figure.printed) return;
    for (const c of COMPONENTS) {
      const r = figure[c];
      if (!r) continue;
      printed.add(`${id}#${c}`);
      cells.push({ id: `${id}#${c}`, label: `${label} (${c})`, low: r.low, high: r.high ?? Number.POSITIVE_INFINITY });
    }
    for (const [a, b] of [['low', 'point'], ['point', 'high']] as const) if (printed.has(`${id}#${a}`) && printed.has(`${id}#${b}`)) order.push([`${id}#${a}`, `${id}#${b}`]);
  };
  compiled.regions.forEach((r) => addFigure(`region:${r.region}`, regionName(r.region, 'en'), r.figure));
  compiled.healthcareRegions.forEach((h) => addFigure(`healthcare-region:${h.id}`, h.id, h.figure));
  addFigure('national', 'Sweden', compiled.national.figure);
  const hallandPrinted = printed.has(`region:${HALLAND}#point`);
  for (const c of COMPONENTS) {
    if (hallandPrinted) {
      cells.push({ id: `halland-sodra#${c}`, label: `Halland's part of Södra (${c})`, low: 0, high: Number.POSITIVE_INFINITY, protect: false });
      cells.push({ id: `halland-vastra#${c}`, label: `Halland's part of Västra (${c})`, low: 0, high: Number.POSITIVE_INFINITY, protect: false });
      relations.push({ id: `halland#${c}`, total: `region:${HALLAND}#${c}`, parts: [`halland-sodra#${c}`, `halland-vastra#${c}`] });
    }
    for (const id of HEALTHCARE_REGION_IDS) {
      if (!printed.has(`healthcare-region:${id}#${c}`)) continue;
      const parts = COUNTY_CODES.filter((code) => code !== HALLAND && printed.has(`region:${code}#${c}`) && shareIn(code, id, compiled.hallandRule) > 0).map((code) => `region:${code}#${c}`);
      if (hallandPrinted && shareIn(HALLAND, id, compiled.hallandRule) > 0) {
        const whole = shareIn(HALLAND, id, compiled.hallandRule) === 1;
        parts.push(whole ? `region:${HALLAND}#${c}` : `halland-${id}#${c}`);
      }
      relations.push({ id: `healthcare-region:${id}#${c}`, total: `healthcare-region:${id}#${c}`, parts });
    }
    if (printed.has(`national#${c}`)) {
      relations.push({ id: `national#${c}`, total: `national#${c}`, parts: COUNTY_CODES.filter((code) => printed.has(`region:${code}#${c}`)).map((code) => `region:${code}#${c}`) });
    }
  }
  return { cells, relations, order };
}

function toInstant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`compileAnswers: compiledAt is not a valid date (${String(value)})`);
  return date.toISOString();
}

export function compileAnswers(files: readonly AnswerFile[], options: CompileOptions): CompiledAnswer {
  checkInputs(files);
  const warnings: CompileWarning[] = [];
  const { counted, excluded, criteria, basis } = selectFiles(files, warnings);
  const policies = counted.map((c) => c.file.policy);
  const policy = strictestPolicy(policies);
  if (policies.some((p) => !samePolicy(p, policies[0]!))) {
    warnings.push({ code: 'policy-differs', params: { policies: [...new Set(policies.map((p) => `${p.name} (${p.version})`))], strictest: `${policy.name} (${policy.version})` } });
  }
  const hallandRule = options.hallandRule ?? DEFAULT_HALLAND_RULE;
  const regions = compileRegions(counted, policy, warnings);
  const missing = regions.filter((r) => r.figure === null).map((r) => r.region);
  if (missing.length > 0) warnings.push({ code: 'missing-regions', params: { regions: missing } });
  const healthcareRegions = HEALTHCARE_REGION_IDS.map((id) => ({ id, ...total(regions, (code) => shareIn(code, id, hallandRule), policy) }));
  const national = total(regions, () => 1, policy);
  const partial = { regions, healthcareRegions, national, hallandRule };
  const check = checkDisclosure(compiledPrintedTable(partial), policy);
  const content: CompiledAnswerContent = {
    format: COMPILED_ANSWER_FORMAT,
    formatVersion: COMPILED_ANSWER_VERSION,
    request: { ...files[0]!.request },
    criteria,
    basis,
    policy,
    units: files.map((f, index) => unitOf(f, excluded.get(index))),
    ...partial,
    warnings,
    clinics: counted.flatMap(({ file }) => (file.clinics ?? []).map((c) => ({ unit: file.unit.name, ...c }))),
    eff: counted.flatMap(({ file }) => (file.eff ? [{ unit: file.unit.name, answers: file.eff }] : [])),
    provenance: counted.flatMap(({ file }) => file.provenance.map((p) => ({ unit: file.unit.name, ...p }))),
    disclosure: { ok: check.ok, violations: check.violations.map((v) => v.message) },
    compiledAt: toInstant(options.compiledAt),
  };
  return { ...content, contentHash: compiledAnswerHash(content) };
}

function unitOf(file: AnswerFile, excludedBecause: CompiledUnit['excludedBecause']): CompiledUnit {
  const unit: CompiledUnit = {
    name: file.unit.name,
    contentHash: file.contentHash,
    createdAt: file.createdAt,
    policy: { id: file.policy.id, name: file.policy.name, version: file.policy.version, k: file.policy.threshold },
    criteria: file.criteria,
    basis: file.basis,
    regions: file.regions.map((r) => r.region),
    counted: excludedBecause === undefined,
  };
  if (file.unit.node) unit.node = file.unit.node;
  if (excludedBecause) unit.excludedBecause = excludedBecause;
  return unit;
}

export function compiledAnswerHash(content: CompiledAnswerContent | CompiledAnswer): string {
  const { contentHash: _ignored, ...rest } = content as CompiledAnswer;
  return hashJson(rest);
}

export function verifyCompiledAnswerHash(compiled: CompiledAnswer): boolean {
  return compiledAnswerHash(compiled) === compiled.contentHash;
}
