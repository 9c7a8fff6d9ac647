/**
 * The answer file: one unit's answer to one feasibility request, as it may leave the unit — the
 * per-region results as disclosed under the unit's disclosure policy (printed texts and the intervals a reader
 * can infer from them, never a hidden value), the request it answers, the hash of the criteria answered, the
 * basis of the counts, the Early Feedback Form answers, interested clinics, provenance and a content hash.
 *
 * Format "antal-answer-file", version 1. JSON Schema (draft 2020-12): ANSWER_FILE_JSON_SCHEMA in schema.ts.
 * `contentHash` is the SHA-256 of the canonical JSON (shared/utils/stable-json.ts) of every other member.
 */
import type { Basis } from '../counts/dataset';
import type { EffAnswers } from '../answer/snapshot';
import type { DisclosurePolicy } from '../disclosure/policy';
import type { CountyCode, HealthcareRegionId } from '../regions/regions';

export const ANSWER_FILE_FORMAT = 'antal-answer-file';
export const ANSWER_FILE_VERSION = 1;

/**
 * One printed number: its text as the unit printed it (plain digits, "<5", "≤10", "1–4", ".."), the whole values a
 * reader who knows the policy infers from it (`high` null = no upper bound: a figure hidden by secondary
 * suppression is only known to be ≥ k) and why it is not printed as itself.
 */
export interface DisclosedNumber {
  text: string;
  low: number;
  high: number | null;
  suppressed: 'primary' | 'secondary' | null;
}

/** One region's eligible patients as disclosed: low, point and high, each by itself. */
export interface AnswerFileRegion {
  region: CountyCode;
  low: DisclosedNumber;
  point: DisclosedNumber;
  high: DisclosedNumber;
  /** True when any of the three is not printed as itself. */
  suppressed: boolean;
}

export interface AnswerFileUnit {
  /** The study unit (prövningsenhet, node or clinic) that answers. */
  name: string;
  /** The healthcare region whose node the unit belongs to, when it says. */
  node?: HealthcareRegionId;
}

/** The request answered: the sponsor's (or Feasibility Sweden's) reference and the study title. */
export interface AnswerFileRequest {
  reference: string;
  title: string;
}

/** The criteria answered: the study's id and version and the SHA-256 of its criteria (see criteriaHash). */
export interface AnswerFileCriteria {
  studyId: string;
  studyVersion: number;
  hash: string;
}

export interface InterestedClinic {
  name: string;
  region: CountyCode;
  contact?: string;
}

/** Where the counts came from (no counts: names, periods and the source file's SHA-256). */
export interface AnswerFileProvenance {
  name: string;
  publisher: string;
  periodFrom: string;
  periodTo: string;
  sha256: string;
  synthetic: boolean;
}

export interface AnswerFileContent {
  format: typeof ANSWER_FILE_FORMAT;
  formatVersion: typeof ANSWER_FILE_VERSION;
  unit: AnswerFileUnit;
  request: AnswerFileRequest;
  criteria: AnswerFileCriteria;
  basis: Basis;
  /** The whole policy the figures were disclosed under (its name, version and k are printed with them). */
  policy: DisclosurePolicy;
  /** The regions the unit answers for, in county-code order. */
  regions: AnswerFileRegion[];
  eff?: EffAnswers;
  clinics?: InterestedClinic[];
  provenance: AnswerFileProvenance[];
  /** ISO 8601 instant (UTC). */
  createdAt: string;
  /**
   * The unit's audit trail head (sequence number and hash) when the file was made: an anchor for checking a later
   * copy of the trail (a backup) from outside the unit's database. Absent when the file was made outside the app.
   */
  auditHead?: { seq: number; hash: string };
}

export interface AnswerFile extends AnswerFileContent {
  /** SHA-256 (hex) of the canonical JSON of everything above. */
  contentHash: string;
}

/** One problem found reading an answer file: where (JSON Pointer, or line:column for syntax), what, and what was expected. */
export interface AnswerFileIssue {
  /** JSON Pointer ("/regions/2/point/low"), "" for the whole file. */
  path: string;
  /** 1-based line and column, when known (JSON syntax errors). */
  line?: number;
  column?: number;
  /** The value found, as short text. */
  found: string;
  expected: string;
  message: string;
}

export type ParseAnswerFileResult = { ok: true; file: AnswerFile } | { ok: false; issues: AnswerFileIssue[] };
