// The rate columns beside the counts in the answer's tables (population, rate, its interval) and the caption note
// that says what the rates are per, that they do not add up, and in the sponsor view what they are computed from.
import { useTranslation } from 'react-i18next';
import type { AnswerRateView, RateCell } from './answer-rates';

export function RateHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="num">{t('rates.columns.population')}</th>
      <th scope="col" className="num">{t('rates.columns.rate')}</th>
      <th scope="col" className="num">{t('rates.columns.rateRange')}</th>
    </>
  );
}

export function RateCells({ cell }: { cell: RateCell | undefined }) {
  return (
    <>
      <td className="num">{cell?.population ?? ''}</td>
      <td className="num" data-rate="point" data-suppressed={cell?.suppressed ?? undefined}>
        {cell?.point ?? ''}
      </td>
      <td className="num" data-rate="range">
        {cell?.range ?? ''}
      </td>
    </>
  );
}

export function RatesCaption({ rates, sponsor, projected }: { rates: AnswerRateView; sponsor: boolean; projected: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="rates-caption" data-testid="rates-caption">
      {' '}
      {t('rates.caption', { period: rates.period })}
      {projected && <> {t('rates.projected', { period: rates.period })}</>}
      {sponsor && <> {t('rates.captionSponsor')}</>}
    </span>
  );
}
