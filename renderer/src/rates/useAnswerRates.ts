// The answer's rates per 100 000 for the page: computed with the answer in its worker (compute-rates.ts), and
// written here for the current view (exact, or as the sponsor sees it).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosedAnswer } from '../../../shared/disclosure';
import type { Language } from '../../../shared/text/language';
import type { PopulationIssue } from '../../../shared/trend/population';
import type { Answer } from '../answer/answer';
import { answerRateView, type AnswerRateView } from './answer-rates';
import type { RatesOutcome } from './compute-rates';

const NO_RATES: RatesOutcome = { rates: null, error: null };

export interface AnswerRatesState {
  /** The rates as the page writes them, or null when there are none to offer. */
  view: AnswerRateView | null;
  /** Why a linked population gives no rates or doubtful ones. */
  issues: PopulationIssue[];
  /** A population table the reader could not use (its message), with no rates. */
  error: string | null;
}

export function useAnswerRates(answer: Answer, disclosed: DisclosedAnswer | null, hiddenText: string, language: Language): AnswerRatesState {
  const { t } = useTranslation();
  const { estimate, hallandRule } = answer;
  // A population table the reader cannot answer for these criteria gives no rates (and says why); the counts stay.
  const { rates, error } = answer.rates ?? NO_RATES;
  const noPopulation = t('trend.measure.noPopulation');
  const view = useMemo(() => {
    if (!rates) return null;
    const written = answerRateView(rates, estimate, disclosed, hallandRule, language, { hidden: hiddenText, noPopulation });
    // Rates are offered only when at least one figure has one.
    return written.national.interval || written.national.disclosed || [...written.regions.values()].some((c) => c.interval || c.disclosed) ? written : null;
  }, [rates, estimate, disclosed, hallandRule, language, hiddenText, noPopulation]);
  return { view, issues: rates?.issues ?? [], error };
}
