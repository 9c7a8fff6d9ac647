/**
 * The projection as its own attrition-style line under the eligible patients: every region's eligible interval
 * times a factor, and the nation as the sum of the projected regions.
 *
 * Which factor: by default the nation's (the trend of the sum of the regions) for every region — one factor, the
 * one the line prints, and steadier than a small region's own. Per region, each region's own trend where it can
 * be projected, and the nation's factor (with the region's reason) where it cannot; the line's factor is then the
 * projected total over the total before. Either way the line is refused when the nation's projection is.
 */
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import { applyFactor, type Projection, type ProjectionOutcome, type ProjectionRefusal } from './projection';
import type { SeriesKey } from './series';
import type { Interval } from '../utils/interval';

export type ProjectionMode = 'national' | 'per-region';

export interface ProjectedRegion {
  before: Interval;
  after: Interval;
  factor: Interval;
  /** 'own' trend, or the 'national' factor (then `reason` says why the region's own could not be used, if so). */
  source: 'own' | 'national';
  reason?: ProjectionRefusal;
}

export interface ProjectionLine {
  mode: ProjectionMode;
  from: string;
  to: string;
  level: number;
  horizonYears: number;
  /** The line's factor: the nation's, or (per region) projected total / total before, end by end. */
  factor: Interval;
  /** The national projection the line rests on (its trend's steadiness, window and average change). */
  national: Projection;
  regions: Partial<Record<CountyCode, ProjectedRegion>>;
  before: Interval;
  after: Interval;
}

export type ProjectionLineOutcome = { ok: true; line: ProjectionLine } | { ok: false; refusal: ProjectionRefusal };

const add = (a: Interval, b: Interval): Interval => ({ low: a.low + b.low, point: a.point + b.point, high: a.high + b.high });
const ZERO: Interval = { low: 0, point: 0, high: 0 };
const ratio = (after: number, before: number, fallback: number): number => (before > 0 ? after / before : fallback);

/**
 * Projects the eligible patients per region (the answer's final figures) with the projections of the series.
 * `projections` holds the outcome per series key; 'national' is required.
 */
export function projectionLine(
  eligible: readonly { region: CountyCode; eligible: Interval }[],
  projections: ReadonlyMap<SeriesKey, ProjectionOutcome>,
  mode: ProjectionMode = 'national',
): ProjectionLineOutcome {
  const nationalOutcome = projections.get('national');
  if (!nationalOutcome) throw new Error('projectionLine: the national projection is missing');
  if (!nationalOutcome.ok) return { ok: false, refusal: nationalOutcome.refusal };
  const national = nationalOutcome.projection;
  const regions: Partial<Record<CountyCode, ProjectedRegion>> = {};
  let before = ZERO;
  let after = ZERO;
  for (const { region, eligible: value } of eligible) {
    if (!COUNTY_CODES.includes(region)) continue;
    let factor = national.factor;
    let source: ProjectedRegion['source'] = 'national';
    let reason: ProjectionRefusal | undefined;
    if (mode === 'per-region') {
      const own = projections.get(region);
      if (own?.ok) {
        factor = own.projection.factor;
        source = 'own';
      } else if (own) reason = own.refusal;
    }
    const projected = applyFactor(value, factor);
    regions[region] = { before: value, after: projected, factor, source, ...(reason ? { reason } : {}) };
    before = add(before, value);
    after = add(after, projected);
  }
  const factor =
    mode === 'national'
      ? national.factor
      : { low: ratio(after.low, before.low, national.factor.low), point: ratio(after.point, before.point, national.factor.point), high: ratio(after.high, before.high, national.factor.high) };
  return { ok: true, line: { mode, from: national.from, to: national.to, level: national.level, horizonYears: national.horizonYears, factor, national, regions, before, after } };
}
