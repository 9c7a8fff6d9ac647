/**
 * What a letter takes from a stored feasibility request (shared/requests): its registration number, the
 * sponsor as recipient, the title as subject, the confidentiality marking in the letter's language, and the
 * Early Feedback Form answers the coordinator gave (country feasibility only).
 */
import type { EffAnswers, RequestFacts, TriState } from '../answer/snapshot';
import type { FeasibilityRequest, FeedbackAnswer } from '../requests/request';
import { letterText } from './texts';
import type { Language } from '../text/language';

const TRI: readonly string[] = ['yes', 'no', 'unknown'];
const FACTORS = { 'competing-studies': 'competing-studies', 'exclusion-criteria': 'exclusion-criteria', 'no-factors': 'none', other: 'other' } as const;

function tri(answer: FeedbackAnswer | undefined): { answer: TriState; comment?: string } | undefined {
  if (!answer || !TRI.includes(answer.choice)) return undefined;
  return answer.comment.trim() ? { answer: answer.choice as TriState, comment: answer.comment.trim() } : { answer: answer.choice as TriState };
}

function text(answer: FeedbackAnswer | undefined): string | undefined {
  const value = answer?.comment.trim();
  return value ? value : undefined;
}

export function effAnswersFrom(request: FeasibilityRequest): EffAnswers | undefined {
  if (request.type !== 'country') return undefined;
  const f = request.feedback;
  const eff: EffAnswers = {};
  const population = tri(f['population-present']);
  if (population) eff.populationPresent = population;
  const recruitment = text(f['recruitment-chances']);
  if (recruitment) eff.recruitmentComment = recruitment;
  const limiting = f['limiting-factors'];
  if (limiting && limiting.choice in FACTORS) {
    const factor = FACTORS[limiting.choice as keyof typeof FACTORS];
    eff.limitingFactors = limiting.comment.trim() ? { factors: [factor], comment: limiting.comment.trim() } : { factors: [factor] };
  }
  const discouraging = tri(f['discouraging-factors']);
  if (discouraging) eff.discouragingFactors = discouraging;
  const care = tri(f['standard-of-care']);
  if (care) eff.standardOfCare = care;
  const setting = text(f['care-setting']);
  if (setting) eff.careSetting = setting;
  const clinics = text(f['relevant-clinics']);
  if (clinics) eff.relevantClinics = clinics;
  const further = request.questions
    .filter((q) => !q.standard && q.text?.trim())
    .map((q) => ({ question: q.text!.trim(), answer: [f[q.id]?.choice, f[q.id]?.comment.trim()].filter((p) => p).join('. ') }))
    .filter((q) => q.answer !== '');
  if (further.length > 0) eff.further = further;
  return eff;
}

export function requestFacts(request: FeasibilityRequest, language: Language): RequestFacts {
  const t = letterText(language);
  const facts: RequestFacts = {
    subject: t('subjectDefault', { title: request.title.trim() }),
    confidentiality: t(`marking_${request.confidentiality.replace('-', '_') as 'osl'}`),
    recipient: { name: request.sponsorContact.trim(), organisation: request.sponsor.trim() },
  };
  if (request.localReference.trim()) facts.diaryNumber = request.localReference.trim();
  const eff = effAnswersFrom(request);
  if (eff) facts.eff = eff;
  return facts;
}
