/**
 * The window a trend is fitted over: the last `periods` periods (5 by default), or every period from `from` on;
 * at least 3 periods, since a line through two points has no error to show. Kept apart from the fit so that a
 * form choosing the window loads no statistics library.
 */
export const DEFAULT_WINDOW_PERIODS = 5;
export const MIN_TREND_PERIODS = 3;

/** The last `periods` periods, or every period from `from` on. */
export type TrendWindow = { periods: number } | { from: string };
