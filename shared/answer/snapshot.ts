/**
 * An answer snapshot: everything a feasibility letter says, frozen at one moment, so that the letter can be
 * produced again byte for byte a year later (from the snapshot alone: no database, no clock, no locale).
 *
 * It holds the study as answered, the computed answer, the provenance of every dataset used, the settings that
 * shaped the numbers (Halland rule, disclosure policy), the unit's profile for the letterhead, the request's
 * facts when the answer belongs to a request, the letter's language and the moment the snapshot was taken.
 * `contentHash` is the SHA-256 of the canonical JSON of all of that (shared/utils/stable-json.ts), printed in
 * every letter's footer, so a reader can tell two letters of the same answer from two different answers.
 */
import type { Dataset, Provenance } from '../counts/dataset';
import type { Study } from '../criteria/study';
import type { DisclosurePolicy } from '../disclosure/policy';
import type { HallandRule } from '../regions/regions';
import { hashJson, stableStringify } from '../utils/stable-json';
import { sha256Hex } from '../utils/sha256';
import type { ComputedAnswer } from './compute-answer';
import { assertSendable } from './blocked';
import type { Language } from '../text/language';
import type { AuditHead } from '../audit/chain';
import { isAuditHead } from '../audit/anchor';
import type { Verdict } from '../recruitment/verdict';

export const ANSWER_SNAPSHOT_VERSION = 1;

/** The study unit on the letterhead and in the signature: what Settings stores and a letter's snapshot keeps. */
export interface UnitProfile {
  unitName: string;
  address: string;
  signatoryName: string;
  signatoryTitle: string;
  /** The logo as a data URL (PNG or SVG), or null. */
  logo: { name: string; mediaType: 'image/png' | 'image/svg+xml'; dataUrl: string } | null;
}

export const EMPTY_UNIT_PROFILE: UnitProfile = { unitName: '', address: '', signatoryName: '', signatoryTitle: '', logo: null };

/** Where a dataset's counts came from: what the letter's provenance section prints. */
export type DatasetProvenanceRecord = Pick<Dataset, 'id' | 'name' | 'basis'> &
  Pick<Provenance, 'publisher' | 'synthetic' | 'fileName' | 'sha256' | 'extractedAt' | 'periodFrom' | 'periodTo'>;

export type TriState = 'yes' | 'no' | 'unknown';

/** The Early Feedback Form answers (country feasibility), when the request asks for them. */
export interface EffAnswers {
  populationPresent?: { answer: TriState; comment?: string };
  /** Question 2 as the coordinator answered it (the forecast's verdict is the suggestion). */
  recruitmentChances?: { answer: Verdict; comment?: string };
  /** Older snapshots: question 2 was the verdict itself, with this comment added. */
  recruitmentComment?: string;
  limitingFactors?: { factors: Array<'competing-studies' | 'exclusion-criteria' | 'none' | 'other'>; comment?: string };
  discouragingFactors?: { answer: TriState; comment?: string };
  standardOfCare?: { answer: TriState; comment?: string };
  careSetting?: string;
  /** Question 7: types of clinics that would be relevant. */
  relevantClinics?: string;
  /** Further questions the sponsor added, in their order (an empty answer: not answered yet). */
  further?: Array<{ question: string; answer: string }>;
  /** Overall feedback on the study's design. */
  overallFeedback?: string;
  /** Expressions of interest: investigators or clinics that want to take part. */
  interest?: string;
}

/** What is known about the request this answer replies to. Every field is optional. */
export interface RequestFacts {
  /** The sponsor's or Feasibility Sweden's reference. */
  reference?: string;
  /** The study protocol's number. */
  protocolNumber?: string;
  /** Our registration number (diarienummer). */
  diaryNumber?: string;
  recipient?: { name?: string; organisation?: string; address?: string };
  subject?: string;
  /** E.g. "Sekretess enligt OSL 2009:400" — printed at the top and bottom of every page. */
  confidentiality?: string;
  eff?: EffAnswers;
}

export interface SnapshotSettings {
  hallandRule: HallandRule;
  /** The whole policy (not only its name), so the same figures are disclosed again from the snapshot alone. */
  disclosurePolicy: DisclosurePolicy;
}

/** The parts of a computed answer a letter prints: eligible patients, the recruitment projection and the verdict. */
export type SnapshotAnswer = Pick<ComputedAnswer, 'estimate' | 'projection' | 'verdict'>;

export interface AnswerSnapshotContent {
  schemaVersion: typeof ANSWER_SNAPSHOT_VERSION;
  language: Language;
  /** ISO 8601 date-time (UTC): the PDF's creation date. */
  createdAt: string;
  /** The letter's date (YYYY-MM-DD) as the writer's calendar showed it when the snapshot was taken. */
  letterDate: string;
  study: Study;
  answer: SnapshotAnswer;
  datasets: DatasetProvenanceRecord[];
  /**
   * The population table an age share was taken from (not linked: it counts residents, not patients), so the letter
   * names it with its source beside the data. Absent when no share came from a table (and in older snapshots).
   */
  populationTable?: DatasetProvenanceRecord;
  settings: SnapshotSettings;
  unit: UnitProfile;
  request?: RequestFacts;
  /**
   * The audit trail's head when the snapshot was taken: the letter carries it (and prints it) so that a later copy
   * of the trail can be checked against it from outside the database (shared/audit/anchor.ts). Absent for answers
   * made outside the app (the CLI, the demo), which have no trail.
   */
  auditHead?: AuditHead;
}

export interface AnswerSnapshot extends AnswerSnapshotContent {
  /** SHA-256 (hex) of the canonical JSON of everything above. */
  contentHash: string;
}

export interface CreateSnapshotInput {
  language: Language;
  /** When the snapshot is taken. Injected: the core never reads the clock. */
  createdAt: Date | string;
  /** The local calendar date (YYYY-MM-DD); defaults to createdAt's UTC date. */
  letterDate?: string;
  study: Study;
  /** Only estimate, projection and verdict are kept (other members of a ComputedAnswer are left out). */
  answer: SnapshotAnswer;
  /** The datasets the answer was computed from (or their provenance records, e.g. read back from a file). */
  datasets: ReadonlyArray<Dataset | DatasetProvenanceRecord>;
  /** The study's population table; kept only when an age share of the estimate was taken from it. */
  population?: Dataset | DatasetProvenanceRecord | null;
  hallandRule: HallandRule;
  disclosurePolicy: DisclosurePolicy;
  unit: UnitProfile;
  request?: RequestFacts;
  /** The audit trail's head (sequence number and hash) when the snapshot is taken, when the answer comes from the app's database. */
  auditHead?: AuditHead;
}

export function provenanceRecord(dataset: Dataset): DatasetProvenanceRecord {
  const p = dataset.provenance;
  const record: DatasetProvenanceRecord = {
    id: dataset.id,
    name: dataset.name,
    publisher: p.publisher,
    synthetic: p.synthetic,
    sha256: p.sha256,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    basis: { ...dataset.basis },
  };
  if (p.fileName !== undefined) record.fileName = p.fileName;
  if (p.extractedAt !== undefined) record.extractedAt = p.extractedAt;
  return record;
}

/** Whether an age share of the estimate came from the given population table. */
function populationUsed(input: CreateSnapshotInput): input is CreateSnapshotInput & { population: Dataset | DatasetProvenanceRecord } {
  const table = input.population;
  if (!table) return false;
  return input.answer.estimate.attrition.some((s) => s.assumption?.source.kind === 'table' && s.assumption.source.datasetId === table.id);
}

function isoInstant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`createSnapshot: createdAt is not a valid date (${String(value)})`);
  return date.toISOString();
}

function calendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid = match !== null && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new RangeError(`createSnapshot: letterDate must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}

/**
 * A deep, JSON-only copy: the snapshot shares nothing with the caller's mutable objects. Through the canonical
 * form, so a non-finite number or a typed array is refused here instead of silently becoming null. The canonical
 * text it was read from comes with it: that text is also the copy's own canonical text, so the copy's content hash
 * is the hash of that text, with no second stringify. (Parsing canonical JSON gives back every number, string,
 * boolean, null, array and key it holds, and stableStringify sorts keys whatever order they come in; a test
 * checks the identity on real snapshots and awkward values.)
 */
function frozenCopyWithText<T>(value: T): { copy: T; text: string } {
  const text = stableStringify(value);
  return { copy: JSON.parse(text) as T, text };
}

function checkedAuditHead(head: AuditHead): AuditHead {
  if (!isAuditHead(head)) throw new RangeError(`createSnapshot: auditHead must be {seq, hash} with a positive whole seq and a SHA-256 in hex (got ${JSON.stringify(head)})`);
  return { seq: head.seq, hash: head.hash };
}

export function snapshotContentHash(content: AnswerSnapshotContent): string {
  return hashJson(content);
}

export function createSnapshot(input: CreateSnapshotInput): AnswerSnapshot {
  assertSendable(input.answer.estimate);
  const { copy: content, text } = frozenCopyWithText<AnswerSnapshotContent>({
    schemaVersion: ANSWER_SNAPSHOT_VERSION,
    language: input.language,
    createdAt: isoInstant(input.createdAt),
    letterDate: calendarDate(input.letterDate ?? isoInstant(input.createdAt).slice(0, 10)),
    study: input.study,
    answer: { estimate: input.answer.estimate, projection: input.answer.projection, verdict: input.answer.verdict },
    datasets: input.datasets.map((d) => ('provenance' in d ? provenanceRecord(d) : d)),
    ...(populationUsed(input) ? { populationTable: 'provenance' in input.population ? provenanceRecord(input.population) : input.population } : {}),
    settings: { hallandRule: input.hallandRule, disclosurePolicy: input.disclosurePolicy },
    unit: input.unit,
    ...(input.request ? { request: input.request } : {}),
    ...(input.auditHead ? { auditHead: checkedAuditHead(input.auditHead) } : {}),
  });
  // snapshotContentHash(content) is hashJson(content), the hash of stableStringify(content): that is `text`.
  return { ...content, contentHash: sha256Hex(text) };
}

/** True when the snapshot's content still hashes to its recorded hash (it was not edited after creation). */
export function verifySnapshot(snapshot: AnswerSnapshot): boolean {
  const { contentHash, ...content } = snapshot;
  return snapshotContentHash(content) === contentHash;
}

/** The same snapshot in another language: a new content hash, everything else unchanged. */
export function withLanguage(snapshot: AnswerSnapshot, language: Language): AnswerSnapshot {
  if (snapshot.language === language) return snapshot;
  const { contentHash: _hash, ...content } = snapshot;
  const next: AnswerSnapshotContent = { ...content, language };
  return { ...next, contentHash: snapshotContentHash(next) };
}
