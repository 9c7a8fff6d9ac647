// The Early Feedback Form (Country Feasibility answer): the request's questions with per-answer comments, the
// app's suggestions from the computed answer (accept or override), overall feedback and expressions of interest.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptSuggestion, customQuestion, type Suggestion } from '../../../shared/requests/feedback-form';
import type { FeasibilityRequest, FeedbackAnswer, FeedbackQuestion } from '../../../shared/requests/request';
import { useServices } from '../context';
import { formatIntervalRange, formatPercent } from '../format';

export interface FeedbackDraft {
  questions: FeedbackQuestion[];
  feedback: Record<string, FeedbackAnswer>;
  overallFeedback: string;
  interest: string;
}

export function FeedbackFormPanel({
  request,
  suggestions,
  onSave,
}: {
  request: FeasibilityRequest;
  /** Null while the answer is computed; empty when the study has no data yet. */
  suggestions: Suggestion[] | null;
  onSave: (draft: FeedbackDraft) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraftState] = useState<FeedbackDraft>(() => ({
    questions: request.questions,
    feedback: request.feedback,
    overallFeedback: request.overallFeedback,
    interest: request.interest,
  }));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [newQuestion, setNewQuestion] = useState('');
  const newQuestionId = useId();
  const setDraft = (change: (d: FeedbackDraft) => FeedbackDraft) => {
    setDraftState(change);
    setStatus('idle');
  };

  const answer = (id: string): FeedbackAnswer => draft.feedback[id] ?? { choice: '', comment: '' };
  const setAnswer = (id: string, next: FeedbackAnswer) => setDraft((d) => ({ ...d, feedback: { ...d.feedback, [id]: next } }));

  const save = async () => {
    setStatus('saving');
    try {
      await onSave(draft);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <section className="panel" aria-labelledby="eff-title" data-testid="feedback-form">
      <h2 id="eff-title">{t('requests.efq.title')}</h2>
      <p className="hint">{t('requests.efq.intro')}</p>
      {suggestions === null && <p role="status">{t('requests.efq.computing')}</p>}
      {suggestions !== null && suggestions.length === 0 && <p className="hint">{t('requests.efq.noData')}</p>}
      {draft.questions.map((q, index) => (
        <QuestionField
          key={q.id}
          number={index + 1}
          question={q}
          answer={answer(q.id)}
          suggestion={suggestions?.find((s) => s.questionId === q.id)}
          onChange={(next) => setAnswer(q.id, next)}
          onAccept={(s) => setDraft((d) => ({ ...d, feedback: acceptSuggestion({ ...request, feedback: d.feedback }, s) }))}
          onRemove={q.standard ? undefined : () => setDraft((d) => ({ ...d, questions: d.questions.filter((x) => x.id !== q.id) }))}
        />
      ))}
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
            setDraft((d) => ({ ...d, questions: [...d.questions, customQuestion(d.questions, newQuestion.trim())] }));
            setNewQuestion('');
          }}
        >
          {t('requests.efq.add')}
        </button>
      </div>
      <LongText label={t('requests.efq.overallFeedback')} value={draft.overallFeedback} onChange={(overallFeedback) => setDraft((d) => ({ ...d, overallFeedback }))} />
      <LongText label={t('requests.efq.interest')} value={draft.interest} onChange={(interest) => setDraft((d) => ({ ...d, interest }))} />
      <div className="form-actions">
        <button type="button" className="button primary" disabled={status === 'saving'} onClick={() => void save()}>
          {t('requests.efq.save')}
        </button>
        <p role="status" data-testid="feedback-save-status">
          {status === 'saved' ? t('requests.form.saved') : status === 'failed' ? t('requests.form.failed') : ''}
        </p>
      </div>
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
  onChange,
  onAccept,
  onRemove,
}: {
  number: number;
  question: FeedbackQuestion;
  answer: FeedbackAnswer;
  suggestion: Suggestion | undefined;
  onChange: (next: FeedbackAnswer) => void;
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
              <input
                type="radio"
                name={id}
                value={option}
                checked={answer.choice === option}
                onChange={() => onChange({ ...answer, choice: option, acceptedSuggestion: suggestion?.choice === option ? answer.acceptedSuggestion : false })}
              />
              <span>{t(`requests.efq.options.${option}`)}</span>
            </label>
          ))}
        </div>
      )}
      {suggestion && <SuggestionLine suggestion={suggestion} accepted={answer.choice === suggestion.choice} onAccept={() => onAccept(suggestion)} questionLabel={label} />}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{question.kind === 'choice' ? t('requests.efq.comment') : t('requests.efq.answer')}</label>
        <textarea id={`${id}-comment`} rows={2} value={answer.comment} onChange={(e) => onChange({ ...answer, comment: e.target.value })} />
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

function SuggestionLine({ suggestion, accepted, onAccept, questionLabel }: { suggestion: Suggestion; accepted: boolean; onAccept: () => void; questionLabel: string }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const choice = t(`requests.efq.options.${suggestion.choice}`);
  let reason: string;
  switch (suggestion.questionId) {
    case 'population-present':
      reason = t(`requests.efq.reasons.${suggestion.reason}`, { range: formatIntervalRange(suggestion.national, language) });
      break;
    case 'recruitment-chances':
      reason = t('requests.efq.reasons.verdict', { probability: formatPercent(suggestion.probability, language, 0) });
      break;
    case 'limiting-factors':
      reason = suggestion.step
        ? t('requests.efq.reasons.limiting-step', { step: suggestion.step.label, lost: formatPercent(suggestion.step.lostShare, language) })
        : t('requests.efq.reasons.no-steps');
      break;
  }
  return (
    <p className="hint" data-testid={`suggestion-${suggestion.questionId}`}>
      {t('requests.efq.suggestion', { choice, reason })}{' '}
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
