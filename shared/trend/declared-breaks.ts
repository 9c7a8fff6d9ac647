/**
 * The coordinator's declared breaks in a series (a new reporting rule, a register's new coverage: what the data
 * cannot show), as changes of the study's projection setting. Pure and small: the answer page offers them without
 * loading the estimator that detects the other kinds of break (breaks.ts).
 */
import { DEFAULT_PROJECTION_SETTING, type ProjectionSetting } from '../criteria/study';

/** A coordinator's declaration: from `period` on the data means something else (`reason`, in their words). */
export interface DeclaredBreak {
  period: string;
  reason: string;
}

export type DeclareBreakResult =
  | { ok: true; setting: ProjectionSetting; windowMoved: boolean }
  | { ok: false; code: 'reason-required' | 'unknown-period' | 'first-period' };

/**
 * The projection setting with a break declared from `period` on (one declaration per period: a new reason
 * replaces the old). The fit then starts at the break: a window reaching back before it is moved to begin there
 * (the last periods from the break on), since a trend across the break measures the change of meaning, not of
 * patients. A reason is required (the letter and the refusal texts quote it), and the period must be one of the
 * data's after its first (a break before the first period changes nothing).
 */
export function declareBreak(setting: ProjectionSetting, periods: readonly string[], period: string, reason: string): DeclareBreakResult {
  const why = reason.trim();
  if (why === '') return { ok: false, code: 'reason-required' };
  const at = periods.indexOf(period);
  if (at < 0) return { ok: false, code: 'unknown-period' };
  if (at === 0) return { ok: false, code: 'first-period' };
  const breaks = [...(setting.declaredBreaks ?? []).filter((b) => b.period !== period), { period, reason: why }].sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period));
  const window = setting.window ?? DEFAULT_PROJECTION_SETTING.window;
  const start = 'periods' in window ? Math.max(0, periods.length - window.periods) : Math.max(0, periods.indexOf(window.from));
  const windowMoved = start < at;
  return { ok: true, setting: { ...setting, declaredBreaks: breaks, ...(windowMoved ? { window: { periods: periods.length - at } } : {}) }, windowMoved };
}

/** The projection setting without the break declared at `period` (the window is left as it is). */
export function withdrawBreak(setting: ProjectionSetting, period: string): ProjectionSetting {
  return { ...setting, declaredBreaks: (setting.declaredBreaks ?? []).filter((b) => b.period !== period) };
}
