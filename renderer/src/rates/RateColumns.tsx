// The rate columns beside the counts in the answer's tables (population, rate, its interval) and the caption note
// that says what the rates are per, that they do not add up, and in the sponsor view what they are computed from.
import { useTranslation } from 'react-i18next';
import type { DataColumn } from '../ui/DataTable';
import type { AnswerRateView, RateCell } from './answer-rates';

/** The rate columns' headings, after a table's own. */
export function rateColumns(t: (key: string) => string): DataColumn[] {
  return [
    { label: t('rates.columns.population'), numeric: true },
    { label: t('rates.columns.rate'), numeric: true },
    { label: t('rates.columns.rateRange'), numeric: true },
  ];
}

/** Whether two cells print the same (a row of figures is redrawn only when what it prints changes). */
export function sameRateCell(a: RateCell | undefined, b: RateCell | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.population === b.population && a.point === b.point && a.range === b.range && a.suppressed === b.suppressed;
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
