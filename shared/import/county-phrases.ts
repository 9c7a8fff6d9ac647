/**
 * Counties as words inside the importer's phrases, one key per county, so a message names "Uppsala län" to a
 * Swedish reader and "Uppsala County" to an English one (the county's official English form).
 */
import { REGIONS, regionName, type CountyCode } from '../regions/regions';

export type CountyPhraseKey = `county${CountyCode}`;

const table = (name: (r: (typeof REGIONS)[number]) => string): Readonly<Record<CountyPhraseKey, string>> =>
  Object.fromEntries(REGIONS.map((r) => [`county${r.code}`, name(r)])) as Record<CountyPhraseKey, string>;

export const COUNTY_PHRASES_EN = table((r) => `${regionName(r.code, 'en')} County`);
export const COUNTY_PHRASES_SV = table((r) => r.countySv);
