// Rates beside the answer's counts: the healthcare regions' rates (Halland's inhabitants split as its patients are)
// and the rates the sponsor view prints, checked against figures worked out by hand from the real ADHD file's
// 2020 lines, written out below.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { DISCLOSURE_PRESETS, discloseAnswer, type DisclosedAnswer } from '../../../shared/disclosure';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE, type CountyCode } from '../../../shared/regions/regions';
import { discloseRate, estimateRates, healthcareRegionPopulations, ratePeriodOf } from '../../../shared/trend';

import { ADHD, load, present } from './real-files';

const drugStudy = (value: string): Study => ({
  ...DEMO_STUDY,
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  steps: [{ id: 'drug', type: 'inclusion', enabled: true, protocolText: value, label: value, rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'lakemedel', values: [value] } } }],
});

/** Halland's patients and inhabitants in Södra: Halmstad, Laholm and Hylte's share of Halland (138 858 of 333 848). */
const SODRA_SHARE = 138858 / 333848;

describe.skipIf(!present)('rates beside the answer: the ADHD file, 2020, both sexes 0–19', async () => {
  const adhd = present ? await load(ADHD) : null;
  const counts = adhd?.measures.find((m) => m.key === 'antal-patienter')?.dataset as Dataset;
  const carried = adhd?.measures.find((m) => m.key === 'befolkning')?.dataset as Dataset;

  it('healthcare regions divide their own count by their own population; Halland’s inhabitants are split as its patients are', () => {
    const study = drugStudy('N06BA04 Metylfenidat');
    const estimate = estimateEligible(study, [counts], { hallandRule: DEFAULT_HALLAND_RULE });
    expect(ratePeriodOf(estimate)).toBe('2020');
    const rates = estimateRates(study, estimate, '2020', carried, { hallandRule: DEFAULT_HALLAND_RULE });
    // "2020;N06BA04 Metylfenidat;Stockholms län;…;13417;…;571226" and "…Gotlands län;…;367;…;12338":
    const stockholmGotland = rates.healthcareRegions['stockholm-gotland']!;
    expect(stockholmGotland.population!.persons).toBe(571226 + 12338);
    expect(stockholmGotland.rate!.point).toBeCloseTo(((13417 + 367) / 583564) * 100000, 9); // 2 362,0
    expect(Math.round(stockholmGotland.rate!.point * 10) / 10).toBe(2362);
    // Norra: Västernorrland 961 / 54 709, Jämtland 399 / 29 131, Västerbotten 1 308 / 60 379, Norrbotten 1 041 / 51 967.
    expect(rates.healthcareRegions.norra!.population!.persons).toBe(196186);
    expect(rates.healthcareRegions.norra!.rate!.point).toBeCloseTo((3709 / 196186) * 100000, 9); // 1 890,6
    // Södra: Kronoberg 665 / 48 301, Blekinge 622 / 36 057, Skåne 5 263 / 326 829 and Södra's part of Halland 2 282 / 80 007.
    const sodra = rates.healthcareRegions.sodra!;
    expect(sodra.population!.persons).toBeCloseTo(48301 + 36057 + 326829 + SODRA_SHARE * 80007, 6);
    expect(sodra.population!.exact).toBe(false);
    expect(sodra.rate!.point).toBeCloseTo(((665 + 622 + 5263 + SODRA_SHARE * 2282) / (411187 + SODRA_SHARE * 80007)) * 100000, 9); // 1 623,4
    // Rates never add up: the six healthcare regions' rates are not the nation's, nor is their mean.
    const six = Object.values(rates.healthcareRegions).map((r) => r!.rate!.point);
    expect(six).toHaveLength(6);
    expect(rates.national.rate!.point).toBeCloseTo((46152 / 2403730) * 100000, 9);
    expect(Math.abs(six.reduce((a, b) => a + b, 0) / 6 - rates.national.rate!.point)).toBeGreaterThan(10);
    // With every Halland patient counted in Västra, Västra's denominator takes all of Halland's inhabitants too.
    const allToVastra = estimateRates(study, estimateEligible(study, [counts], { hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } }), '2020', carried, { hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } });
    // "…Västra Götalands län;…;6272;…;398223" + Halland 2 282 / 80 007.
    expect(allToVastra.healthcareRegions.vastra!.rate!.point).toBeCloseTo(((6272 + 2282) / (398223 + 80007)) * 100000, 9);
    expect(allToVastra.healthcareRegions.sodra!.rate!.point).toBeCloseTo(((665 + 622 + 5263) / 411187) * 100000, 9);
  });

  it('a healthcare region with a region lacking a population has no rate (a part of its inhabitants would overstate it)', () => {
    const pop = (persons: number) => ({ persons, period: '2020', exact: true, incomplete: false });
    const regions: Partial<Record<CountyCode, ReturnType<typeof pop>>> = { '01': pop(571226), '09': pop(12338), '22': pop(54709) };
    const hr = healthcareRegionPopulations(regions, DEFAULT_HALLAND_RULE);
    expect(hr['stockholm-gotland']).toEqual({ persons: 583564, period: '2020', exact: true, incomplete: false });
    expect(hr.norra).toBeNull();
    expect(hr.sodra).toBeNull();
  });

  describe('the sponsor view’s rates come from the printed counts only', () => {
    // Dexamfetamine 2020: "…Gotlands län;…;2;…;12338", "…Västernorrlands län;…;5;…;54709", "…Jönköpings län;…;11;…;87786".
    const study = drugStudy('N06BA02 Dexamfetamin');
    const estimate = present ? estimateEligible(study, [counts], { hallandRule: DEFAULT_HALLAND_RULE }) : null;
    const rates = present ? estimateRates(study, estimate!, '2020', carried, { hallandRule: DEFAULT_HALLAND_RULE }) : null;
    const populationOf = (code: CountyCode) => rates!.regions[code]!.population!.persons;
    const regionFigure = (disclosed: DisclosedAnswer, code: CountyCode) => disclosed.regions.find((r) => r.region === code)!;

    it('OHDSI k = 5: Gotland’s 2 is printed "<5", so its rate is only "at most 4 per 12 338" = ≤32,5, never 2’s 16,2', () => {
      const disclosed = discloseAnswer(estimate!, DISCLOSURE_PRESETS.ohdsi, { hallandRule: DEFAULT_HALLAND_RULE });
      expect(regionFigure(disclosed, '09').text).toBe('<5');
      expect(populationOf('09')).toBe(12338);
      const gotland = discloseRate(regionFigure(disclosed, '09'), 12338, 'sv', '..')!;
      // 4 × 100 000 / 12 338 = 32,42…, rounded up at one decimal.
      expect(gotland.text).toBe('≤32,5');
      expect(gotland.point.kind).toBe('small');
      expect(gotland.point.value).toBeNull();
      expect(JSON.stringify(gotland)).not.toContain('16,2');
    });

    it('every printed rate allows at least the counts its printed count allows (no rate narrows a protected count)', () => {
      for (const policy of Object.values(DISCLOSURE_PRESETS)) {
        const disclosed = discloseAnswer(estimate!, policy, { hallandRule: DEFAULT_HALLAND_RULE });
        for (const figure of disclosed.regions) {
          const persons = populationOf(figure.region);
          const rate = discloseRate(figure, persons, 'sv', policy.secondaryText)!;
          for (const c of ['low', 'point', 'high'] as const) {
            const count = figure[c];
            const r = rate[c];
            expect(r.kind).toBe(count.kind);
            if (count.kind === 'hidden') {
              expect(rate.texts[c]).toBe(policy.secondaryText);
              continue;
            }
            // Back to counts: the rate's range must cover the count's whole range.
            expect((r.display.low * persons) / 100000).toBeLessThanOrEqual(count.display.low + 1e-9);
            expect((r.display.high * persons) / 100000).toBeGreaterThanOrEqual(count.display.high - 1e-9);
          }
        }
      }
    });

    it('a policy that rounds counts to tens: Jönköping’s 11 is printed 10, and its rate is 10 per 87 786 (11,4), not 11’s 12,5', () => {
      const tens = { ...DISCLOSURE_PRESETS.ohdsi, id: 'custom', name: 'Tens', rounding: 10 };
      const disclosed = discloseAnswer(estimate!, tens, { hallandRule: DEFAULT_HALLAND_RULE });
      const jonkoping = regionFigure(disclosed, '06');
      expect(jonkoping.text).toBe('10');
      expect(populationOf('06')).toBe(87786);
      // 10 × 100 000 / 87 786 = 11,39…; 11 × 100 000 / 87 786 = 12,53….
      expect(discloseRate(jonkoping, 87786, 'sv', '..')!.text).toBe('11,4');
      expect(discloseRate(jonkoping, 87786, 'en', '..')!.text).toBe('11.4');
    });

    it('Stockholm’s count is hidden to protect Gotland’s, and so is its rate; Jönköping’s printed 11 gives 11 per 87 786 = 12,5 (12,5–12,6 outwards)', () => {
      const disclosed = discloseAnswer(estimate!, DISCLOSURE_PRESETS.ohdsi, { hallandRule: DEFAULT_HALLAND_RULE });
      const stockholm = regionFigure(disclosed, '01');
      expect(stockholm.suppressed).toBe('secondary');
      const hidden = discloseRate(stockholm, populationOf('01'), 'sv', '..')!;
      expect(hidden.text).toBe('..');
      expect(hidden.point.kind).toBe('hidden');
      expect(hidden.suppressed).toBe('secondary');
      const jonkoping = regionFigure(disclosed, '06');
      expect(jonkoping.text).toBe('11');
      expect(jonkoping.intervalText).toBe('11–11');
      const rate = discloseRate(jonkoping, 87786, 'sv', '..')!;
      // 11 × 100 000 / 87 786 = 12,530…: one decimal at this size; the interval's ends are rounded outwards.
      expect(rate.text).toBe('12,5');
      expect(rate.intervalText).toBe('12,5–12,6');
      expect(discloseRate(jonkoping, null, 'sv', '..')).toBeNull();
      expect(discloseRate(jonkoping, 0, 'sv', '..')).toBeNull();
    });
  });
});
