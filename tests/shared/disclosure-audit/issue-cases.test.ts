/**
 * The attacks an optimising reader was shown to make on Antal's earlier prints, each written out by hand, and
 * the exact auditor finding every one of them: the value it pins, the protected range and the relations (and
 * outputs) it combines. The same prints with one figure fewer are safe, so each finding is the attack itself.
 */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { output, printed, theAuditor } from './helpers';

const ohdsi = DISCLOSURE_PRESETS.ohdsi;
const leaf = DISCLOSURE_PRESETS['leaf-shrine'];
const noSteps = { attrition: [] };

describe('1. relations combined, not one at a time', () => {
  // Sweden prints point 335 and high 335, Norra 84 / 84. Sweden's high − point = Σ over healthcare regions of
  // (high − point), each ≥ 0 (low ≤ point ≤ high), so every healthcare region's point equals its high: Sydöstra's
  // point is its printed high 60. Sydöstra = Östergötland 52 + Jönköping + Kalmar, so Jönköping + Kalmar = 8 and,
  // each printed "<5" (1–4), both are exactly 4. One relation at a time finds nothing: each sum alone has a
  // hidden member without an upper bound.
  const letter = printed(
    ['national', undefined, '335', '335'],
    ['healthcare-region:norra', undefined, '84', '84'],
    ['healthcare-region:sydostra', undefined, '..', '60'],
    ['region:05', undefined, '52', undefined],
    ['region:06', undefined, '<5', undefined],
    ['region:08', undefined, '<5', undefined],
  );

  it('pins both "<5" to exactly 4 and names the sums and orders it combines', async () => {
    const result = (await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, letter)] });
    expect(result.ok).toBe(false);
    const pinned = result.findings.filter((f) => f.kind === 'narrowed').map((f) => [f.quantity, f.inferred]);
    expect(pinned).toEqual([
      ['region:06#point', { low: 4, high: 4 }],
      ['region:08#point', { low: 4, high: 4 }],
    ]);
    const reasons = result.findings[0]!.reasons.map((r) => r.id);
    expect(reasons).toEqual(expect.arrayContaining(['sum:sydostra#point', 'sum:national#point', 'sum:national#high']));
    expect(reasons.some((r) => r.startsWith('order:healthcare-region:'))).toBe(true);
    expect(result.findings[0]!.message.sv).toContain('Jönköping (punkt) (tryckt som <5) kan ringas in till exakt 4');
    expect(result.findings[0]!.message.en).toContain('Jönköping (point) (printed as <5) can be narrowed to exactly 4');
  });

  it('without Sweden’s high the two are only known to sum to at most 8 − 0: nothing is narrowed', async () => {
    const safe = letter.map((f) => (f.figure === 'national' ? { ...f, texts: { point: '335' } } : f));
    expect((await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, safe)] }).ok).toBe(true);
  });

  it('under Leaf/SHRINE a "≤10" is pinned to exactly 10 the same way', async () => {
    // Sydöstra's point = its high 70 = Östergötland 50 + Jönköping + Kalmar → Jönköping + Kalmar = 20, each ≤ 10.
    const result = (await theAuditor()).audit({
      policy: leaf,
      structure: noSteps,
      outputs: [
        output(
          'letter',
          leaf,
          printed(
            ['national', undefined, '345', '345'],
            ['healthcare-region:norra', undefined, '84', '84'],
            ['healthcare-region:sydostra', undefined, '..', '70'],
            ['region:05', undefined, '50', undefined],
            ['region:06', undefined, '≤10', undefined],
            ['region:08', undefined, '≤10', undefined],
          ),
        ),
      ],
    });
    expect(result.findings.map((f) => [f.quantity, f.inferred, f.protectedRange])).toEqual([
      ['region:06#point', { low: 10, high: 10 }, { from: 0, to: 10 }],
      ['region:08#point', { low: 10, high: 10 }, { from: 0, to: 10 }],
    ]);
  });
});

describe('2. the printed Halland split', () => {
  // Halland prints 100 and the letter says 42 % of Halland counts in Södra: Södra's part is 42, Västra's 58.
  // Västra prints 59 = Västra Götaland + 58, so Västra Götaland's "<5" is exactly 1. Read without the split,
  // Halland's parts are free (0–100) and Västra Götaland could be anything from 1 to 4.
  const figures = printed(['region:13', undefined, '100', undefined], ['healthcare-region:vastra', undefined, '59', undefined], ['region:14', undefined, '<5', undefined]);

  it('pins Västra Götaland to exactly 1 through the printed 42 %', async () => {
    const result = (await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, figures, { hallandSodraShare: '42 %' })] });
    expect(result.findings.map((f) => [f.quantity, f.inferred])).toEqual([['region:14#point', { low: 1, high: 1 }]]);
    expect(result.findings[0]!.reasons.map((r) => r.id)).toEqual(expect.arrayContaining(['halland-split#point', 'sum:vastra#point']));
    expect(result.findings[0]!.message.sv).toContain('Hallands del i Södra = 42 % av Halland');
  });

  it('the same figures without the printed split narrow nothing', async () => {
    expect((await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, figures)] }).ok).toBe(true);
  });
});

describe('3. the letter and the answer file together', () => {
  // The letter prints Stockholm-Gotland's high 47 and hides Stockholm's (".."); Gotland's high is "<5". The answer
  // file printed Stockholm's high as 44: Gotland's high = 47 − 44 = 3.
  const letter = printed(['healthcare-region:stockholm-gotland', undefined, undefined, '47'], ['region:01', undefined, undefined, '..'], ['region:09', undefined, undefined, '<5']);
  const answerFile = printed(['region:01', undefined, undefined, '44'], ['region:09', undefined, undefined, '<5']);

  it('each output alone is safe', async () => {
    const auditor = await theAuditor();
    expect(auditor.audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, letter)] }).ok).toBe(true);
    expect(auditor.audit({ policy: ohdsi, structure: noSteps, outputs: [output('answer-file', ohdsi, answerFile)] }).ok).toBe(true);
  });

  it('together they give Gotland’s high exactly, and the finding names both outputs and the sum', async () => {
    const result = (await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [output('letter', ohdsi, letter), output('answer-file', ohdsi, answerFile)] });
    expect(result.findings.map((f) => [f.quantity, f.inferred])).toEqual([['region:09#high', { low: 3, high: 3 }]]);
    expect(result.findings[0]!.reasons.map((r) => r.id).sort()).toEqual(['output:0', 'output:1', 'sum:stockholm-gotland#high']);
    expect(result.findings[0]!.message.en).toContain('the letter’s printed figures; the answer file’s printed figures');
  });
});

describe('4. a compiled answer that carries the units’ own texts', () => {
  // Compiled under PCORnet/ACT (k = 11, the strictest of the units), a unit's "7" (shown under its own k = 5)
  // is a count from 1 to 10 printed as itself.
  it('is refused for printing a small count', async () => {
    const pcornet = DISCLOSURE_PRESETS['pcornet-act'];
    const compiled = output('compiled-answer', pcornet, [{ figure: 'region:09', texts: { point: '7' }, ranges: { point: { low: 1, high: 10 } } }]);
    const result = (await theAuditor()).audit({ policy: pcornet, structure: noSteps, outputs: [compiled] });
    expect(result.findings.map((f) => [f.kind, f.quantity, f.inferred])).toEqual([['printed-small', 'region:09#point', { low: 7, high: 7 }]]);
    expect(result.findings[0]!.message.sv).toContain('Gotland (punkt) är tryckt som 7 i sammanställningens tryckta siffror');
  });
});

describe('5. a chart drawn from a hidden figure', () => {
  // Skåne prints point 12 and low "<5" (true 1). The chart's site rate at the low end is drawn as 0.08 patients a
  // month and at the point as 1.00: 12 × 0.0834 / 1.0008 = 1.0000, so the path gives the hidden low end away.
  it('is refused whatever it draws, naming the hidden figure it uses', async () => {
    const letter = output('letter', ohdsi, printed(['region:12', '<5', '12', '30']));
    const chart = output('recruitment-chart', ohdsi, [], { derived: [{ id: 'chart:recruitment', name: { sv: 'Rekryteringsdiagrammet', en: 'The recruitment chart' }, from: [{ figure: 'region:12', component: 'low' }, { figure: 'region:12', component: 'point' }] }] });
    const result = (await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [letter, chart] });
    expect(result.findings.map((f) => [f.kind, f.quantity])).toEqual([['derived-from-hidden', 'chart:recruitment']]);
    expect(result.findings[0]!.message.sv).toContain('Skåne (låg)');
    const drawnFromPrinted = output('recruitment-chart', ohdsi, [], { derived: [{ id: 'chart:recruitment', name: { sv: 'Rekryteringsdiagrammet', en: 'The recruitment chart' }, from: [{ figure: 'region:12', component: 'point' }, { figure: 'region:12', component: 'high' }] }] });
    expect((await theAuditor()).audit({ policy: ohdsi, structure: noSteps, outputs: [letter, drawnFromPrinted] }).ok).toBe(true);
  });
});
