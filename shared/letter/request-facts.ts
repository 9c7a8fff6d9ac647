/**
 * What a letter takes from a stored feasibility request (shared/requests): the sponsor's reference, the protocol
 * number and our registration number, the sponsor as recipient, the title as subject, the confidentiality marking
 * in the letter's language, and the Early Feedback Form answers the coordinator gave (country feasibility only).
 */
import type { EffAnswers, RequestFacts, TriState } from '../answer/snapshot';
import type { FeasibilityRequest, FeedbackAnswer } from '../requests/request';
import type { Verdict } from '../recruitment/verdict';
import { letterText } from './texts';
import type { Language } from '../text/language';

const TRI: readonly string[] = ['yes', 'no', 'unknown'];
const CHANCES: readonly string[] = ['very-good', 'good', 'small'];
const FACTORS = { 'competing-studies': 'competing-studies', 'exclusion-criteria': 'exclusion-criteria', 'no-factors': 'none', other: 'other' } as const;

function withComment<T extends string>(answer: T, comment: string): { answer: T; comment?: string } {
  return comment.trim() ? { answer, comment: comment.trim() } : { answer };
}

function tri(answer: FeedbackAnswer | undefined): { answer: TriState; comment?: string } | undefined {
  if (!answer || !TRI.includes(answer.choice)) return undefined;
  return withComment(answer.choice as TriState, answer.comment);
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function effAnswersFrom(request: FeasibilityRequest): EffAnswers | undefined {
  if (request.type !== 'country') return undefined;
  const f = request.feedback;
  const eff: EffAnswers = {};
  const population = tri(f['population-present']);
  if (population) eff.populationPresent = population;
  const chances = f['recruitment-chances'];
  if (chances && CHANCES.includes(chances.choice)) eff.recruitmentChances = withComment(chances.choice as Verdict, chances.comment);
  const limiting = f['limiting-factors'];
  if (limiting && limiting.choice in FACTORS) {
    const factor = FACTORS[limiting.choice as keyof typeof FACTORS];
    eff.limitingFactors = limiting.comment.trim() ? { factors: [factor], comment: limiting.comment.trim() } : { factors: [factor] };
  }
  const discouraging = tri(f['discouraging-factors']);
  if (discouraging) eff.discouragingFactors = discouraging;
  const care = tri(f['standard-of-care']);
  if (care) eff.standardOfCare = care;
  const setting = text(f['care-setting']?.comment);
  if (setting) eff.careSetting = setting;
  const clinics = text(f['relevant-clinics']?.comment);
  if (clinics) eff.relevantClinics = clinics;
  // Every question of the sponsor's own is kept, answered or not, so a missing answer is seen (the letter's
  // readiness checklist names it) instead of the question silently disappearing from the letter.
  const further = request.questions
    .filter((q) => !q.standard && q.text?.trim())
    .map((q) => ({ question: q.text!.trim(), answer: [f[q.id]?.choice, f[q.id]?.comment.trim()].filter((p) => p).join('. ') }));
  if (further.length > 0) eff.further = further;
  const overall = text(request.overallFeedback);
  if (overall) eff.overallFeedback = overall;
  const interest = text(request.interest);
  if (interest) eff.interest = interest;
  return eff;
}

export function requestFacts(request: FeasibilityRequest, language: Language): RequestFacts {
  const t = letterText(language);
  const facts: RequestFacts = {
    subject: t('subjectDefault', { title: request.title.trim() }),
    confidentiality: t(`marking_${request.confidentiality.replace('-', '_') as 'osl'}`),
    recipient: { name: request.sponsorContact.trim(), organisation: request.sponsor.trim() },
  };
  const reference = text(request.sponsorReference);
  if (reference) facts.reference = reference;
  const protocol = text(request.protocolNumber);
  if (protocol) facts.protocolNumber = protocol;
  if (request.localReference.trim()) facts.diaryNumber = request.localReference.trim();
  const eff = effAnswersFrom(request);
  if (eff) facts.eff = eff;
  return facts;
}
