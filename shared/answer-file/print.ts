// An answer file's regions as the disclosed table prints them, and what the file prints as the auditor reads it.
import type { DisclosedAnswer, DisclosedValue } from '../disclosure';
import type { PrintedOutput } from '../disclosure-audit';
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import type { AnswerFileContent, AnswerFileRegion, DisclosedNumber } from './types';

function disclosedNumber(value: DisclosedValue, text: string): DisclosedNumber {
  return { text, low: value.display.low, high: Number.isFinite(value.display.high) ? value.display.high : null, suppressed: value.suppressed };
}

/** The answer file's regions: the disclosed table's figures for the regions the unit answers for, as printed there. */
export function answerFileRegions(disclosed: DisclosedAnswer, regions: readonly CountyCode[]): AnswerFileRegion[] {
  const wanted = new Set(regions);
  return disclosed.regions
    .filter((r) => wanted.has(r.region))
    .sort((a, b) => COUNTY_CODES.indexOf(a.region) - COUNTY_CODES.indexOf(b.region))
    .map((r) => {
      const [low, point, high] = [disclosedNumber(r.low, r.texts.low), disclosedNumber(r.point, r.texts.point), disclosedNumber(r.high, r.texts.high)];
      return { region: r.region, low, point, high, suppressed: [low, point, high].some((n) => n.suppressed !== null) };
    });
}

/** What an answer file prints, as the auditor reads it: each region's three texts and the ranges stated with them. */
export function answerFilePrint(file: Pick<AnswerFileContent, 'policy' | 'regions'>): PrintedOutput {
  return {
    kind: 'answer-file',
    policy: file.policy,
    figures: file.regions.map((r) => ({
      figure: `region:${r.region}`,
      texts: { low: r.low.text, point: r.point.text, high: r.high.text },
      ranges: { low: { low: r.low.low, high: r.low.high }, point: { low: r.point.low, high: r.point.high }, high: { low: r.high.low, high: r.high.high } },
    })),
  };
}
