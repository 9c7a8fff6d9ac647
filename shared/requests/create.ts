/**
 * New requests: a blank one at intake, a copy of an earlier one ("start from a copy"), and the demo request
 * that wraps the embedded synthetic demo study. Ids and time are passed in, never generated here.
 */
import { STUDY_SCHEMA_VERSION, type Study } from '../criteria/study';
import { STANDARD_QUESTIONS } from './feedback-form';
import type { FeasibilityRequest } from './request';

/** Adds whole days to an ISO date (UTC calendar arithmetic, no time-zone drift). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `today` is the local calendar date (the caller knows the time zone); by default the UTC date of `now`. */
export function blankRequest(id: string, studyId: string, now: Date, today: string = now.toISOString().slice(0, 10)): FeasibilityRequest {
  return {
    id,
    type: 'country',
    title: '',
    therapyArea: '',
    indication: '',
    primaryPurpose: '',
    phase: 'III',
    productKind: 'drug',
    productName: '',
    ceMarking: 'unknown',
    atmp: 'unknown',
    inclusionText: '',
    exclusionText: '',
    targetPatients: null,
    timeline: '',
    plannedStart: '',
    recruitmentMonths: null,
    clinicsSuggested: '',
    receivedOn: today,
    replyDeadline: addDays(today, 14),
    sponsor: '',
    sponsorContact: '',
    swedenSelected: 'unknown',
    localReference: '',
    sponsorReference: '',
    protocolNumber: '',
    confidentiality: 'osl',
    status: 'received',
    owner: '',
    studyId,
    questions: STANDARD_QUESTIONS.map((q) => ({ ...q, options: [...q.options] })),
    feedback: {},
    overallFeedback: '',
    interest: '',
    acknowledgements: [],
    clinics: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * The study (criteria) record for a new request: the same structure as any study, with no steps yet; the
 * recruitment plan starts from the request's target and start, with no sites.
 */
export function blankStudyFor(request: FeasibilityRequest, template: Study): Study {
  return {
    schemaVersion: STUDY_SCHEMA_VERSION,
    id: request.studyId,
    version: 1,
    title: request.title,
    sponsorReference: request.sponsorReference,
    population: { ...template.population },
    ageShare: { ...template.ageShare, source: { kind: 'uniform' } },
    ageReferenceDate: request.plannedStart || template.ageReferenceDate,
    steps: [],
    recruitment: {
      ...template.recruitment,
      targetPatients: request.targetPatients ?? template.recruitment.targetPatients,
      startDate: request.plannedStart || template.recruitment.startDate,
      months: request.recruitmentMonths ?? template.recruitment.months,
      sites: [],
    },
    verdictThresholds: { ...template.verdictThresholds },
  };
}

/**
 * "Start from a copy": the earlier request's description, criteria text and question answers carry over; the
 * workflow starts afresh (received today, no owner's answer date, no clinics' replies, a new reference).
 */
export function copyRequest(source: FeasibilityRequest, id: string, studyId: string, now: Date, today?: string): FeasibilityRequest {
  const fresh = blankRequest(id, studyId, now, today);
  return {
    ...source,
    id,
    studyId,
    title: source.title,
    status: 'received',
    receivedOn: fresh.receivedOn,
    replyDeadline: fresh.replyDeadline,
    answeredOn: undefined,
    localReference: '',
    // Acknowledgements belong to the earlier answer's warnings: the copy's answer is acknowledged afresh.
    acknowledgements: [],
    clinics: [],
    copiedFrom: source.id,
    demo: undefined,
    createdAt: fresh.createdAt,
    updatedAt: fresh.updatedAt,
  };
}

/** A request for a study that existed before requests did: what the study knows, carried over. */
export function requestFromStudy(study: Study, id: string, now: Date): FeasibilityRequest {
  const base = blankRequest(id, study.id, now);
  return {
    ...base,
    title: study.title,
    targetPatients: study.recruitment.targetPatients,
    plannedStart: study.recruitment.startDate,
    recruitmentMonths: study.recruitment.months,
    inclusionText: study.steps.filter((s) => s.type === 'inclusion').map((s) => s.protocolText).join('\n'),
    exclusionText: study.steps.filter((s) => s.type === 'exclusion').map((s) => s.protocolText).join('\n'),
    sponsorReference: study.sponsorReference,
    status: 'in-progress',
  };
}

/** The request that presents the embedded demo study as a (plainly synthetic) Country Feasibility request. */
export function demoRequestFor(study: Study, id: string, now: Date): FeasibilityRequest {
  return {
    ...requestFromStudy(study, id, now),
    therapyArea: 'Onkologi (DEMO)',
    indication: 'Metastaserad kolorektalcancer (DEMO)',
    primaryPurpose: 'Behandling',
    phase: 'III',
    productKind: 'drug',
    productName: 'DEMO-substans',
    sponsor: 'DEMO',
    demo: true,
  };
}
