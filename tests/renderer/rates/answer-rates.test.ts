// The answer page's rate cells on the real ADHD file (methylphenidate 0–19, 2020, the file's own population column):
// exact beside the exact counts, and in the sponsor view from the printed counts, Halland's inhabitants split by the
// whole percentage the printed table uses. Figures by hand from the file's 2020 lines, written out below.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerRateView, rateRegions } from '../../../renderer/src/rates/answer-rates';
import { answerRates } from '../../../renderer/src/rates/compute-rates';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { DISCLOSURE_PRESETS, discloseAnswer } from '../../../shared/disclosure';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';

const ADHD = path.resolve(__dirname, '../../../../shared/fixtures/real/socialstyrelsen_2022-02-18.csv');
const present = existsSync(ADHD);
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const study: Study = {
  ...DEMO_STUDY,
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  steps: [{ id: 'mph', type: 'inclusion', enabled: true, protocolText: 'metylfenidat', label: 'Metylfenidat', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'lakemedel', values: ['N06BA04 Metylfenidat'] } } }],
};

describe.skipIf(!present)('rate cells of the ADHD answer', async () => {
  const preview = present ? await analyseFile({ name: path.basename(ADHD), bytes: new Uint8Array(readFileSync(ADHD)) }) : null;
  const built = preview ? buildDataset(preview, preview.mapping, { publisher: 'test' }) : null;
  const counts = built?.measures.find((m) => m.key === 'antal-patienter')?.dataset as Dataset;
  const carried = built?.measures.find((m) => m.key === 'befolkning')?.dataset as Dataset;
  const estimate = present ? estimateEligible(study, [counts], { hallandRule: DEFAULT_HALLAND_RULE }) : null;
  const texts = { hidden: '..', noPopulation: 'ingen befolkning' };

  it('exact: Stockholm 13 417 / 571 226 = 2 348,8 → "2 349"; Sweden 46 152 / 2 403 730 = 1 920,0 → "1 920"', () => {
    const rates = answerRates(study, estimate!, carried, DEFAULT_HALLAND_RULE)!;
    const view = answerRateView(rates, estimate!, null, DEFAULT_HALLAND_RULE, 'sv', texts);
    expect(view.period).toBe('2020');
    const stockholm = view.regions.get('01')!;
    expect(plain(stockholm.population)).toBe('571 226');
    expect(plain(stockholm.point)).toBe('2 349');
    expect(plain(view.national.point)).toBe('1 920');
    expect(plain(view.national.population)).toBe('2 403 730');
    // The map draws the same rounded values the table writes.
    expect(rateRegions(estimate!.regions, view).find((r) => r.region === '01')!.eligible.point).toBe(2349);
  });

  it('sponsor view: Södra is its printed 665 + 622 + 5 263 + 42 % of Halland’s 2 282 (958) = 7 508 over 411 187 + 42 % of 80 007 = 444 789,94: 1 688 (the exact rule gives 1 687)', () => {
    const rates = answerRates(study, estimate!, carried, DEFAULT_HALLAND_RULE)!;
    const disclosed = discloseAnswer(estimate!, DISCLOSURE_PRESETS.ohdsi, { hallandRule: DEFAULT_HALLAND_RULE });
    expect(disclosed.hallandSodraPercent).toBe(42);
    expect(disclosed.healthcareRegions.find((h) => h.healthcareRegion === 'sodra')!.text).toBe('7508');
    const sponsor = answerRateView(rates, estimate!, disclosed, DEFAULT_HALLAND_RULE, 'sv', texts);
    expect(plain(sponsor.healthcareRegions.get('sodra')!.point)).toBe('1 688');
    const exact = answerRateView(rates, estimate!, null, DEFAULT_HALLAND_RULE, 'sv', texts);
    expect(plain(exact.healthcareRegions.get('sodra')!.point)).toBe('1 687');
  });

  it('without a population there are no rates', () => {
    expect(answerRates(study, estimate!, null, DEFAULT_HALLAND_RULE)).toBeNull();
  });
});
