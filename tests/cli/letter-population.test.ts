/**
 * The ADHD letter from the real files through `antal letter`, read back with pdftotext: the age step's loss prints
 * with the space sv-SE puts before "%" (every share of the attrition with one decimal, so a whole per cent is never a
 * lone digit that text extraction glues to its sign), and "Dataunderlag" names SCB's population table the age share
 * came from, with its file and SHA-256 (computed here from the file's bytes).
 *
 * By hand, from the raw file (2020, both sexes, 0–19, the 21 län rows): methylphenidate 46 152 of the 87 193 of all
 * five drugs, so 69,2 % remain and 30,8 % are lost; the age criterion 6–17 keeps the whole 0–19 band (46 152, 0,0 %
 * lost) and the share of the band is the line after it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { pdfText } from '../shared/letter/helpers';

const REAL = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
const DATA = join(REAL, 'socialstyrelsen_2022-02-18.csv');
const POPULATION = join(REAL, 'BE0101N1_20230704-171432.csv');

const study = {
  schemaVersion: 2,
  id: 'adhd-301',
  version: 1,
  title: 'NMX-301-P3',
  sponsorReference: 'SPON-ADHD-301',
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
  ageReferenceDate: '2020-12-31',
  steps: [
    { id: 'mph', type: 'inclusion', enabled: true, protocolText: 'På metylfenidat', label: 'Metylfenidat', rule: { kind: 'predicate', predicate: { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA04'] } } },
    { id: 'age', type: 'inclusion', enabled: true, protocolText: '6–17 år', label: 'Ålder 6–17', rule: { kind: 'predicate', predicate: { kind: 'age', min: 6, max: 17 } } },
  ],
  recruitment: {
    targetPatients: 120,
    startDate: '2027-03-01',
    months: 12,
    consentRate: { low: 1, point: 1, high: 1 },
    screenFailureRate: { low: 0, point: 0, high: 0 },
    rateShape: 2,
    sites: [{ id: 's1', name: 'Stockholm', region: '01', activationMonth: 0, ratePerMonth: 3 }],
  },
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
};
const EFF = {
  populationPresent: { answer: 'yes' },
  recruitmentChances: { answer: 'good' },
  limitingFactors: { factors: ['exclusion-criteria'] },
  discouragingFactors: { answer: 'no' },
  standardOfCare: { answer: 'yes' },
  careSetting: 'Barn- och ungdomspsykiatri.',
  relevantClinics: 'BUP-kliniker.',
};

async function antal(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe.skipIf(!existsSync(DATA) || !existsSync(POPULATION))('the ADHD letter on the real files', () => {
  it('prints the age step\'s loss as "0,0 %" and names the population table in Dataunderlag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antal-letter-population-'));
    writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
    writeFileSync(join(dir, 'unit.json'), JSON.stringify({ unitName: 'Prövningsenheten', address: 'Box 1', signatoryName: 'Åsa Öberg', signatoryTitle: 'Koordinator' }));
    const base = ['letter', '--study', join(dir, 'study.json'), '--data', DATA, '--population', POPULATION, '--kind', 'prevalent', '--date', '2026-12-07', '--unit', join(dir, 'unit.json')];
    writeFileSync(join(dir, 'request.json'), JSON.stringify({ reference: 'SPON-ADHD-301', eff: EFF }));
    const refused = await antal([...base, '--request', join(dir, 'request.json'), '--out', join(dir, 'probe.pdf')]);
    const keys = [...refused.stderr.matchAll(/--acknowledge ([0-9a-f]{16})/g)].map((m) => m[1]!);
    const out = join(dir, 'letter.pdf');
    const { code, stderr } = await antal([...base, '--request', join(dir, 'request.json'), '--out', out, ...keys.flatMap((k) => ['--acknowledge', k])]);
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const text = pdfText(readFileSync(out)).replace(/\s+/g, ' ');
    expect(text).toContain('Metylfenidat 46 152 46 152 46 152 69,2 % 30,8 %');
    expect(text).toContain('Ålder 6–17 46 152 46 152 46 152 69,2 % 0,0 %');
    expect(text).not.toMatch(/\d%/);
    // The age criterion loses its share on the line after it: 1 − 27 929 / 46 152 = 39,5 % (the scenario's national
    // 6–17 figure over the methylphenidate row above), more than methylphenidate's 30,8 %, so it is the most limiting.
    expect(text).toContain('Mest begränsande steg: Ålder 6–17 (39,5 % bortfall med åldersandelen på raden efter).');

    const sha = createHash('sha256').update(readFileSync(POPULATION)).digest('hex');
    const sources = text.slice(text.indexOf('Dataunderlag'));
    expect(sources).toContain('Befolkningstabell för åldersandelarna: BE0101N1_20230704-171432.csv (Population)');
    expect(sources).toContain('Period 2019.');
    expect(sources).toContain(`SHA-256: ${sha}`);
    expect(sources.indexOf('socialstyrelsen_2022-02-18.csv')).toBeLessThan(sources.indexOf('Befolkningstabell'));
  }, 180_000);
});
