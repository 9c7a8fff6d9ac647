// The texts a table cell or chart shows for a figure: exact (as computed) or as the disclosure policy prints it.
import type { DisclosedAttritionStep, DisclosedFigure } from '../../../shared/disclosure';
import { roundInterval, type Interval } from '../../../shared/utils/interval';
import { formatCount, formatIntervalRange, formatPercent } from '../format';
import type { Language } from '../../../shared/text/language';

export interface FigureTexts {
  low: string;
  point: string;
  high: string;
  /** "low–high" */
  range: string;
  suppressed: 'primary' | 'secondary' | null;
}

export function figureTexts(interval: Interval, disclosed: DisclosedFigure | null | undefined, language: Language): FigureTexts {
  if (disclosed) {
    const hidden = [disclosed.low, disclosed.point, disclosed.high].some((v) => v.suppressed);
    return { ...disclosed.texts, range: disclosed.intervalText, suppressed: disclosed.suppressed ?? (hidden ? 'secondary' : null) };
  }
  const v = roundInterval(interval);
  const [low, point, high] = [formatCount(v.low, language), formatCount(v.point, language), formatCount(v.high, language)];
  return { low, point, high, range: `${low}–${high}`, suppressed: null };
}

/**
 * Where a figure sorts in a chart: by the printed number only (ties by label), small values after every printed
 * number and hidden ones last — sorting by the true value would reveal the order of what is hidden.
 */
export function disclosedSortKey(figure: DisclosedFigure): [number, number] {
  if (figure.point.kind === 'shown' || figure.point.kind === 'zero') return [0, -(figure.point.value ?? 0)];
  if (figure.point.kind === 'band') return [0, -figure.point.display.high];
  return figure.point.kind === 'small' ? [1, 0] : [2, 0];
}

export function compareForChart<T extends { label: string; interval: Interval; disclosed?: DisclosedFigure | null }>(a: T, b: T): number {
  if (a.disclosed && b.disclosed) {
    const [ga, va] = disclosedSortKey(a.disclosed);
    const [gb, vb] = disclosedSortKey(b.disclosed);
    return ga - gb || va - vb || a.label.localeCompare(b.label);
  }
  return b.interval.point - a.interval.point;
}

export interface AttritionTexts {
  point: string;
  range: string;
  remaining: string;
  lost: string;
}

/** An attrition row's cells: exact, or as disclosed (percentages from printed numbers only, else the hidden text). */
export function attritionTexts(
  step: { type: string; total: Interval; remainingShare: number; lostShare: number },
  disclosed: DisclosedAttritionStep | null | undefined,
  hiddenText: string,
  language: Language,
): AttritionTexts {
  const lostOf = (share: number | null) => (step.type === 'base' ? '' : share === null ? hiddenText : formatPercent(share, language));
  if (disclosed) {
    const f = disclosed.figure;
    return {
      point: f.text,
      range: f.intervalText,
      remaining: disclosed.remainingShare === null ? hiddenText : formatPercent(disclosed.remainingShare, language),
      lost: lostOf(disclosed.lostShare),
    };
  }
  return { point: formatCount(step.total.point, language), range: formatIntervalRange(step.total, language), remaining: formatPercent(step.remainingShare, language), lost: lostOf(step.lostShare) };
}
