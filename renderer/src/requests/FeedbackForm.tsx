// The Early Feedback Form (the Country Feasibility answer), one component for the forecast step of the guided
// answer and the request page: the request's questions with a choice and a comment each, the app's suggestions
// (shared/requests/feedback-form.ts: one rule each, with its reason; accepting is an explicit act), the sponsor's
// own questions, overall feedback and expressions of interest. Everything is saved automatically on the request,
// the form's one home, so answers given in either place are the answers the letter prints.
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptSuggestion, chooseOption, customQuestion, type Suggestion, unansweredQuestions } from '../../../shared/requests/feedback-form';
import type { FeasibilityRequest, FeedbackAnswer, FeedbackQuestion } from '../../../shared/requests/request';
import { useServices } from '../context';
import { formatIntervalRange, formatPercent } from '../format';
import { useStoreContext } from './common';
import { saveRequest } from './request-store';
import { type DraftAutosave, type DraftShape, useRequestDraftAutosave } from './useRequestDraftAutosave';
import { StatusLine } from '../ui/StatusLine';

export interface FeedbackDraft {
  questions: FeedbackQuestion[];
  feedback: Record<string, FeedbackAnswer>;
  overallFeedback: string;
  interest: string;
}

export const FEEDBACK_DRAFT: DraftShape<FeedbackDraft> = {
  of: (r) => ({ questions: r.questions, feedback: r.feedback, overallFeedback: r.overallFeedback, interest: r.interest }),
  apply: (r, d) => ({ ...r, questions: d.questions, feedback: d.feedback, overallFeedback: d.overallFeedback, interest: d.interest }),
  valid: () => true,
};

/** The form's answers of one request, saved automatically and audited (one entry per pause). */
export function useFeedbackAutosave(request: FeasibilityRequest, onSaved?: (stored: FeasibilityRequest) => void): DraftAutosave<FeedbackDraft> {
  const { t } = useTranslation();
  const storeContext = useStoreContext();
  const summary = t('requests.auditText.feedback');
  const save = useCallback((before: FeasibilityRequest, after: FeasibilityRequest) => saveRequest(storeContext(), before, after, summary), [storeContext, summary]);
  return useRequestDraftAutosave(request, save, FEEDBACK_DRAFT, summary, onSaved);
}

export function FeedbackForm({
  autosave,
  suggestions,
  headingLevel = 2,
}: {
  autosave: DraftAutosave<FeedbackDraft>;
  /** Null while the answer is computed; empty when the study has no data yet. */
  suggestions: Suggestion[] | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { draft, update, state } = autosave;
  const [newQuestion, setNewQuestion] = useState('');
  const newQuestionId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const unanswered = useMemo(() => unansweredQuestions(draft), [draft]);

  const answer = (id: string): FeedbackAnswer => draft.feedback[id] ?? { choice: '', comment: '' };
  const setFeedback = (change: (feedback: FeedbackDraft['feedback']) => FeedbackDraft['feedback']) => update((d) => ({ ...d, feedback: change(d.feedback) }));

  return (
    <section className="panel" aria-labelledby="eff-title" data-testid="feedback-form">
      <Heading id="eff-title">{t('requests.efq.title')}</Heading>
      <p className="hint">{t('requests.efq.intro')}</p>
      {suggestions === null && <StatusLine>{t('requests.efq.computing')}</StatusLine>}
      {suggestions !== null && suggestions.length === 0 && <p className="hint">{t('requests.efq.noData')}</p>}
      <p className="hint" data-testid="feedback-progress">
        {unanswered.length === 0 ? t('requests.efq.allAnswered') : t('requests.efq.unanswered', { count: unanswered.length, questions: unanswered.map((u) => u.number).join(', ') })}
      </p>
      {draft.questions.map((q, index) => {
        const suggestion = suggestions?.find((s) => s.questionId === q.id);
        return (
          <QuestionField
            key={q.id}
            number={index + 1}
            question={q}
            answer={answer(q.id)}
            suggestion={suggestion}
            onChoose={(option) => setFeedback((f) => chooseOption(f, q.id, option, suggestion))}
            onComment={(comment) => setFeedback((f) => ({ ...f, [q.id]: { ...(f[q.id] ?? { choice: '', comment: '' }), comment } }))}
            onAccept={(s) => setFeedback((f) => acceptSuggestion(f, s))}
            onRemove={q.standard ? undefined : () => update((d) => ({ ...d, questions: d.questions.filter((x) => x.id !== q.id) }))}
          />
        );
      })}
      <div className="form-actions">
        <div className="field">
          <label htmlFor={newQuestionId}>{t('requests.efq.addQuestion')}</label>
          <input id={newQuestionId} value={newQuestion} onChange={(e) => setNewQuestion(e.target.value)} />
        </div>
        <button
          type="button"
          className="button"
          disabled={!newQuestion.trim()}
          onClick={() => {
            const text = newQuestion.trim();
            update((d) => ({ ...d, questions: [...d.questions, customQuestion(d.questions, text)] }));
            setNewQuestion('');
          }}
        >
          {t('requests.efq.add')}
        </button>
      </div>
      <LongText label={t('requests.efq.overallFeedback')} value={draft.overallFeedback} onChange={(overallFeedback) => update((d) => ({ ...d, overallFeedback }))} />
      <LongText label={t('requests.efq.interest')} value={draft.interest} onChange={(interest) => update((d) => ({ ...d, interest }))} />
      <StatusLine hint testId="feedback-save-status">
        {t(`requests.efq.saveState.${state}`)}
      </StatusLine>
    </section>
  );
}

function LongText({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function QuestionField({
  number,
  question,
  answer,
  suggestion,
  onChoose,
  onComment,
  onAccept,
  onRemove,
}: {
  number: number;
  question: FeedbackQuestion;
  answer: FeedbackAnswer;
  suggestion: Suggestion | undefined;
  onChoose: (option: string) => void;
  onComment: (comment: string) => void;
  onAccept: (suggestion: Suggestion) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const text = question.standard ? t(`requests.efq.questions.${question.id}`) : (question.text ?? '');
  const label = `${number}. ${text}`;
  return (
    <fieldset className="plan" data-testid={`question-${question.id}`}>
      <legend>{label}</legend>
      {question.kind === 'choice' && (
        <div>
          {question.options.map((option) => (
            <label key={option} className="step-toggle">
              <input type="radio" name={id} value={option} checked={answer.choice === option} onChange={() => onChoose(option)} />
              <span>{t(`requests.efq.options.${option}`)}</span>
            </label>
          ))}
        </div>
      )}
      {suggestion && <SuggestionLine suggestion={suggestion} accepted={answer.choice === suggestion.choice && answer.acceptedSuggestion === true} onAccept={() => onAccept(suggestion)} questionLabel={label} />}
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          {question.kind === 'choice' ? t('requests.efq.comment') : t('requests.efq.answer')}
          <span className="visually-hidden"> {label}</span>
        </label>
        <textarea id={`${id}-comment`} rows={2} value={answer.comment} onChange={(e) => onComment(e.target.value)} />
      </div>
      {onRemove && (
        <button type="button" className="button small danger" onClick={onRemove}>
          {t('requests.efq.removeQuestion')}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
    </fieldset>
  );
}

/** The reason a suggestion was made, in words. */
export function suggestionReason(suggestion: Suggestion, t: ReturnType<typeof useTranslation>['t'], language: Parameters<typeof formatPercent>[1]): string {
  switch (suggestion.questionId) {
    case 'population-present':
      return t(`requests.efq.reasons.${suggestion.reason}`, { range: formatIntervalRange(suggestion.national, language) });
    case 'recruitment-chances':
      return t('requests.efq.reasons.verdict', { probability: formatPercent(suggestion.probability, language, 0) });
    case 'limiting-factors': {
      const step = suggestion.step;
      if (!step) return t('requests.efq.reasons.nothing-lost');
      const lost = formatPercent(step.lostShare, language);
      return step.kind === 'criterion' ? t('requests.efq.reasons.criterion', { step: step.label, lost }) : t('requests.efq.reasons.funnel', { step: t(`requests.efq.funnel.${step.kind}`), lost });
    }
  }
}

function SuggestionLine({ suggestion, accepted, onAccept, questionLabel }: { suggestion: Suggestion; accepted: boolean; onAccept: () => void; questionLabel: string }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const choice = t(`requests.efq.options.${suggestion.choice}`);
  return (
    <p className="hint" data-testid={`suggestion-${suggestion.questionId}`}>
      {t('requests.efq.suggestion', { choice, reason: suggestionReason(suggestion, t, language) })}{' '}
      {accepted ? (
        <strong>{t('requests.efq.suggestionTaken')}</strong>
      ) : (
        <button type="button" className="button small" onClick={onAccept}>
          {t('requests.efq.accept')}
          <span className="visually-hidden"> {questionLabel}</span>
        </button>
      )}
    </p>
  );
}
