// The letter's readiness checklist: every check with ✓ or ✗, what fails and where it is put right, and an
// acknowledgement button for each warning of the answer not yet acknowledged. Shown on the guided answer's letter
// step and under the answer; the export itself refuses a letter the checklist refuses.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerIssue, Readiness, ReadinessCheck } from '../../../shared/letter/readiness';
import { readinessPassedText, readinessProblemText, readinessSummaryText } from '../../../shared/letter/readiness-texts';
import { useServices } from '../context';
import { StatusLine } from '../ui/StatusLine';

export function ReadinessChecklist({
  readiness,
  effRequired,
  linkFor,
  onAcknowledge,
  acknowledging = false,
  error,
}: {
  readiness: Readiness;
  effRequired: boolean;
  /** Where a failed check is put right (a link), or null when it is put right here on the page. */
  linkFor: (check: ReadinessCheck) => ReactNode;
  /** Acknowledges a warning of the answer (explicit and audited); absent when there is no request to record it on. */
  onAcknowledge?: (issue: AnswerIssue) => void;
  acknowledging?: boolean;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const { language } = useServices();
  // Each unacknowledged warning's number, for the accessible name of its button ("… (varning 2)").
  const warningNumbers = new Map(
    readiness.problems.flatMap((p) => (p.code === 'unacknowledged' ? [p.issue.key] : [])).map((key, i) => [key, i + 1] as const),
  );
  return (
    <section className="panel letter-readiness" aria-labelledby="letter-readiness-title" data-testid="letter-readiness">
      <h3 id="letter-readiness-title">{t('letter.readiness.title')}</h3>
      <ul>
        {readiness.items.map((item) => {
          const link = item.ok ? null : linkFor(item.check);
          return (
            <li key={item.check} className={item.ok ? 'ok' : 'missing'} data-ok={item.ok} data-check={item.check}>
              <span className="check-mark" aria-hidden="true">
                {item.ok ? '✓' : '✗'}
              </span>{' '}
              {item.ok ? (
                readinessPassedText(item.check, language, effRequired)
              ) : (
                <>
                  {item.problems.length === 1 && item.problems[0]!.code !== 'unacknowledged' ? (
                    readinessProblemText(item.problems[0]!, language)
                  ) : (
                    <ul className="readiness-problems">
                      {item.problems.map((problem, i) => {
                        if (problem.code !== 'unacknowledged') return <li key={i}>{readinessProblemText(problem, language)}</li>;
                        const n = warningNumbers.get(problem.issue.key) ?? 0;
                        return (
                          <li key={problem.issue.key} data-testid="unacknowledged-warning">
                            {readinessProblemText(problem, language)}{' '}
                            {onAcknowledge && (
                              <button type="button" className="button small" disabled={acknowledging} onClick={() => onAcknowledge(problem.issue)}>
                                {t('letter.readiness.acknowledge')}
                                <span className="visually-hidden"> {t('letter.readiness.warningNumber', { n })}</span>
                              </button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {link && <> {link}</>}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <StatusLine error>
          {error}
        </StatusLine>
      )}
      <StatusLine className={readiness.ready ? 'readiness-ready' : 'readiness-not-ready'} testId="letter-readiness-summary">
        {readinessSummaryText(readiness.problems.length, language)}
      </StatusLine>
    </section>
  );
}
