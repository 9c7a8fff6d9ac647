/**
 * The letter readiness checklist in words, Swedish and English: the same sentences in the app's checklist and in
 * `antal letter`'s refusal, so the CLI and the app say the same thing about the same answer.
 */
import type { Language } from '../text/language';
import { fill } from '../text/template';
import type { ReadinessCheck, ReadinessProblem } from './readiness';

const sv = {
  passed_title: 'Förfrågan har en titel.',
  passed_data: 'Svaret bygger på kopplade data som kan användas.',
  passed_criteria: 'Minst ett kriterium är påslaget.',
  passed_sites: 'Minst en rekryterande klinik finns i prognosen.',
  passed_answer: 'Svaret hör till de senaste ändringarna.',
  passed_warnings: 'Alla varningar i svaret är bekräftade.',
  passed_eff: 'Early Feedback Form är besvarat.',
  passed_effNotNeeded: 'Early Feedback Form ingår inte i svar på klinikförfrågningar.',
  passed_letterhead: 'Enhetens namn står i brevhuvudet.',
  passed_signature: 'Brevet har en undertecknare.',
  'no-title': 'Förfrågan saknar titel.',
  'no-dataset': 'Inget dataset är kopplat.',
  'no-data-used': 'Svaret bygger inte på några data: inget av de kopplade dataseten kan användas.',
  'answer-blocked': '{text}',
  'no-criteria': 'Inga kriterier är påslagna.',
  'no-site': 'Ingen rekryterande klinik i prognosen.',
  computing: 'Svaret räknas om efter den senaste ändringen.',
  'compute-error': 'Beräkningen av svaret misslyckades.',
  unacknowledged: 'Inte bekräftad: {text}',
  'eff-unanswered_one': 'Early Feedback Form: fråga {questions} är obesvarad.',
  'eff-unanswered_other': 'Early Feedback Form: frågorna {questions} är obesvarade.',
  'no-letterhead': 'Enhetsprofilen saknar enhetens namn: brevet skulle sakna brevhuvud.',
  'no-signatory': 'Enhetsprofilen saknar undertecknare: brevet skulle ha en tom underskrift.',
  and: ' och ',
  ready: 'Allt är klart: brevet kan förhandsgranskas och exporteras.',
  notReady_one: 'Brevet kan inte exporteras ännu: {count} sak saknas.',
  notReady_other: 'Brevet kan inte exporteras ännu: {count} saker saknas.',
  acknowledgeHint: 'Bekräfta med antal letter --acknowledge {key} (eller i förfrågningsfilens "acknowledgements").',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  passed_title: 'The request has a title.',
  passed_data: 'The answer rests on linked data that can be used.',
  passed_criteria: 'At least one criterion is switched on.',
  passed_sites: 'At least one recruiting site is in the forecast.',
  passed_answer: 'The answer belongs to the latest changes.',
  passed_warnings: 'Every warning of the answer is acknowledged.',
  passed_eff: 'The Early Feedback Form is answered.',
  passed_effNotNeeded: 'The Early Feedback Form is not part of a Site Feasibility answer.',
  passed_letterhead: "The unit's name is on the letterhead.",
  passed_signature: 'The letter has a signatory.',
  'no-title': 'The request has no title.',
  'no-dataset': 'No dataset is linked.',
  'no-data-used': 'The answer rests on no data: none of the linked datasets can be used.',
  'answer-blocked': '{text}',
  'no-criteria': 'No criteria are switched on.',
  'no-site': 'No recruiting site in the forecast.',
  computing: 'The answer is being recomputed after the latest change.',
  'compute-error': 'Computing the answer failed.',
  unacknowledged: 'Not acknowledged: {text}',
  'eff-unanswered_one': 'Early Feedback Form: question {questions} is unanswered.',
  'eff-unanswered_other': 'Early Feedback Form: questions {questions} are unanswered.',
  'no-letterhead': "The unit profile has no unit name: the letter would have no letterhead.",
  'no-signatory': 'The unit profile has no signatory: the letter would have a blank signature.',
  and: ' and ',
  ready: 'All done: the letter can be previewed and exported.',
  notReady_one: 'The letter cannot be exported yet: {count} thing is missing.',
  notReady_other: 'The letter cannot be exported yet: {count} things are missing.',
  acknowledgeHint: 'Acknowledge with antal letter --acknowledge {key} (or in the request file\'s "acknowledgements").',
};

const TEXTS: Readonly<Record<Language, Readonly<Record<Key, string>>>> = { sv, en };

/** "1, 3 och 6" / "1, 3 and 6". */
function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${TEXTS[language].and}${items[items.length - 1]}`;
}

/** A failed check's reason in words. */
export function readinessProblemText(problem: ReadinessProblem, language: Language): string {
  const t = TEXTS[language];
  switch (problem.code) {
    case 'answer-blocked':
    case 'unacknowledged':
      return fill(t[problem.code], { text: problem.issue.text });
    case 'eff-unanswered':
      return fill(t[problem.questions.length === 1 ? 'eff-unanswered_one' : 'eff-unanswered_other'], {
        questions: list(
          problem.questions.map((q) => String(q.number)),
          language,
        ),
      });
    default:
      return t[problem.code];
  }
}

/** What a passed check means, in words (`effRequired`: false when the answer has no Early Feedback Form). */
export function readinessPassedText(check: ReadinessCheck, language: Language, effRequired = true): string {
  const key: Key = check === 'eff' && !effRequired ? 'passed_effNotNeeded' : `passed_${check}`;
  return TEXTS[language][key];
}

/** The checklist's one-line summary. */
export function readinessSummaryText(problemCount: number, language: Language): string {
  const t = TEXTS[language];
  if (problemCount === 0) return t.ready;
  return fill(problemCount === 1 ? t.notReady_one : t.notReady_other, { count: String(problemCount) });
}

/** How `antal letter` is told that a warning has been read. */
export function acknowledgeHintText(key: string, language: Language): string {
  return fill(TEXTS[language].acknowledgeHint, { key });
}
