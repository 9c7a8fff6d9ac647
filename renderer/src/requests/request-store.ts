/**
 * Requests in the database: creating one (with its own study), saving edits, status changes, versions and
 * attachments. Every change is written together with its audit entry in one transaction, so the trail never
 * misses a change that was stored and never records one that was not.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { type SuggestionBasis, suggestionBasis } from '../../../shared/requests/feedback-form';
import { basisAfterLinking } from '../../../shared/criteria/basis';
import { blankRequest, blankStudyFor, copyRequest } from '../../../shared/requests/create';
import type { FeasibilityRequest, RequestStatus, WarningAcknowledgement } from '../../../shared/requests/request';
import { type AnswerFigures, makeVersion, type RequestVersion, type VersionKind } from '../../../shared/requests/version';
import { withStatus } from '../../../shared/requests/workflow';
import { sha256Hex } from '../../../shared/utils/sha256';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, type AttachmentRecord, type StudyRecord } from '../db/database';
import { computeStudyAnswer, loadStudyInputs } from '../answer/study-inputs';
import { mostLimitingCriterion } from '../../../shared/estimate/step-loss';

export interface StoreContext {
  db: AntalDatabase;
  now: Date;
  /** The local calendar date of `now` (ISO). */
  today: string;
  /** Makes a fresh id (crypto.randomUUID in the app; deterministic in tests). */
  newId: () => string;
}

/** The fields of a request that differ between two states (for the audit entry). */
export function changedFields(before: FeasibilityRequest, after: FeasibilityRequest): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof FeasibilityRequest>);
  return [...keys].filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/**
 * A new request with a new, empty study (the template's structure, no steps, no datasets); or, with `copyOf`,
 * a copy of an earlier request whose study (criteria and datasets) is copied too.
 */
export async function createRequest(ctx: StoreContext, template: Study, summary: string, copyOf?: FeasibilityRequest): Promise<FeasibilityRequest> {
  const { db, now } = ctx;
  const requestId = ctx.newId();
  const studyId = ctx.newId();
  return db.transaction('rw', [db.requests, db.studies, ...auditTables(db)], async () => {
    let request: FeasibilityRequest;
    let studyRecord: StudyRecord;
    const sourceStudy = copyOf ? await db.studies.get(copyOf.studyId) : undefined;
    if (copyOf && sourceStudy) {
      request = copyRequest(copyOf, requestId, studyId, now, ctx.today);
      studyRecord = { ...sourceStudy, id: studyId, updatedAt: now.toISOString(), study: { ...sourceStudy.study, id: studyId, version: 1 } };
    } else {
      request = blankRequest(requestId, studyId, now, ctx.today);
      const study = blankStudyFor(request, template);
      // Older than any edited study, so the first screen keeps opening on the study last worked on.
      studyRecord = { id: studyId, title: study.title, updatedAt: new Date(0).toISOString(), datasetIds: [], study };
    }
    await db.studies.put(studyRecord);
    await db.requests.add(request);
    await appendAudit(db, { kind: 'request', requestId, summary, details: { action: copyOf ? 'copied' : 'created', ...(copyOf ? { from: copyOf.id } : {}) } }, now);
    return request;
  });
}

/**
 * Saves an edited request; records which fields changed. Nothing is written when nothing changed.
 *
 * Only the fields that differ between `before` and `edited` are written, onto the request as it is stored at that
 * moment: two editors of one request (the guide's request fields and its Early Feedback Form, or two panels of the
 * request page) each hold their own copy, and one must never write its stale copy of the other's fields back.
 */
export async function saveRequest(ctx: StoreContext, before: FeasibilityRequest, edited: FeasibilityRequest, summary: string): Promise<FeasibilityRequest> {
  const fields = changedFields(before, edited);
  if (fields.length === 0) return before;
  const { db, now } = ctx;
  return db.transaction('rw', [db.requests, db.studies, ...auditTables(db)], async () => {
    const stored = (await db.requests.get(edited.id)) ?? before;
    const after: FeasibilityRequest = { ...stored, updatedAt: now.toISOString() };
    for (const key of fields as Array<keyof FeasibilityRequest>) (after as unknown as Record<string, unknown>)[key] = edited[key];
    await db.requests.put(after);
    await syncStudyWithRequest(db, after);
    await appendAudit(db, { kind: 'edit', requestId: after.id, summary, details: { fields } }, now);
    return after;
  });
}

/**
 * The study carries the request's title and the sponsor's reference (the answer page and the letter's file name
 * show them): kept in step with the request. The sponsor's reference, never our own diary number.
 */
async function syncStudyWithRequest(db: AntalDatabase, request: FeasibilityRequest): Promise<void> {
  const study = await db.studies.get(request.studyId);
  if (!study || !request.title) return;
  if (study.title === request.title && study.study.sponsorReference === request.sponsorReference) return;
  await db.studies.put({ ...study, title: request.title, study: { ...study.study, title: request.title, sponsorReference: request.sponsorReference } });
}

/**
 * Records the coordinator's acknowledgement of warnings of the answer (an explicit act, audited with what was
 * acknowledged). A warning already acknowledged with the same key is not recorded twice.
 */
export async function acknowledgeWarnings(
  ctx: StoreContext,
  requestId: string,
  warnings: ReadonlyArray<{ key: string; code: string; text: string }>,
  by: string,
  summary: string,
): Promise<FeasibilityRequest> {
  const { db, now } = ctx;
  return db.transaction('rw', [db.requests, ...auditTables(db)], async () => {
    const stored = await db.requests.get(requestId);
    if (!stored) throw new Error(`The request ${requestId} is missing`);
    const known = new Set((stored.acknowledgements ?? []).map((a) => a.key));
    const added: WarningAcknowledgement[] = warnings.filter((w) => !known.has(w.key)).map((w) => ({ key: w.key, code: w.code, text: w.text, at: now.toISOString(), by }));
    if (added.length === 0) return stored;
    const after: FeasibilityRequest = { ...stored, acknowledgements: [...(stored.acknowledgements ?? []), ...added], updatedAt: now.toISOString() };
    await db.requests.put(after);
    await appendAudit(
      db,
      { kind: 'edit', requestId, summary, ...(by ? { actor: by } : {}), details: { action: 'warnings-acknowledged', warnings: added.map((a) => ({ key: a.key, code: a.code, text: a.text })) } },
      now,
    );
    return after;
  });
}

/** Links the request's study to datasets (the answer page estimates from them). */
export async function linkDatasets(ctx: StoreContext, request: FeasibilityRequest, datasetIds: string[], summary: string): Promise<void> {
  const { db, now } = ctx;
  await db.transaction('rw', [db.studies, db.datasets, ...auditTables(db)], async () => {
    const study = await db.studies.get(request.studyId);
    if (!study) throw new Error(`The request's study ${request.studyId} is missing`);
    // A basis that fits none of the data follows the data (a new study is incident; the file may be prevalent).
    const linked = (await db.datasets.bulkGet(datasetIds)).flatMap((d) => (d ? [d] : []));
    await db.studies.put({ ...study, study: basisAfterLinking(study.study, linked), datasetIds, updatedAt: now.toISOString() });
    await appendAudit(db, { kind: 'edit', requestId: request.id, summary, details: { datasetIds } }, now);
  });
}

export interface AnswerBasis {
  study: Study;
  datasets: Dataset[];
  figures?: AnswerFigures;
  /** What the Early Feedback Form's suggestions are made from (absent without data). */
  suggestion?: SuggestionBasis;
  settings: Record<string, unknown>;
}

/**
 * The request's study, its datasets and, when it has data, the computed answer's figures: loaded and computed
 * exactly as the answer on screen is (the same loader, so the population table and the Halland rule apply).
 */
export async function loadAnswerBasis(db: AntalDatabase, studyId: string): Promise<AnswerBasis | null> {
  const inputs = await loadStudyInputs(db, studyId);
  if (!inputs) return null;
  const { study, datasets } = inputs;
  const settings: Record<string, unknown> = { hallandRule: inputs.hallandRule, ...(inputs.population ? { population: { id: inputs.population.id, sha256: inputs.population.provenance.sha256 } } : {}) };
  // The estimate and forecast code loads here, when a request's answer is frozen, not with the app (the answer on
  // screen is computed in its worker).
  const answer = await computeStudyAnswer(inputs);
  if (!answer) return { study, datasets, settings };
  const suggestion = suggestionBasis(study, answer);
  const limiting = mostLimitingCriterion(answer.estimate);
  const figures: AnswerFigures = {
    national: { ...answer.estimate.national },
    regions: answer.estimate.regions.map((r) => ({ region: r.region, ...r.eligible })),
    verdict: { verdict: answer.verdict.verdict, probability: answer.verdict.probability },
    ...(limiting ? { limitingStep: { label: limiting.label, lostShare: limiting.lostShare } } : {}),
  };
  return { study, datasets, figures, suggestion, settings };
}

async function nextVersionNumber(db: AntalDatabase, requestId: string): Promise<number> {
  const last = await db.versions.where('[requestId+number]').between([requestId, 0], [requestId, Infinity]).last();
  return last?.number ?? 0;
}

/** Who saves a version, of which kind, with what comment, and the audit trail's line for it. */
export interface VersionNote {
  kind: VersionKind;
  author: string;
  comment: string;
  summary: string;
}

async function writeVersion(ctx: StoreContext, basis: AnswerBasis, request: FeasibilityRequest, { kind, author, comment, summary }: VersionNote): Promise<RequestVersion> {
  const { db, now } = ctx;
  const version = makeVersion({
    id: ctx.newId(),
    request,
    study: basis.study,
    kind,
    author,
    comment,
    previousNumber: await nextVersionNumber(db, request.id),
    now,
    ...(kind === 'snapshot'
      ? {
          figures: basis.figures,
          datasets: basis.datasets.map((d) => ({ id: d.id, name: d.name, sha256: d.provenance.sha256 })),
          settings: basis.settings,
        }
      : {}),
  });
  await db.versions.add(version);
  await appendAudit(db, { kind: 'version', requestId: request.id, summary, details: { number: version.number, versionKind: kind, contentHash: version.contentHash } }, now);
  return version;
}

async function requireBasis(db: AntalDatabase, request: FeasibilityRequest): Promise<AnswerBasis> {
  const basis = await loadAnswerBasis(db, request.studyId);
  if (!basis) throw new Error(`The request's study ${request.studyId} is missing`);
  return basis;
}

/** Saves an immutable version of the request's criteria, assumptions and answers. */
export async function saveVersion(ctx: StoreContext, request: FeasibilityRequest, note: VersionNote): Promise<RequestVersion> {
  const basis = await requireBasis(ctx.db, request);
  const { db } = ctx;
  return db.transaction('rw', [db.versions, ...auditTables(db)], () => writeVersion(ctx, basis, request, note));
}

/**
 * Changes the status. Marking a request answered freezes what was sent as a snapshot version (study, figures,
 * dataset hashes, settings) in the same transaction: there is no answered request without its snapshot.
 */
export async function changeStatus(
  ctx: StoreContext,
  request: FeasibilityRequest,
  status: RequestStatus,
  author: string,
  texts: { summary: string; snapshotComment: string; snapshotSummary: string },
): Promise<FeasibilityRequest> {
  const { db, now } = ctx;
  const after = withStatus(request, status, ctx.today, now.toISOString());
  const freezes = status === 'answered' && request.status !== 'answered';
  const basis = freezes ? await requireBasis(db, request) : null;
  await db.transaction('rw', [db.requests, db.versions, ...auditTables(db)], async () => {
    await db.requests.put(after);
    await appendAudit(db, { kind: 'request', requestId: request.id, summary: texts.summary, details: { action: 'status', from: request.status, to: status } }, now);
    if (basis) await writeVersion(ctx, basis, after, { kind: 'snapshot', author, comment: texts.snapshotComment, summary: texts.snapshotSummary });
  });
  return after;
}

export async function addAttachment(ctx: StoreContext, request: FeasibilityRequest, file: { name: string; bytes: Uint8Array }, summary: string): Promise<AttachmentRecord> {
  const { db, now } = ctx;
  const record: AttachmentRecord = {
    id: ctx.newId(),
    requestId: request.id,
    fileName: file.name,
    mediaType: mediaTypeOf(file.name),
    size: file.bytes.byteLength,
    sha256: sha256Hex(file.bytes),
    addedAt: now.toISOString(),
    bytes: file.bytes,
  };
  await db.transaction('rw', [db.attachments, ...auditTables(db)], async () => {
    await db.attachments.add(record);
    await appendAudit(db, { kind: 'request', requestId: request.id, summary, details: { action: 'attachment-added', fileName: file.name, sha256: record.sha256 } }, now);
  });
  return record;
}

export async function removeAttachment(ctx: StoreContext, attachment: AttachmentRecord, summary: string): Promise<void> {
  const { db, now } = ctx;
  await db.transaction('rw', [db.attachments, ...auditTables(db)], async () => {
    await db.attachments.delete(attachment.id);
    await appendAudit(db, { kind: 'request', requestId: attachment.requestId, summary, details: { action: 'attachment-removed', fileName: attachment.fileName, sha256: attachment.sha256 } }, now);
  });
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
};

export function mediaTypeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MEDIA_TYPES[ext] ?? '';
}
