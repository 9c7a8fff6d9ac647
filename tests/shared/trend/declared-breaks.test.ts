// A break the coordinator declares (a new reporting rule the data cannot show): saved on the study's projection
// setting with its reason, the trend's window moved to start at it, and the trend and projection then fitted from
// the break on — while a window chosen across it is refused with the reason.
import { describe, expect, it } from 'vitest';
import { projectionSettingOf } from '../../../shared/criteria/study';
import { declareBreak, projectTrend, recruitmentTarget, studyTrends, withdrawBreak } from '../../../shared/trend';
import { dataset, drugA, seriesRows, study, years } from './helpers';

// Stockholm: flat at 100 until 2017, then a new reporting rule counts more, and from 2018 it grows 5 % a year.
const PERIODS = years(2014, 2020);
const rows = seriesRows('01', PERIODS, [100, 100, 100, 100, 150, 157.5, 165.375]);
const counts = dataset(rows);
const stockholm = (setting: ReturnType<typeof projectionSettingOf>) =>
  studyTrends(study([drugA]), [counts], { window: setting.window, declaredBreaks: setting.declaredBreaks }).trends.find((t) => t.key === '01')!;

describe('declaring a break', () => {
  const initial = projectionSettingOf({});

  it('needs a reason and a period of the data after its first', () => {
    expect(declareBreak(initial, PERIODS, '2018', '  ')).toEqual({ ok: false, code: 'reason-required' });
    expect(declareBreak(initial, PERIODS, '2013', 'x')).toEqual({ ok: false, code: 'unknown-period' });
    expect(declareBreak(initial, PERIODS, '2014', 'x')).toEqual({ ok: false, code: 'first-period' });
  });

  it('moves the default window (the last 5: 2016–2020) to start at the break, and the fit runs from there: +5 % a year, steady', () => {
    // Undeclared, the data shows no break: the last 5 periods give a trend, but the jump makes it unsteady.
    const before = stockholm(initial);
    expect(before.outcome.ok && before.outcome.steadiness.steady).toBe(false);
    const declared = declareBreak(initial, PERIODS, '2018', 'ny rapporteringsregel 2018');
    expect(declared.ok).toBe(true);
    if (!declared.ok) return;
    expect(declared.windowMoved).toBe(true);
    expect(declared.setting.window).toEqual({ periods: 3 });
    expect(declared.setting.declaredBreaks).toEqual([{ period: '2018', reason: 'ny rapporteringsregel 2018' }]);
    const after = stockholm(projectionSettingOf({ projection: declared.setting }));
    expect(after.outcome.ok).toBe(true);
    if (!after.outcome.ok) return;
    expect(after.window.periods).toEqual(['2018', '2019', '2020']);
    // 150 → 157,5 → 165,375: exactly 5 % a year (ln 1,05 per year), with no spread, steady.
    expect(Math.exp(after.outcome.fit.slope)).toBeCloseTo(1.05, 9);
    expect(after.outcome.averageYearlyChange).toBeCloseTo(0.05, 9);
    expect(after.outcome.steadiness.steady).toBe(true);
    // The projection three years on: 165,375 × 1,05³ (three years from mid-2020 to mid-2023).
    const projected = projectTrend(after, recruitmentTarget({ startDate: '2023-01-01', months: 12 }));
    expect(projected.ok).toBe(true);
    if (projected.ok) expect(projected.projection.factor.point).toBeCloseTo(1.05 ** 3, 2);
  });

  it('with the window chosen back across the break, the trend is refused and names the break and its reason', () => {
    const declared = declareBreak(initial, PERIODS, '2018', 'ny rapporteringsregel 2018');
    if (!declared.ok) throw new Error('declared');
    const across = stockholm(projectionSettingOf({ projection: { ...declared.setting, window: { periods: 5 } } }));
    expect(across.outcome).toEqual({ ok: false, refusal: { code: 'break', break: { kind: 'declared', period: '2018', reason: 'ny rapporteringsregel 2018' }, startFrom: '2018' } });
  });

  it('leaves a window that already starts after the break alone; a second declaration of a period replaces its reason; withdrawing keeps the window', () => {
    const late = { ...initial, window: { from: '2019' } };
    const declared = declareBreak(late, PERIODS, '2018', 'a');
    expect(declared.ok && declared.windowMoved).toBe(false);
    if (!declared.ok) return;
    expect(declared.setting.window).toEqual({ from: '2019' });
    const again = declareBreak(declared.setting, PERIODS, '2018', 'b');
    const earlier = again.ok ? declareBreak(again.setting, PERIODS, '2016', 'c') : again;
    expect(earlier.ok && earlier.setting.declaredBreaks).toEqual([
      { period: '2016', reason: 'c' },
      { period: '2018', reason: 'b' },
    ]);
    if (!earlier.ok) return;
    const withdrawn = withdrawBreak(earlier.setting, '2018');
    expect(withdrawn.declaredBreaks).toEqual([{ period: '2016', reason: 'c' }]);
    expect(withdrawn.window).toEqual({ from: '2019' });
  });
});
