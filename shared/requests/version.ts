/**
 * Immutable versions of a request's criteria, assumptions and answers. A version's content hash is the SHA-256
 * of its canonical JSON, so the same content always has the same hash and any later change is visible. When a
 * request is marked answered, a snapshot version freezes what was sent: the study, the answer figures, the
 * datasets (by content hash) and the settings used.
 */
import type { Study } from '../criteria/study';
import { hashJson } from '../utils/stable-json';
import type { ClinicContact, FeasibilityRequest, FeedbackAnswer, RequestStatus } from './request';

export const VERSION_KINDS = ['criteria', 'answer', 'snapshot'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** The figures of a computed answer, as numbers (no presentation). */
export interface AnswerFigures {
  national: { low: number; point: number; high: number };
  regions: Array<{ region: string; low: number; point: number; high: number }>;
  verdict?: { verdict: string; probability: number };
  limitingStep?: { label: string; lostShare: number };
}

export interface VersionContent {
  /** Criteria and recruitment assumptions. */
  study: Study;
  /** The answer part of the request. */
  answer: {
    status: RequestStatus;
    feedback: Record<string, FeedbackAnswer>;
    overallFeedback: string;
    interest: string;
    clinics: ClinicContact[];
  };
  /** Snapshot only: the computed figures, the datasets used and the settings. */
  figures?: AnswerFigures;
  datasets?: Array<{ id: string; name: string; sha256: string }>;
  settings?: Record<string, unknown>;
}

export interface RequestVersion {
  id: string;
  requestId: string;
  studyId: string;
  /** 1, 2, 3 … per request. */
  number: number;
  kind: VersionKind;
  author: string;
  /** ISO timestamp. */
  createdAt: string;
  comment: string;
  contentHash: string;
  content: VersionContent;
}

export function answerPart(request: FeasibilityRequest): VersionContent['answer'] {
  return {
    status: request.status,
    feedback: request.feedback,
    overallFeedback: request.overallFeedback,
    interest: request.interest,
    clinics: request.clinics,
  };
}

export function contentHash(content: VersionContent): string {
  return hashJson(content);
}

export interface NewVersionInput {
  id: string;
  request: FeasibilityRequest;
  study: Study;
  kind: VersionKind;
  author: string;
  comment: string;
  previousNumber: number;
  now: Date;
  figures?: AnswerFigures;
  datasets?: VersionContent['datasets'];
  settings?: Record<string, unknown>;
}

export function makeVersion(input: NewVersionInput): RequestVersion {
  const content: VersionContent = {
    study: input.study,
    answer: answerPart(input.request),
    ...(input.figures ? { figures: input.figures } : {}),
    ...(input.datasets ? { datasets: input.datasets } : {}),
    ...(input.settings ? { settings: input.settings } : {}),
  };
  // Deep-freeze by round-trip: the stored content must not share objects with the live, editable request.
  const frozen = JSON.parse(JSON.stringify(content)) as VersionContent;
  return {
    id: input.id,
    requestId: input.request.id,
    studyId: input.study.id,
    number: input.previousNumber + 1,
    kind: input.kind,
    author: input.author,
    createdAt: input.now.toISOString(),
    comment: input.comment,
    contentHash: contentHash(frozen),
    content: frozen,
  };
}

/** True when the stored content still has the hash recorded when the version was saved. */
export function versionIntact(version: RequestVersion): boolean {
  return contentHash(version.content) === version.contentHash;
}
