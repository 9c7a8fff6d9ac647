/**
 * The letter's printed figures from a disclosed answer (shared/disclosure): each value's text formatted for the
 * letter's language, and its printed number where it is printed as a plain number.
 */
import { formatDisclosedValue, type DisclosedAnswer, type DisclosedFigure, type DisclosedValue, type DisclosurePolicy } from '../disclosure';
import type { CountyCode, HealthcareRegionId } from '../regions/regions';
import type { LetterFigures, PrintedInterval, PrintedValue } from './figures';
import { formatCount } from '../text/format';
import type { Language } from '../text/language';

function printedValue(v: DisclosedValue, policy: DisclosurePolicy, language: Language): PrintedValue {
  const text = formatDisclosedValue(v, policy, (n) => formatCount(n, language));
  return { text, value: v.kind === 'shown' || v.kind === 'zero' ? v.value : null };
}

function printedInterval(f: DisclosedFigure, policy: DisclosurePolicy, language: Language): PrintedInterval {
  return { low: printedValue(f.low, policy, language), point: printedValue(f.point, policy, language), high: printedValue(f.high, policy, language) };
}

export function letterFiguresFrom(disclosed: DisclosedAnswer, policy: DisclosurePolicy, language: Language): LetterFigures {
  const regions = new Map(disclosed.regions.map((r) => [r.region, printedInterval(r, policy, language)]));
  const healthcare = new Map(disclosed.healthcareRegions.map((h) => [h.healthcareRegion, printedInterval(h, policy, language)]));
  const steps = new Map(disclosed.attrition.map((s) => [s.stepId, printedInterval(s.figure, policy, language)]));
  const lookup = <K,>(map: Map<K, PrintedInterval>, key: K, what: string): PrintedInterval => {
    const found = map.get(key);
    if (!found) throw new Error(`the disclosed answer has no figure for ${what} ${String(key)}`);
    return found;
  };
  const figures: LetterFigures = {
    region: (code: CountyCode) => lookup(regions, code, 'region'),
    healthcareRegion: (id: HealthcareRegionId) => lookup(healthcare, id, 'healthcare region'),
    national: printedInterval(disclosed.national, policy, language),
    attritionStep: (stepId: string) => lookup(steps, stepId, 'attrition step'),
  };
  if (disclosed.unknownRegion) figures.unknownRegion = printedInterval(disclosed.unknownRegion, policy, language);
  if (disclosed.nationalPublished) figures.nationalPublished = printedInterval(disclosed.nationalPublished, policy, language);
  return figures;
}
