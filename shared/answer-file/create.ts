/**
 * Making an answer file from a unit's estimate, and checking its content hash.
 *
 * An answer file prints the unit's regions only — no healthcare-region, national or attrition totals — so each
 * region's low, point and high are disclosed by themselves (primary suppression, discloseValue: "<5", "≤10", a
 * band, rounding); with no printed sum there is nothing a hidden value could be recovered from, which the file's
 * own audit (checkDisclosure over its printed cells and low ≤ point ≤ high) confirms before anything is written.
 * Totals are made only when files are compiled (compile.ts), from these disclosed intervals, and audited again.
 */
import { isAuditHead } from '../audit/anchor';
import type { Basis } from '../counts/dataset';
import type { EffAnswers } from '../answer/snapshot';
import { assertSendable } from '../answer/blocked';
import type { Study } from '../criteria/study';
import { checkDisclosure, discloseValue, formatDisclosedValue, type Component, type DisclosedValue, type DisclosurePolicy, type DisclosureViolation, type PrintedTable } from '../disclosure';
import type { EstimateResult } from '../estimate/types';
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import { hashJson } from '../utils/stable-json';
import {
  ANSWER_FILE_FORMAT,
  ANSWER_FILE_VERSION,
  type AnswerFile,
  type AnswerFileContent,
  type AnswerFileProvenance,
  type AnswerFileRegion,
  type AnswerFileRequest,
  type AnswerFileUnit,
  type DisclosedNumber,
  type InterestedClinic,
} from './types';
import type { Interval } from '../utils/interval';

/** The criteria version's hash: SHA-256 of the canonical JSON of what decides who is counted. */
export function criteriaHash(study: Pick<Study, 'population' | 'ageReferenceDate' | 'steps'>): string {
  return hashJson({ population: study.population, ageReferenceDate: study.ageReferenceDate, steps: study.steps });
}

export interface CreateAnswerFileInput {
  unit: AnswerFileUnit;
  /** The regions the unit answers for (at least one). */
  regions: readonly CountyCode[];
  study: Study;
  /** Defaults to the study's sponsor reference and title. */
  request?: AnswerFileRequest;
  estimate: EstimateResult;
  basis: Basis;
  policy: DisclosurePolicy;
  provenance: readonly AnswerFileProvenance[];
  eff?: EffAnswers;
  clinics?: readonly InterestedClinic[];
  /** When the file is made. Injected: the core never reads the clock. */
  createdAt: Date | string;
  /** The unit's audit trail head at that moment (the app passes it; the CLI has no trail). */
  auditHead?: { seq: number; hash: string };
}

/** Disclosure control refused the unit's figures: nothing may be written (the violations name the cells). */
export class AnswerFileDisclosureError extends Error {
  constructor(readonly violations: DisclosureViolation[]) {
    super(`Disclosure control refuses the answer: ${violations.map((v) => v.label).join(', ')} could be narrowed from the printed figures.`);
    this.name = 'AnswerFileDisclosureError';
  }
}

function disclosedNumber(value: DisclosedValue, policy: DisclosurePolicy): DisclosedNumber {
  return {
    text: formatDisclosedValue(value, policy),
    low: value.display.low,
    high: Number.isFinite(value.display.high) ? value.display.high : null,
    suppressed: value.suppressed,
  };
}

/** A whole count from an interval component: ends rounded outwards, the point to nearest (as the letter does). */
function whole(interval: Interval, c: Component): number {
  const v = interval[c];
  return Math.max(0, c === 'low' ? Math.floor(v + 1e-9) : c === 'high' ? Math.ceil(v - 1e-9) : Math.round(v));
}

function regionOf(region: CountyCode, eligible: Interval, policy: DisclosurePolicy): AnswerFileRegion {
  const [low, point, high] = (['low', 'point', 'high'] as const).map((c) => disclosedNumber(discloseValue(whole(eligible, c), c, policy), policy)) as [DisclosedNumber, DisclosedNumber, DisclosedNumber];
  return { region, low, point, high, suppressed: [low, point, high].some((n) => n.suppressed !== null) };
}

/** What an answer file prints, as the disclosure checker reads it: each region's three values and low ≤ point ≤ high. */
export function answerFilePrintedTable(regions: readonly AnswerFileRegion[]): PrintedTable {
  const cells = regions.flatMap((r) =>
    (['low', 'point', 'high'] as const).map((c) => ({ id: `region:${r.region}#${c}`, label: `${r.region} (${c})`, low: r[c].low, high: r[c].high ?? Number.POSITIVE_INFINITY })),
  );
  const order = regions.flatMap((r): [string, string][] => [
    [`region:${r.region}#low`, `region:${r.region}#point`],
    [`region:${r.region}#point`, `region:${r.region}#high`],
  ]);
  return { cells, relations: [], order };
}

function instant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`createAnswerFile: createdAt is not a valid date (${String(value)})`);
  return date.toISOString();
}

/** The content hash of an answer file (or of its content before the hash is added). */
export function answerFileHash(content: AnswerFileContent | AnswerFile): string {
  const { contentHash: _ignored, ...rest } = content as AnswerFile;
  return hashJson(rest);
}

export function createAnswerFile(input: CreateAnswerFileInput): AnswerFile {
  assertSendable(input.estimate);
  const wanted = new Set(input.regions);
  if (wanted.size === 0) throw new RangeError('createAnswerFile: the unit must answer for at least one region');
  if (!input.unit.name.trim()) throw new RangeError('createAnswerFile: the unit needs a name');
  const regions = input.estimate.regions.filter((r) => wanted.has(r.region)).map((r) => regionOf(r.region, r.eligible, input.policy));
  regions.sort((a, b) => COUNTY_CODES.indexOf(a.region) - COUNTY_CODES.indexOf(b.region));
  if (regions.length !== wanted.size) {
    const missing = [...wanted].filter((code) => !regions.some((r) => r.region === code));
    throw new RangeError(`createAnswerFile: the estimate has no result for region ${missing.join(', ')}`);
  }
  const check = checkDisclosure(answerFilePrintedTable(regions), input.policy);
  if (!check.ok) throw new AnswerFileDisclosureError(check.violations);
  const request = input.request ?? { reference: input.study.sponsorReference, title: input.study.title };
  if (!request.reference.trim()) throw new RangeError('createAnswerFile: the request needs a reference (the sponsor\'s reference), so that answers to it can be compiled');
  if (!request.title.trim()) throw new RangeError('createAnswerFile: the request needs a title');
  const content: AnswerFileContent = {
    format: ANSWER_FILE_FORMAT,
    formatVersion: ANSWER_FILE_VERSION,
    unit: { ...input.unit, name: input.unit.name.trim() },
    request: { reference: request.reference.trim(), title: request.title.trim() },
    criteria: { studyId: input.study.id, studyVersion: input.study.version, hash: criteriaHash(input.study) },
    basis: { unit: input.basis.unit, kind: input.basis.kind, regionBasis: input.basis.regionBasis },
    policy: input.policy,
    regions,
    provenance: input.provenance.map((p) => ({ ...p })),
    createdAt: instant(input.createdAt),
  };
  if (input.eff) content.eff = input.eff;
  if (input.clinics && input.clinics.length > 0) content.clinics = input.clinics.map((c) => ({ ...c }));
  if (input.auditHead) {
    if (!isAuditHead(input.auditHead)) throw new RangeError(`createAnswerFile: auditHead must be {seq, hash} with a positive whole seq and a SHA-256 in hex (got ${JSON.stringify(input.auditHead)})`);
    content.auditHead = { seq: input.auditHead.seq, hash: input.auditHead.hash };
  }
  return { ...content, contentHash: answerFileHash(content) };
}

/** True when the file's content matches its contentHash (nothing was edited after it was made). */
export function verifyAnswerFileHash(file: AnswerFile): boolean {
  return answerFileHash(file) === file.contentHash;
}
