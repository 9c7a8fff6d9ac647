/**
 * A feasibility request (studieförfrågan) as Feasibility Sweden collects it, from intake to the sent answer.
 * Request content is confidential (OSL 2009:400): every screen that shows a request shows its marking.
 * Dates are ISO calendar dates ("2026-03-14"); timestamps are full ISO strings.
 */
import type { CountyCode } from '../regions/regions';

export const REQUEST_TYPES = ['country', 'site'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = ['received', 'in-progress', 'answered', 'archived'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const PHASES = ['I', 'I-II', 'II', 'II-III', 'III', 'IV', 'not-applicable'] as const;
export type Phase = (typeof PHASES)[number];

export const PRODUCT_KINDS = ['drug', 'device', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const TRI_STATES = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof TRI_STATES)[number];

/** The marking shown wherever the request appears. */
export const CONFIDENTIALITY_MARKINGS = ['osl', 'sponsor-confidential', 'internal'] as const;
export type ConfidentialityMarking = (typeof CONFIDENTIALITY_MARKINGS)[number];

export const CLINIC_STATUSES = ['interested', 'declined', 'no-reply'] as const;
export type ClinicStatus = (typeof CLINIC_STATUSES)[number];

/** A clinic contacted for a Site Feasibility request. */
export interface ClinicContact {
  id: string;
  name: string;
  region: CountyCode;
  /** Investigator or contact person, e-mail, phone: free text. Never exported for a declining clinic. */
  contact: string;
  /** ISO date the clinic was contacted. */
  contactedOn: string;
  status: ClinicStatus;
  /** Why a clinic declined (only meaningful when status is 'declined'). */
  declineReason: string;
}

/** A question on the Early Feedback Form: a standard one (its text comes from the translations) or the sponsor's own. */
export interface FeedbackQuestion {
  id: string;
  kind: 'choice' | 'text';
  /** True for the standard Early Feedback Form questions; false for questions the sponsor added. */
  standard: boolean;
  /** The sponsor's own wording (custom questions only). */
  text?: string;
  /** Option ids of a choice question. */
  options: string[];
}

/** One answer on the Early Feedback Form. */
export interface FeedbackAnswer {
  /** The chosen option id for a choice question; '' when not answered. */
  choice: string;
  /** Free-text answer (text questions) or the comment beside a choice. */
  comment: string;
  /** True when the coordinator accepted the app's suggestion unchanged. */
  acceptedSuggestion?: boolean;
}

/** An explicit, audited "I have read this warning and the answer takes it into account". */
export interface WarningAcknowledgement {
  /** The warning's content key (shared/answer/warning-key.ts): a different warning has a different key. */
  key: string;
  /** The warning's kind (e.g. "masked-cells"), for reading the record. */
  code: string;
  /** The warning as it was worded on screen when it was acknowledged. */
  text: string;
  /** ISO timestamp. */
  at: string;
  /** Who acknowledged it (the request's owner or the unit profile's signatory), '' when unknown. */
  by: string;
}

export interface FeasibilityRequest {
  id: string;
  type: RequestType;
  title: string;
  therapyArea: string;
  indication: string;
  primaryPurpose: string;
  phase: Phase;
  productKind: ProductKind;
  /** Substance or device name. */
  productName: string;
  ceMarking: TriState;
  atmp: TriState;
  /** The sponsor's inclusion criteria, as given. */
  inclusionText: string;
  /** The sponsor's exclusion criteria, as given. */
  exclusionText: string;
  targetPatients: number | null;
  /** Timeline and enrolment plan, as given. */
  timeline: string;
  /** Planned start of recruitment (ISO date) or ''. */
  plannedStart: string;
  /** Planned recruitment period in months, or null. */
  recruitmentMonths: number | null;
  /** Clinics the sponsor suggested or already contacted. */
  clinicsSuggested: string;
  /** ISO date received. */
  receivedOn: string;
  /** ISO date the reply is due. */
  replyDeadline: string;
  sponsor: string;
  sponsorContact: string;
  swedenSelected: TriState;
  /** Our own registration number (diarienummer) or local reference: never the sponsor's. */
  localReference: string;
  /** The sponsor's (or Feasibility Sweden's) reference for the request, as the sponsor wrote it. */
  sponsorReference: string;
  /** The study protocol's number (e.g. "NMX-301-P3"), as the sponsor wrote it. */
  protocolNumber: string;
  confidentiality: ConfidentialityMarking;
  status: RequestStatus;
  owner: string;
  /** The study (criteria) record this request is estimated with: route #/answer/<studyId>. */
  studyId: string;
  /** ISO date the request was marked answered (set when the status first becomes 'answered'). */
  answeredOn?: string;
  /** The Early Feedback Form's questions for this request: the standard ones plus the sponsor's own. */
  questions: FeedbackQuestion[];
  /** Early Feedback Form answers by question id. */
  feedback: Record<string, FeedbackAnswer>;
  /** Overall feedback on the study design. */
  overallFeedback: string;
  /** Expressions of interest (investigators or clinics that want to take part). */
  interest: string;
  /**
   * The coordinator's acknowledgements of the answer's warnings (the letter cannot be exported while a warning is
   * unacknowledged). Each is tied to the warning's content by its key, so a changed warning needs a new one; old
   * ones are kept as the record of what was acknowledged when.
   */
  acknowledgements: WarningAcknowledgement[];
  clinics: ClinicContact[];
  /** Id of the request this one was started from. */
  copiedFrom?: string;
  /** True only for the embedded synthetic demo request. */
  demo?: boolean;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** The descriptive fields the request form edits (workflow and answer fields are changed elsewhere). */
export const DESCRIPTION_FIELDS = [
  'type',
  'title',
  'therapyArea',
  'indication',
  'primaryPurpose',
  'phase',
  'productKind',
  'productName',
  'ceMarking',
  'atmp',
  'inclusionText',
  'exclusionText',
  'targetPatients',
  'timeline',
  'plannedStart',
  'recruitmentMonths',
  'clinicsSuggested',
  'receivedOn',
  'replyDeadline',
  'sponsor',
  'sponsorContact',
  'swedenSelected',
  'localReference',
  'sponsorReference',
  'protocolNumber',
  'confidentiality',
  'owner',
] as const satisfies ReadonlyArray<keyof FeasibilityRequest>;

/** `base` with the descriptive fields taken from `edited`; everything else stays as in `base`. */
export function withDescription(base: FeasibilityRequest, edited: FeasibilityRequest): FeasibilityRequest {
  const next: FeasibilityRequest = { ...base };
  for (const key of DESCRIPTION_FIELDS) (next as unknown as Record<string, unknown>)[key] = edited[key];
  return next;
}
