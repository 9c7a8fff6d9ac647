/** How normalised dimension values read on screen: county codes as names, "national"/"all" as words. */
import type { TFunction } from 'i18next';
import type { DimensionRole } from '../../../shared/counts/dataset';
import { REGIONS, regionName } from '../../../shared/regions/regions';
import type { Language } from '../../../shared/text/language';

export function displayDimensionValue(t: TFunction, language: Language, role: DimensionRole | string, value: string): string {
  if (value === 'all') return t('datasets.values.all');
  if (role === 'region') {
    if (value === 'national') return t('datasets.values.national');
    if (value === 'unknown') return t('datasets.values.unknownRegion');
    const region = REGIONS.find((r) => r.code === value);
    if (region) return `${regionName(region.code, language)} (${region.code})`;
    // A municipality row (its four-digit code while rows are read) is summed into its county at import.
    const county = /^\d{4}$/.test(value) ? REGIONS.find((r) => r.code === value.slice(0, 2)) : undefined;
    if (county) return t('datasets.values.municipality', { code: value, county: `${regionName(county.code, language)} (${county.code})` });
  }
  if (role === 'sex' && (value === 'male' || value === 'female' || value === 'unknown')) return t(`datasets.values.sex.${value}`);
  return value;
}

export function delimiterKey(delimiter: string | null): string {
  switch (delimiter) {
    case ';':
      return 'semicolon';
    case ',':
      return 'comma';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return 'none';
  }
}

export function lineEndingKey(lineEnding: string | null): string {
  return lineEnding === '\r\n' ? 'crlf' : lineEnding === '\n' ? 'lf' : lineEnding === '\r' ? 'cr' : 'none';
}
