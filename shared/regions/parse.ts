/**
 * Region labels as files write them → a county code, the national total, or "unknown region".
 *
 * Accepted for a county (any case, with or without diacritics, any spacing incl. NBSP): the short name
 * ("Skåne"), the organisation ("Region Skåne", "Västra Götalandsregionen"), the county ("Skåne län",
 * "Stockholms län"), English ("Stockholm county"), the county code ("12", "1" → "01"), the ISO 3166-2 code
 * ("SE-M") and SCB's "code name" form ("12 Skåne county"; the name must agree with the code).
 * National totals (and the canonical dataset values "national"/"unknown"): Riket, Hela riket, Sverige, Hela Sverige, Sweden, Entire Sweden, Totalt, Total,
 * also with SCB's code for the nation ("00 Riket", "00 Sweden", "00") or the country code ("SE Sweden").
 * A municipality ("0180 Stockholm", SCB's four-digit code whose first two digits are its county) is not a county:
 * {@link municipalityCounty} names its county so that an import can say so instead of "not a region".
 * Unknown region: Missing, Okänd, Okänt, Unknown, Uppgift saknas, Okänd region.
 */
import { COUNTY_CODES, REGIONS, type CountyCode } from './regions';
import { foldText } from '../utils/text';

export type RegionRef =
  | { kind: 'county'; code: CountyCode }
  | { kind: 'national' }
  | { kind: 'unknown' };

const NATIONAL_WORDS = new Set(['national', 'riket', 'hela riket', 'sverige', 'hela sverige', 'sweden', 'entire sweden', 'totalt', 'total', 'hela landet']);
const UNKNOWN_WORDS = new Set(['missing', 'okand', 'okant', 'unknown', 'uppgift saknas', 'okand region', 'unknown region', 'saknas']);

/** Words around a name that do not change which county is meant ("Region X", "X län", "X county"). */
const PREFIXES = ['region ', 'landstinget i ', 'landstinget '];
const SUFFIXES = [' county council', ' county', ' lans landsting', ' lan', ' landsting', ' region'];

const NAME_TO_CODE: ReadonlyMap<string, CountyCode> = buildNameIndex();
const ISO_TO_CODE: ReadonlyMap<string, CountyCode> = new Map(REGIONS.map((r) => [r.iso.toLowerCase(), r.code]));

function buildNameIndex(): Map<string, CountyCode> {
  const index = new Map<string, CountyCode>();
  const add = (name: string, code: CountyCode): void => {
    const key = foldText(name);
    const existing = index.get(key);
    if (existing !== undefined && existing !== code) throw new Error(`Region name "${name}" is ambiguous`);
    index.set(key, code);
  };
  for (const r of REGIONS) {
    add(r.nameSv, r.code);
    add(r.nameEn, r.code);
    add(r.organisationSv, r.code);
    add(r.countySv, r.code);
    // The county name without "län", genitive kept: "Stockholms", "Västra Götalands", "Jönköpings".
    add(r.countySv.replace(/ län$/, ''), r.code);
  }
  // Names in everyday or older use that the table above does not produce.
  add('Sörmlands', '04');
  add('Jämtland-Härjedalen', '23');
  return index;
}

function countyCodeFromNumber(digits: string): CountyCode | null {
  const padded = digits.padStart(2, '0');
  return (COUNTY_CODES as readonly string[]).includes(padded) ? (padded as CountyCode) : null;
}

function countyFromName(folded: string): CountyCode | null {
  const direct = NAME_TO_CODE.get(folded);
  if (direct) return direct;
  let stripped = folded;
  for (const prefix of PREFIXES) if (stripped.startsWith(prefix)) stripped = stripped.slice(prefix.length);
  for (const suffix of SUFFIXES) if (stripped.endsWith(suffix)) stripped = stripped.slice(0, -suffix.length);
  return NAME_TO_CODE.get(stripped.trim()) ?? null;
}

/** Parse a region label; null when the text names no region, total or unknown region. */
export function parseRegion(raw: string): RegionRef | null {
  const folded = foldText(raw);
  if (folded === '') return null;
  if (NATIONAL_WORDS.has(folded)) return { kind: 'national' };
  const nationCoded = /^(?:00?|se)(?:\s+(.+))?$/.exec(folded);
  if (nationCoded && (nationCoded[1] === undefined ? folded === '00' : NATIONAL_WORDS.has(nationCoded[1]))) return { kind: 'national' };
  if (UNKNOWN_WORDS.has(folded)) return { kind: 'unknown' };

  const iso = /^se\s*-\s*([a-z]{1,2})$/.exec(folded);
  if (iso) {
    const code = ISO_TO_CODE.get(`se-${iso[1]}`);
    return code ? { kind: 'county', code } : null;
  }

  const numbered = /^(\d{1,2})(?:\s+(.+))?$/.exec(folded);
  if (numbered) {
    const code = countyCodeFromNumber(numbered[1]!);
    if (!code) return null;
    const rest = numbered[2];
    // "12 Skåne county": the name must name the same county, so a shifted column cannot pass silently.
    if (rest !== undefined && countyFromName(rest) !== code) return null;
    return { kind: 'county', code };
  }

  const code = countyFromName(folded);
  return code ? { kind: 'county', code } : null;
}

/**
 * The county of a municipality written as SCB writes it ("0180 Stockholm", "1480 Göteborg", "0180"): its
 * four-digit code's first two digits, when they are a county's code; null for anything else.
 */
export function municipalityCounty(raw: string): { municipality: string; county: CountyCode } | null {
  const m = /^(\d{4})(?:\s+\S.*)?$/.exec(foldText(raw));
  if (!m) return null;
  const county = countyCodeFromNumber(m[1]!.slice(0, 2));
  return county ? { municipality: m[1]!, county } : null;
}
