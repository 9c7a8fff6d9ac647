// The answer's rates per 100 000 for the page: computed once per answer (the population table is read on the main
// thread: one estimate over its cells for the answer's period), and written for the current view (exact, or as the
// sponsor sees it).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosedAnswer } from '../../../shared/disclosure';
import type { Language } from '../../../shared/text/language';
import type { PopulationIssue } from '../../../shared/trend/population';
import type { Answer } from '../answer/answer';
import { answerRates, answerRateView, type AnswerRateView } from './answer-rates';

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
  const { study, estimate, population, hallandRule } = answer;
  const computed = useMemo((): { rates: ReturnType<typeof answerRates>; error: string | null } => {
    try {
      return { rates: answerRates(study, estimate, population, hallandRule), error: null };
    } catch (e) {
      // A population table the reader cannot answer for these criteria gives no rates (and says why); the counts stay.
      return { rates: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [study, estimate, population, hallandRule]);
  const { rates, error } = computed;
  const noPopulation = t('trend.measure.noPopulation');
  const view = useMemo(() => {
    if (!rates) return null;
    const written = answerRateView(rates, estimate, disclosed, hallandRule, language, { hidden: hiddenText, noPopulation });
    // Rates are offered only when at least one figure has one.
    return written.national.interval || written.national.disclosed || [...written.regions.values()].some((c) => c.interval || c.disclosed) ? written : null;
  }, [rates, estimate, disclosed, hallandRule, language, hiddenText, noPopulation]);
  return { view, issues: rates?.issues ?? [], error };
}
