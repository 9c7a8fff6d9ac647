/** A hand-made EstimateResult: regions as given, healthcare regions and the nation as the estimate builds them. */
import type { AttritionStep, EstimateResult } from '../../../shared/estimate/types';
import { healthcareRegionShares } from '../../../shared/regions/healthcare-shares';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule } from '../../../shared/regions/regions';
import type { Interval } from '../../../shared/utils/interval';

export const exactly = (n: number): Interval => ({ low: n, point: n, high: n });

export type RegionValues = Partial<Record<CountyCode, Interval | number>>;

function fill(values: RegionValues, otherwise: number): Record<CountyCode, Interval> {
  const out = {} as Record<CountyCode, Interval>;
  for (const code of COUNTY_CODES) {
    const v = values[code] ?? otherwise;
    out[code] = typeof v === 'number' ? exactly(v) : v;
  }
  return out;
}

const sum = (xs: Interval[]): Interval => xs.reduce((a, b) => ({ low: a.low + b.low, point: a.point + b.point, high: a.high + b.high }), exactly(0));

/**
 * Regions not named get `otherwise` (default 100). `steps` are the attrition rows before the final one, each
 * per region (same defaulting); the final row is the regions themselves.
 */
export function makeEstimate(
  regions: RegionValues,
  options: { otherwise?: number; steps?: { id: string; values: RegionValues; enabled?: boolean }[]; hallandRule?: HallandRule } = {},
): EstimateResult {
  const otherwise = options.otherwise ?? 100;
  const final = fill(regions, otherwise);
  const rule = options.hallandRule ?? DEFAULT_HALLAND_RULE;
  const hr = new Map(HEALTHCARE_REGION_IDS.map((id) => [id, exactly(0)]));
  for (const code of COUNTY_CODES) {
    for (const { id, share } of healthcareRegionShares(code, rule)) {
      const v = final[code];
      const h = hr.get(id)!;
      hr.set(id, { low: h.low + v.low * share, point: h.point + v.point * share, high: h.high + v.high * share });
    }
  }
  const rows = [...(options.steps ?? []), { id: 'final', values: regions, enabled: true }];
  const attrition: AttritionStep[] = rows.map((row, i) => {
    const perRegion = row.id === 'final' ? final : fill(row.values, otherwise);
    return {
      stepId: i === 0 ? 'base' : row.id,
      label: i === 0 ? 'base' : `step ${row.id}`,
      type: i === 0 ? 'base' : 'inclusion',
      enabled: row.enabled ?? true,
      total: sum(Object.values(perRegion)),
      perRegion,
      remainingShare: 1,
      lostShare: 0,
    };
  });
  return {
    inputHash: 'test',
    regions: COUNTY_CODES.map((code) => ({ region: code, eligible: final[code], cells: 1, maskedCells: 0, jointCount: false })),
    healthcareRegions: HEALTHCARE_REGION_IDS.map((id) => ({ id, eligible: hr.get(id)! })),
    national: sum(Object.values(final)),
    attrition,
    mostLimitingStepId: null,
    warnings: [],
  };
}
