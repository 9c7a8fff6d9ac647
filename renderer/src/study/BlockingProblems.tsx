/**
 * Blocking problems of an answer: each in Swedish (or English) from the core's texts, naming the dataset and the
 * mismatch, with a button per one-click fix. While any is there, the answer shows no figures.
 */
import { useTranslation } from 'react-i18next';
import { fixLabel, problemMessage } from '../../../shared/answer/describe';
import type { BlockingProblem, ProblemFix } from '../../../shared/estimate/types';
import type { Language } from '../../../shared/text/language';
import { StatusLine } from '../ui/StatusLine';

export function BlockingProblems({ problems, onFix, datasetName, language, headingLevel = 2 }: { problems: readonly BlockingProblem[]; onFix?: (fix: ProblemFix) => void; datasetName: (id: string) => string; language: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <StatusLine as="section" panel error className="warnings blocking" labelledBy="blocked-title" testId="blocking-problems">
      <Heading id="blocked-title">{t('study.blocking.title')}</Heading>
      <p>{onFix ? t('study.blocking.intro') : t('answer.blockedIntro')}</p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i} data-testid="blocking-problem">
            <p>{problemMessage(problem, language)}</p>
            {onFix && problem.fixes.length > 0 && (
              <p className="blocking-fixes">
                {problem.fixes.map((fix, j) => (
                  <button key={j} type="button" className="button small" onClick={() => onFix(fix)}>
                    {fixLabel(fix, language, datasetName)}
                  </button>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </StatusLine>
  );
}
