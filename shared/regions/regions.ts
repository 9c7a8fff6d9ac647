/**
 * Sweden's 21 regions (län) and 6 healthcare regions (sjukvårdsregioner) with their Kliniska Studier Sverige nodes.
 * Populations: SCB, 31 Dec 2019 (BE0101U1).
 */
import type { Language } from '../text/language';

export const COUNTY_CODES = [
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13',
  '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
] as const;
export type CountyCode = (typeof COUNTY_CODES)[number];

export const HEALTHCARE_REGION_IDS = [
  'norra',
  'mellansverige',
  'stockholm-gotland',
  'sydostra',
  'sodra',
  'vastra',
] as const;
export type HealthcareRegionId = (typeof HEALTHCARE_REGION_IDS)[number];

export interface Region {
  code: CountyCode;
  /** ISO 3166-2 code, e.g. "SE-AB". */
  iso: string;
  /** Short Swedish name as people say it ("Stockholm", "Västra Götaland"). */
  nameSv: string;
  /** The region's organisation name ("Region Stockholm", "Västra Götalandsregionen"). */
  organisationSv: string;
  /** County name ("Stockholms län"). */
  countySv: string;
  nameEn: string;
  /** Healthcare region; Halland (13) is split, see HallandRule, and lists Västra here only as its seat. */
  healthcareRegion: HealthcareRegionId;
  population2019: number;
}

export const REGIONS: readonly Region[] = [
  { code: '01', iso: 'SE-AB', nameSv: 'Stockholm', organisationSv: 'Region Stockholm', countySv: 'Stockholms län', nameEn: 'Stockholm', healthcareRegion: 'stockholm-gotland', population2019: 2377081 },
  { code: '03', iso: 'SE-C', nameSv: 'Uppsala', organisationSv: 'Region Uppsala', countySv: 'Uppsala län', nameEn: 'Uppsala', healthcareRegion: 'mellansverige', population2019: 383713 },
  { code: '04', iso: 'SE-D', nameSv: 'Sörmland', organisationSv: 'Region Sörmland', countySv: 'Södermanlands län', nameEn: 'Södermanland', healthcareRegion: 'mellansverige', population2019: 297540 },
  { code: '05', iso: 'SE-E', nameSv: 'Östergötland', organisationSv: 'Region Östergötland', countySv: 'Östergötlands län', nameEn: 'Östergötland', healthcareRegion: 'sydostra', population2019: 465495 },
  { code: '06', iso: 'SE-F', nameSv: 'Jönköping', organisationSv: 'Region Jönköpings län', countySv: 'Jönköpings län', nameEn: 'Jönköping', healthcareRegion: 'sydostra', population2019: 363599 },
  { code: '07', iso: 'SE-G', nameSv: 'Kronoberg', organisationSv: 'Region Kronoberg', countySv: 'Kronobergs län', nameEn: 'Kronoberg', healthcareRegion: 'sodra', population2019: 201469 },
  { code: '08', iso: 'SE-H', nameSv: 'Kalmar', organisationSv: 'Region Kalmar län', countySv: 'Kalmar län', nameEn: 'Kalmar', healthcareRegion: 'sydostra', population2019: 245446 },
  { code: '09', iso: 'SE-I', nameSv: 'Gotland', organisationSv: 'Region Gotland', countySv: 'Gotlands län', nameEn: 'Gotland', healthcareRegion: 'stockholm-gotland', population2019: 59686 },
  { code: '10', iso: 'SE-K', nameSv: 'Blekinge', organisationSv: 'Region Blekinge', countySv: 'Blekinge län', nameEn: 'Blekinge', healthcareRegion: 'sodra', population2019: 159606 },
  { code: '12', iso: 'SE-M', nameSv: 'Skåne', organisationSv: 'Region Skåne', countySv: 'Skåne län', nameEn: 'Skåne', healthcareRegion: 'sodra', population2019: 1377827 },
  { code: '13', iso: 'SE-N', nameSv: 'Halland', organisationSv: 'Region Halland', countySv: 'Hallands län', nameEn: 'Halland', healthcareRegion: 'vastra', population2019: 333848 },
  { code: '14', iso: 'SE-O', nameSv: 'Västra Götaland', organisationSv: 'Västra Götalandsregionen', countySv: 'Västra Götalands län', nameEn: 'Västra Götaland', healthcareRegion: 'vastra', population2019: 1725881 },
  { code: '17', iso: 'SE-S', nameSv: 'Värmland', organisationSv: 'Region Värmland', countySv: 'Värmlands län', nameEn: 'Värmland', healthcareRegion: 'mellansverige', population2019: 282414 },
  { code: '18', iso: 'SE-T', nameSv: 'Örebro', organisationSv: 'Region Örebro län', countySv: 'Örebro län', nameEn: 'Örebro', healthcareRegion: 'mellansverige', population2019: 304805 },
  { code: '19', iso: 'SE-U', nameSv: 'Västmanland', organisationSv: 'Region Västmanland', countySv: 'Västmanlands län', nameEn: 'Västmanland', healthcareRegion: 'mellansverige', population2019: 275845 },
  { code: '20', iso: 'SE-W', nameSv: 'Dalarna', organisationSv: 'Region Dalarna', countySv: 'Dalarnas län', nameEn: 'Dalarna', healthcareRegion: 'mellansverige', population2019: 287966 },
  { code: '21', iso: 'SE-X', nameSv: 'Gävleborg', organisationSv: 'Region Gävleborg', countySv: 'Gävleborgs län', nameEn: 'Gävleborg', healthcareRegion: 'mellansverige', population2019: 287382 },
  { code: '22', iso: 'SE-Y', nameSv: 'Västernorrland', organisationSv: 'Region Västernorrland', countySv: 'Västernorrlands län', nameEn: 'Västernorrland', healthcareRegion: 'norra', population2019: 245347 },
  { code: '23', iso: 'SE-Z', nameSv: 'Jämtland Härjedalen', organisationSv: 'Region Jämtland Härjedalen', countySv: 'Jämtlands län', nameEn: 'Jämtland', healthcareRegion: 'norra', population2019: 130810 },
  { code: '24', iso: 'SE-AC', nameSv: 'Västerbotten', organisationSv: 'Region Västerbotten', countySv: 'Västerbottens län', nameEn: 'Västerbotten', healthcareRegion: 'norra', population2019: 271736 },
  { code: '25', iso: 'SE-BD', nameSv: 'Norrbotten', organisationSv: 'Region Norrbotten', countySv: 'Norrbottens län', nameEn: 'Norrbotten', healthcareRegion: 'norra', population2019: 250093 },
];

/**
 * How many municipalities (kommuner) each county has (SCB's municipality codes since 2007, 290 in all): a
 * county summed from fewer of them is not the county's figure.
 */
export const MUNICIPALITIES_PER_COUNTY: Readonly<Record<CountyCode, number>> = {
  '01': 26, '03': 8, '04': 9, '05': 13, '06': 13, '07': 8, '08': 12, '09': 1, '10': 5, '12': 33, '13': 6,
  '14': 49, '17': 16, '18': 12, '19': 10, '20': 15, '21': 10, '22': 7, '23': 8, '24': 15, '25': 14,
};

export interface HealthcareRegion {
  id: HealthcareRegionId;
  nameSv: string;
  nameEn: string;
  node: string;
}

export const HEALTHCARE_REGIONS: readonly HealthcareRegion[] = [
  { id: 'norra', nameSv: 'Norra', nameEn: 'Northern', node: 'Forum Norr' },
  { id: 'mellansverige', nameSv: 'Mellansverige', nameEn: 'Central Sweden', node: 'Forum Mellansverige' },
  { id: 'stockholm-gotland', nameSv: 'Stockholm-Gotland', nameEn: 'Stockholm-Gotland', node: 'Forum Stockholm-Gotland' },
  { id: 'sydostra', nameSv: 'Sydöstra', nameEn: 'South-East', node: 'Forum Sydost' },
  { id: 'sodra', nameSv: 'Södra', nameEn: 'Southern', node: 'Forum Söder' },
  { id: 'vastra', nameSv: 'Västra', nameEn: 'Western', node: 'Gothia Forum' },
];

/**
 * How Halland's counts are attributed to healthcare regions. Halmstad, Hylte and Laholm belong to Södra;
 * Kungsbacka, Varberg and Falkenberg to Västra. Every roll-up states which rule it used.
 */
export type HallandRule =
  | { kind: 'population-split'; /** share of Halland's patients attributed to Södra (0..1) */ sodraShare: number }
  | { kind: 'all-to'; healthcareRegion: 'sodra' | 'vastra' };

/**
 * Default: split by the municipalities' population (SCB, 31 Dec 2019): Halmstad 102 364 + Laholm 25 613 +
 * Hylte 10 881 = 138 858 of Halland's 333 848 ≈ 0.416 to Södra.
 */
export const DEFAULT_HALLAND_RULE: HallandRule = { kind: 'population-split', sodraShare: 138858 / 333848 };

export const NATIONAL_POPULATION_2019 = 10327589;

export function regionByCode(code: CountyCode): Region {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new Error(`Unknown county code ${code}`);
  return region;
}

export function healthcareRegionById(id: HealthcareRegionId): HealthcareRegion {
  const region = HEALTHCARE_REGIONS.find((h) => h.id === id);
  if (!region) throw new Error(`Unknown healthcare region ${id}`);
  return region;
}

/** A region's name as it is written in `language` (Swedish "Jämtland Härjedalen", English "Jämtland"). */
export function regionName(code: CountyCode, language: Language): string {
  const region = regionByCode(code);
  return language === 'sv' ? region.nameSv : region.nameEn;
}

/** A healthcare region's name in `language` (Swedish "Södra", English "Southern"). */
export function healthcareRegionName(id: HealthcareRegionId, language: Language): string {
  const region = healthcareRegionById(id);
  return language === 'sv' ? region.nameSv : region.nameEn;
}
