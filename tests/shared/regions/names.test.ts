// A region's and a healthcare region's display name, in one helper for the app, the letter and the CLI.
import { describe, expect, it } from 'vitest';
import { healthcareRegionName, regionName, type CountyCode, type HealthcareRegionId } from '../../../shared/regions/regions';

describe('display names of regions', () => {
  // Names as the regions themselves write them (Swedish) and as English texts do.
  it.each([
    ['01', 'Stockholm', 'Stockholm'],
    ['04', 'Sörmland', 'Södermanland'],
    ['13', 'Halland', 'Halland'],
    ['23', 'Jämtland Härjedalen', 'Jämtland'],
  ] as const)('county %s is "%s" in Swedish and "%s" in English', (code, sv, en) => {
    expect(regionName(code, 'sv')).toBe(sv);
    expect(regionName(code, 'en')).toBe(en);
  });

  it.each([
    ['norra', 'Norra', 'Northern'],
    ['mellansverige', 'Mellansverige', 'Central Sweden'],
    ['sodra', 'Södra', 'Southern'],
    ['vastra', 'Västra', 'Western'],
  ] as const)('healthcare region %s is "%s" in Swedish and "%s" in English', (id, sv, en) => {
    expect(healthcareRegionName(id, 'sv')).toBe(sv);
    expect(healthcareRegionName(id, 'en')).toBe(en);
  });

  it('an unknown code is an error naming it, never an empty name', () => {
    expect(() => regionName('99' as CountyCode, 'sv')).toThrow('99');
    expect(() => healthcareRegionName('ostra' as HealthcareRegionId, 'en')).toThrow('ostra');
  });
});
