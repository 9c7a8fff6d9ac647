/**
 * How a compiled figure is printed, the same in the app, the CLI and a compiled letter: an exact value as the
 * number, the policy's small range as its small text ("<5", "≤10"), an unbounded range as "≥ n" (from 0: the
 * policy's text for a hidden figure, ".."), any other range as "a–b". `formatNumber` formats whole numbers for the reader's language (sv-SE "1 234").
 */
import { smallValueRange, smallValueText, type DisclosurePolicy } from '../disclosure';
import type { CompiledFigure, Range } from './types';
import type { Language } from '../text/language';

export function rangeText(r: Range, policy: DisclosurePolicy, formatNumber: (n: number) => string = String): string {
  // Nothing known but that it is a count: printed as a hidden figure is.
  if (r.high === null && r.low === 0) return policy.secondaryText;
  if (r.high === null) return `≥ ${formatNumber(r.low)}`;
  if (r.low === r.high) return formatNumber(r.low);
  const small = smallValueRange(policy);
  const text = smallValueText(policy, formatNumber);
  if (text !== null && r.low === small.from && r.high === small.to) return text;
  return `${formatNumber(r.low)}–${formatNumber(r.high)}`;
}

/**
 * The point (a number, or a range when a part is suppressed) and the interval from the lowest possible low to
 * the highest possible high: "≥ n" when a hidden part leaves it unbounded, "…" for an end withheld because it
 * would reveal a small count.
 */
export function figureText(figure: Extract<CompiledFigure, { printed: true }>, policy: DisclosurePolicy, formatNumber: (n: number) => string = String): { point: string; interval: string } {
  const point = rangeText(figure.point, policy, formatNumber);
  const lower = figure.low ? formatNumber(figure.low.low) : '…';
  if (figure.high?.high === null) return { point, interval: `≥ ${lower}` };
  const upper = figure.high ? formatNumber(figure.high.high) : '…';
  return { point, interval: lower === upper ? lower : `${lower}–${upper}` };
}

const BASIS_WORDS: Readonly<Record<Language, { template: readonly [string, string]; words: Readonly<Record<string, string>> }>> = {
  sv: { template: [', ', ', region efter '], words: { persons: 'personer', events: 'händelser', incident: 'nya fall', prevalent: 'prevalenta', residence: 'folkbokföring', care: 'vårdregion' } },
  en: { template: [', ', ', region by '], words: { persons: 'persons', events: 'events', incident: 'incident', prevalent: 'prevalent', residence: 'residence', care: 'care' } },
};

/**
 * A unit's basis in words ("personer, nya fall, region efter folkbokföring"), as the compilation page and
 * `antal answer compile` print it; a word this version does not know is printed as the file wrote it.
 */
export function unitBasisText(basis: { unit: string; kind: string; regionBasis: string }, language: Language): string {
  const { template, words } = BASIS_WORDS[language];
  const word = (w: string): string => (Object.hasOwn(words, w) ? words[w]! : w);
  return `${word(basis.unit)}${template[0]}${word(basis.kind)}${template[1]}${word(basis.regionBasis)}`;
}
