/**
 * Which healthcare region(s) a county's patients count towards. Every county belongs to one healthcare
 * region except Halland, whose patients are split between Södra and Västra by the chosen HallandRule.
 */
import { regionByCode, type CountyCode, type HallandRule, type HealthcareRegionId } from './regions';

export interface HealthcareRegionShare {
  id: HealthcareRegionId;
  /** Share of the county's count attributed to this healthcare region (0..1); the shares sum to 1. */
  share: number;
}

export const HALLAND_CODE: CountyCode = '13';

export function healthcareRegionShares(code: CountyCode, hallandRule: HallandRule): HealthcareRegionShare[] {
  if (code !== HALLAND_CODE) return [{ id: regionByCode(code).healthcareRegion, share: 1 }];
  if (hallandRule.kind === 'all-to') return [{ id: hallandRule.healthcareRegion, share: 1 }];
  const sodra = hallandRule.sodraShare;
  if (!(sodra >= 0 && sodra <= 1)) throw new RangeError(`Halland rule: sodraShare must be within 0..1 (got ${sodra})`);
  return [
    { id: 'sodra', share: sodra },
    { id: 'vastra', share: 1 - sodra },
  ];
}
