import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipalityCounty, parseRegion } from '../../../shared/regions/parse';
import { healthcareRegionShares } from '../../../shared/regions/healthcare-shares';
import { DEFAULT_HALLAND_RULE, REGIONS } from '../../../shared/regions/regions';

const county = (code: string) => ({ kind: 'county', code });

describe('parseRegion', () => {
  it.each([
    ['Region Skåne', '12'],
    ['Skåne län', '12'],
    ['Skåne', '12'],
    ['SKANE', '12'],
    ['skane lan', '12'],
    ['12', '12'],
    ['SE-M', '12'],
    ['se-m', '12'],
    ['12 Skåne county', '12'],
    ['01 Stockholm county', '01'],
    ['1', '01'],
    ['Stockholms län', '01'],
    ['Stockholm county', '01'],
    ['Region Stockholm', '01'],
    ['SE-AB', '01'],
    ['Västra Götalandsregionen', '14'],
    ['Vastra Gotalands lan', '14'],
    ['Västra Götaland County', '14'],
    ['Jämtlands län', '23'],
    ['Jämtland Härjedalen', '23'],
    ['Region Jämtland Härjedalen', '23'],
    ['Sörmland', '04'],
    ['Södermanland', '04'],
    ['Södermanlands län', '04'],
    ['Region Sörmland', '04'],
    ['Region Jönköpings län', '06'],
    ['Örebro län', '18'],
    ['Orebro', '18'],
    ['Gotland', '09'],
    ['  Skåne\u00a0\u00a0län ', '12'],
    ['Hallands län', '13'],
  ])('%s → county %s', (raw, code) => {
    expect(parseRegion(raw)).toEqual(county(code));
  });

  it.each(['Riket', 'riket', 'Sverige', 'Entire Sweden', 'Totalt', 'Sweden', 'Hela riket', 'national'])('%s → national', (raw) => {
    expect(parseRegion(raw)).toEqual({ kind: 'national' });
  });

  it.each(['Missing', 'Okänd', 'Okänt', 'okand', 'Unknown', 'unknown'])('%s → unknown region', (raw) => {
    expect(parseRegion(raw)).toEqual({ kind: 'unknown' });
  });

  it.each(['', '   ', '02', '11', '15', '16', '26', 'SE-Q', 'Oslo', 'Region', 'län', '12 Stockholm county', 'Skåne Stockholm'])('%j → null', (raw) => {
    expect(parseRegion(raw)).toBeNull();
  });

  it('accepts every region name, organisation, county name and ISO code of the region table', () => {
    for (const r of REGIONS) {
      for (const name of [r.nameSv, r.nameEn, r.organisationSv, r.countySv, r.iso, r.code]) expect(parseRegion(name)).toEqual(county(r.code));
    }
  });
});

describe('healthcareRegionShares', () => {
  it('puts an ordinary county wholly in its healthcare region', () => {
    expect(healthcareRegionShares('12', DEFAULT_HALLAND_RULE)).toEqual([{ id: 'sodra', share: 1 }]);
    expect(healthcareRegionShares('09', DEFAULT_HALLAND_RULE)).toEqual([{ id: 'stockholm-gotland', share: 1 }]);
  });

  it('splits Halland by the rule', () => {
    const split = healthcareRegionShares('13', DEFAULT_HALLAND_RULE);
    expect(split.map((s) => s.id)).toEqual(['sodra', 'vastra']);
    expect(split[0]!.share).toBeCloseTo(138858 / 333848, 12);
    expect(split[0]!.share + split[1]!.share).toBeCloseTo(1, 12);
    expect(healthcareRegionShares('13', { kind: 'all-to', healthcareRegion: 'vastra' })).toEqual([{ id: 'vastra', share: 1 }]);
  });

  it('rejects a split share outside 0..1', () => {
    expect(() => healthcareRegionShares('13', { kind: 'population-split', sodraShare: 1.2 })).toThrow(RangeError);
  });
});

// Real exports, read in place from ../shared (never copied into the project).
const REAL = resolve(__dirname, '../../../../shared/fixtures/real');
const realPresent = existsSync(REAL);

describe('region names in real files', () => {
  it.skipIf(!realPresent)('parses every Region value of the Socialstyrelsen export (UTF-8, ;)', () => {
    const text = readFileSync(resolve(REAL, 'socialstyrelsen_2022-02-18.csv'), 'utf8');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    const header = lines[0]!.split(';');
    const column = header.indexOf('Region');
    expect(column).toBeGreaterThanOrEqual(0);
    const names = new Set(lines.slice(1).map((l) => l.split(';')[column]!));
    expect(names.size).toBe(22);
    const parsed = [...names].map((n) => [n, parseRegion(n)] as const);
    for (const [name, ref] of parsed) expect(ref, name).not.toBeNull();
    expect(parsed.filter(([, r]) => r?.kind === 'national').map(([n]) => n)).toEqual(['Riket']);
    const codes = new Set(parsed.flatMap(([, r]) => (r?.kind === 'county' ? [r.code] : [])));
    expect(codes.size).toBe(21);
  });

  it.skipIf(!realPresent)('parses every region of the SCB PxWeb export (ISO-8859-1, "01 Stockholm county")', () => {
    const text = new TextDecoder('iso-8859-1').decode(readFileSync(resolve(REAL, 'BE0101N1_20230704-171432.csv')));
    const rows = text.split(/\r?\n/).filter((l) => /^"\d{2} /.test(l));
    const names = new Set(rows.map((l) => l.slice(1, l.indexOf('"', 1))));
    expect(names.size).toBe(21);
    const codes = new Set<string>();
    for (const name of names) {
      const ref = parseRegion(name);
      expect(ref?.kind, name).toBe('county');
      if (ref?.kind === 'county') {
        expect(ref.code).toBe(name.slice(0, 2));
        codes.add(ref.code);
      }
    }
    expect(codes.size).toBe(21);
  });
});

describe('the nation and municipalities as SCB writes them', () => {
  it('"00 Riket", "00 Sweden", "00" and "SE Sweden" are the nation; "0", "SE" and "00 Skåne" are not', () => {
    for (const label of ['00 Riket', '00 Sweden', '00', 'SE Sweden', 'SE Sverige', '0 Riket']) expect(parseRegion(label), label).toEqual({ kind: 'national' });
    for (const label of ['0', 'SE', '00 Skåne']) expect(parseRegion(label)?.kind, label).not.toBe('national');
  });

  it('a municipality code names its county (first two digits) but is not itself a county', () => {
    expect(municipalityCounty('0180 Stockholm')).toEqual({ municipality: '0180', county: '01' });
    expect(municipalityCounty('1480 Göteborg')).toEqual({ municipality: '1480', county: '14' });
    expect(municipalityCounty('0980')).toEqual({ municipality: '0980', county: '09' });
    expect(parseRegion('0180 Stockholm')).toBeNull();
    // 02 is no county code today (it was Stockholms stad's before 1968), and a county code is not a municipality.
    expect(municipalityCounty('0280 X')).toBeNull();
    expect(municipalityCounty('12 Skåne')).toBeNull();
  });
});
