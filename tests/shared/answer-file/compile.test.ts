/**
 * Compiling answer files: three units — one with a hidden region, one answering for a
 * region another unit also answers for, one on an older criteria version — give the expected warnings and
 * totals, and the compiled print passes the disclosure checker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompileError,
  compileAnswers,
  compiledPrintedTable,
  figureText,
  underPolicy,
  verifyCompiledAnswerHash,
  type CompiledAnswer,
  type CompiledFigure,
} from '../../../shared/answer-file';
import { checkDisclosure, DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { COUNTY_CODES, type CountyCode } from '../../../shared/regions/regions';
import { GOTHIA, NORR_OLD, SODER, answer } from './fixtures';

const AT = '2026-11-30T13:00:00.000Z';
const printed = (f: CompiledFigure | null | undefined) => {
  if (!f || !f.printed) throw new Error('figure not printed');
  return f;
};
const hr = (c: CompiledAnswer, id: string) => c.healthcareRegions.find((h) => h.id === id)!;

describe('compileAnswers: three units', () => {
  const compiled = compileAnswers([SODER(), GOTHIA(), NORR_OLD()], { compiledAt: AT });

  it('warns about the older criteria, the region answered twice and the regions nobody answered', () => {
    expect(compiled.warnings.map((w) => w.code)).toEqual(['criteria-mismatch', 'duplicate-region', 'missing-regions']);
    expect(compiled.warnings[0]).toEqual({ code: 'criteria-mismatch', params: { unit: 'Forum Norr', studyVersion: 1, expectedStudyVersion: 2 } });
    expect(compiled.warnings[1]).toEqual({ code: 'duplicate-region', params: { region: '12', units: ['Forum Söder', 'Gothia Forum'] } });
    const answered: CountyCode[] = ['07', '10', '12', '13', '14'];
    expect(compiled.warnings[2]).toEqual({ code: 'missing-regions', params: { regions: COUNTY_CODES.filter((c) => !answered.includes(c)) } });
  });

  it('lists every unit, and does not count the one on other criteria', () => {
    expect(compiled.units.map((u) => [u.name, u.counted, u.excludedBecause])).toEqual([
      ['Forum Söder', true, undefined],
      ['Gothia Forum', true, undefined],
      ['Forum Norr', false, 'criteria-mismatch'],
    ]);
    expect(compiled.regions.find((r) => r.region === '22')!.figure).toBeNull();
  });

  it('keeps the hidden region an interval: Blekinge "<5" contributes 1–4', () => {
    const blekinge = compiled.regions.find((r) => r.region === '10')!;
    expect(printed(blekinge.figure).point).toEqual({ low: 1, high: 4 });
    expect(blekinge.suppressed).toBe(true);
  });

  it('shows both answers for Skåne and counts it once, as their hull 200–210', () => {
    const skane = compiled.regions.find((r) => r.region === '12')!;
    expect(skane.answers.map((a) => [a.unit, a.texts.point])).toEqual([
      ['Forum Söder', '200'],
      ['Gothia Forum', '210'],
    ]);
    expect(printed(skane.figure).point).toEqual({ low: 200, high: 210 });
  });

  it('totals per healthcare region and for Sweden, with Halland split by the Halland rule', () => {
    // Södra: Kronoberg 40 + Blekinge 1–4 + Skåne 200–210 + Halland's 41.6 % of 50 (20.8 → 20–21).
    expect(printed(hr(compiled, 'sodra').figure).point).toEqual({ low: 261, high: 275 });
    expect(hr(compiled, 'sodra').fromSuppressed).toBe(true);
    // Västra: Västra Götaland 300 + Halland's 58.4 % of 50 (29.2 → 29–30).
    expect(printed(hr(compiled, 'vastra').figure).point).toEqual({ low: 329, high: 330 });
    // Nobody answered for Norra (Forum Norr's file is on other criteria).
    expect(hr(compiled, 'norra').figure).toEqual({ printed: false, reason: 'no-answers' });
    expect(hr(compiled, 'norra').missingRegions).toEqual(['22', '23', '24', '25']);
    // Sweden: 40 + 1–4 + 200–210 + 50 + 300.
    expect(printed(compiled.national.figure).point).toEqual({ low: 591, high: 604 });
    expect(figureText(printed(compiled.national.figure), compiled.policy).point).toBe('591–604');
  });

  it('passes the disclosure checker, and records that it did', () => {
    expect(compiled.disclosure).toEqual({ ok: true, violations: [] });
    expect(checkDisclosure(compiledPrintedTable(compiled), compiled.policy).ok).toBe(true);
  });

  it('carries a content hash over everything else', () => {
    expect(verifyCompiledAnswerHash(compiled)).toBe(true);
    expect(verifyCompiledAnswerHash({ ...compiled, compiledAt: '2026-12-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('compileAnswers: policies, bases and refusals', () => {
  it('uses the strictest policy and re-reads every input under it', () => {
    const a = answer('A', ['07', '09'], { '07': 7, '09': 40 });
    const b = answer('B', ['10'], { '10': 60 }, { policy: DISCLOSURE_PRESETS['pcornet-act'] });
    const compiled = compileAnswers([a, b], { compiledAt: AT });
    expect(compiled.policy.id).toBe('pcornet-act');
    expect(compiled.warnings[0]).toEqual({ code: 'policy-differs', params: { policies: ['OHDSI k = 5 (1)', 'PCORnet/ACT k = 11 (1)'], strictest: 'PCORnet/ACT k = 11 (1)' } });
    // A's Kronoberg printed "7" under k = 5 becomes 1–10 under k = 11.
    expect(printed(compiled.regions.find((r) => r.region === '07')!.figure).point).toEqual({ low: 1, high: 10 });
    expect(figureText(printed(compiled.regions.find((r) => r.region === '07')!.figure), compiled.policy).point).toBe('<11');
    expect(compiled.disclosure.ok).toBe(true);
  });

  it('never sums a conflicting basis: the file on care region is listed but not counted', () => {
    const a = answer('A', ['01'], { '01': 100 });
    const b = answer('B', ['03'], { '03': 100 });
    const c = answer('C', ['04'], { '04': 100 }, { regionBasis: 'care' });
    const compiled = compileAnswers([a, b, c], { compiledAt: AT });
    expect(compiled.warnings[0]).toMatchObject({ code: 'basis-conflict', params: { unit: 'C', basis: { regionBasis: 'care' }, expected: { regionBasis: 'residence' } } });
    expect(compiled.units[2]).toMatchObject({ counted: false, excludedBecause: 'basis-conflict' });
    expect(printed(compiled.national.figure).point).toEqual({ low: 200, high: 200 });
  });

  it('withholds a total that would reveal a small count, rather than print it', () => {
    // Two small regions only: their sum is 2–8, which cuts into the protected 1–4.
    const compiled = compileAnswers([answer('A', ['01', '09'], { '01': 2, '09': 3 })], { compiledAt: AT });
    expect(hr(compiled, 'stockholm-gotland').figure).toEqual({ printed: false, reason: 'small-total' });
    expect(compiled.disclosure.ok).toBe(true);
  });

  it('refuses an edited file, naming it, and an empty list', () => {
    const gothia = GOTHIA();
    const edited = { ...gothia, regions: gothia.regions.map((r) => ({ ...r, point: { ...r.point, text: '999', low: 999, high: 999 } })) };
    const error = caught(() => compileAnswers([SODER(), edited], { compiledAt: AT }));
    expect(error.code).toBe('hash-mismatch');
    expect(error.params).toMatchObject({ file: 2, unit: 'Gothia Forum' });
    expect(caught(() => compileAnswers([], { compiledAt: AT })).code).toBe('no-files');
  });

  it('refuses answers to different requests with the reference named', () => {
    const other = answer('Other', ['03'], { '03': 100 }, { request: { reference: 'OTHER-1', title: 'Another study' } });
    const error = caught(() => compileAnswers([SODER(), other], { compiledAt: AT }));
    expect(error.code).toBe('request-mismatch');
    expect(error.message).toMatch(/answers request "OTHER-1", not "DEMO-CRC-301"/);
  });

  it('warns, without refusing, when only the title differs; the same file twice is counted once', () => {
    const retitled = answer('Other', ['03'], { '03': 100 }, { request: { reference: 'DEMO-CRC-301', title: 'Kolorektalcancer fas III' } });
    const soder = SODER();
    const compiled = compileAnswers([soder, retitled, soder], { compiledAt: AT });
    expect(compiled.warnings.map((w) => w.code)).toEqual(['same-file-twice', 'title-differs', 'missing-regions']);
    expect(compiled.units[2]).toMatchObject({ counted: false, excludedBecause: 'same-file-twice' });
    expect(compiled.warnings.some((w) => w.code === 'duplicate-region')).toBe(false);
  });
});

function caught(run: () => unknown): CompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error('expected a CompileError');
}

describe('compiled print: properties', () => {
  const value = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3000 }));
  it('whatever the values and policies, the compiled print passes the checker and every printed figure contains the truth', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...COUNTY_CODES), value), { minLength: 1, maxLength: 21, selector: ([code]) => code }),
        fc.constantFrom('ohdsi', 'leaf-shrine', 'pcornet-act' as const),
        (pairs, policyId) => {
          const half = Math.ceil(pairs.length / 2);
          const files = [pairs.slice(0, half), pairs.slice(half)]
            .filter((p) => p.length > 0)
            .map((p, i) => {
              const values = Object.fromEntries(p);
              return answer(`Unit ${i + 1}`, Object.keys(values) as CountyCode[], values, { policy: i === 0 ? DISCLOSURE_PRESETS[policyId] : DISCLOSURE_PRESETS.ohdsi });
            });
          const compiled = compileAnswers(files, { compiledAt: AT });
          expect(compiled.disclosure.ok).toBe(true);
          // Every printed figure contains the true value (regions are unique here, so no hull is involved).
          const truth = new Map(pairs);
          for (const r of compiled.regions) {
            if (!r.figure?.printed) continue;
            const v = truth.get(r.region)!;
            expect(r.figure.point.low).toBeLessThanOrEqual(v);
            expect(r.figure.point.high ?? Infinity).toBeGreaterThanOrEqual(v);
          }
          const total = [...truth.values()].reduce((a, b) => a + b, 0);
          if (compiled.national.figure.printed) {
            expect(compiled.national.figure.point.low).toBeLessThanOrEqual(total);
            expect(compiled.national.figure.point.high ?? Infinity).toBeGreaterThanOrEqual(total);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('underPolicy never narrows what a reader knew', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 }), (low, width) => {
        for (const policy of Object.values(DISCLOSURE_PRESETS)) {
          const r = underPolicy({ low, high: low + width }, 'point', policy);
          expect(r.low).toBeLessThanOrEqual(low);
          expect(r.high ?? Infinity).toBeGreaterThanOrEqual(low + width);
        }
      }),
    );
  });
});
