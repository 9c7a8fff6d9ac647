// The answer file of the answer on screen: the study's criteria, the estimate disclosed under the policy in
// force, the unit's name, the request's title, Early Feedback Form answers and interested clinics (when the
// study answers a request) and the datasets' provenance. Pure: the panel gathers the inputs from the database.
import { createAnswerFile, type AnswerFile } from '../../../shared/answer-file';
import type { DisclosurePolicy } from '../../../shared/disclosure';
import { effAnswersFrom } from '../../../shared/letter/request-facts';
import { interestedClinicContacts } from '../../../shared/requests/clinics';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { CountyCode } from '../../../shared/regions/regions';
import type { Answer } from '../answer/answer';

export interface AnswerFileInput {
  answer: Answer;
  unitName: string;
  regions: readonly CountyCode[];
  policy: DisclosurePolicy;
  request?: FeasibilityRequest;
  now: Date;
  /** The audit trail's head now, which the file carries as an anchor of the trail. */
  auditHead?: { seq: number; hash: string };
}

/** The regions a unit most likely answers for: those its data has cells for. */
export function regionsWithData(answer: Answer): CountyCode[] {
  return answer.estimate.regions.filter((r) => r.cells > 0).map((r) => r.region);
}

export function answerFileFromApp(input: AnswerFileInput): AnswerFile {
  const { answer, request } = input;
  const eff = request ? effAnswersFrom(request) : undefined;
  const clinics = request ? interestedClinicContacts(request.clinics).map((c) => ({ name: c.name, region: c.region, ...(c.contact.trim() ? { contact: c.contact.trim() } : {}) })) : [];
  return createAnswerFile({
    unit: { name: input.unitName },
    regions: input.regions,
    study: answer.study,
    request: { reference: answer.study.sponsorReference, title: request?.title.trim() || answer.study.title },
    estimate: answer.estimate,
    basis: answer.datasets[0]!.basis,
    policy: input.policy,
    provenance: answer.datasets.map((d) => ({
      name: d.name,
      publisher: d.provenance.publisher,
      periodFrom: d.provenance.periodFrom,
      periodTo: d.provenance.periodTo,
      sha256: d.provenance.sha256,
      synthetic: d.provenance.synthetic,
    })),
    ...(eff ? { eff } : {}),
    ...(clinics.length > 0 ? { clinics } : {}),
    createdAt: input.now,
    ...(input.auditHead ? { auditHead: input.auditHead } : {}),
  });
}

/** A file name that says what it is: the sponsor's reference, the unit and the date. */
export function answerFileName(file: AnswerFile): string {
  const part = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${part(file.request.reference) || 'svar'}-${part(file.unit.name) || 'enhet'}-${file.createdAt.slice(0, 10)}.json`;
}
