/**
 * SCB's PxWeb exports by municipality ("0180 Stockholm", its default region level) and with the nation as
 * "00 Riket". The nation is read as the national total; municipality rows are read as their counties and
 * summed (counts and populations, masked cells as intervals), a county's own row wins over its
 * municipalities, and rates are never summed. Every expected figure is added up by hand from the file's
 * lines, written out beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import/analyse-file';
import { importFile } from '../../../shared/import/import-file';
import { PHRASES_SV } from '../../../shared/import/phrases.sv';
import { formatProblem, ImportRefusedError } from '../../../shared/import/problems';
import { queryDataset } from '../../../shared/import/query-dataset';
import { referenceBuild } from './reference-build';
import { KOMMUN_LINES } from './kommun-file';

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const META = { publisher: 'SCB', extractedAt: '2026-12-01' };


describe('SCB region labels', () => {
  it('"00 Riket" is the published national total beside the counties', async () => {
    const preview = await analyseFile({ name: 'scb.csv', bytes: bytes(['"region","ålder","2022"', '"00 Riket","0 år",100', '"01 Stockholms län","0 år",60', '"03 Uppsala län","0 år",40']) });
    expect(preview.errors).toEqual([]);
    expect(preview.totals.map((t) => `${t.dimension}=${t.value}`)).toContain('region=national');
  });
});

describe('a file by municipality is summed into counties', () => {
  it('the preview says what was summed, which county row was kept, and where the figures disagree', async () => {
    const preview = await analyseFile({ name: 'kommun.csv', bytes: bytes(KOMMUN_LINES) });
    expect(preview.errors).toEqual([]);
    expect(preview.columns[0]!.mapping).toMatchObject({ kind: 'dimension', role: 'region' });
    const sv = preview.warnings.map((w) => formatProblem(w, PHRASES_SV));
    // 0380, 0381 → 03 and 0980 → 09; Stockholm's municipalities are not added (its county rows are there).
    expect(sv.filter((w) => w.includes('3 kommuner summerades till 2 län'))).toHaveLength(1);
    expect(sv.some((w) => w.includes('raden för Stockholms län och rader för dess kommuner (2 celler): länsraden användes'))).toBe(true);
    const differs = preview.warnings.filter((w) => w.code === 'municipality-sum-differs');
    // Only 0-64: 1030 against 120 + 900 = 1020; 65+ (47 against 45 + 1..3 = 46–48) is within reach.
    expect(differs).toHaveLength(1);
    expect(differs[0]).toMatchObject({ line: 8, column: 4, raw: '1030' });
    expect(formatProblem(differs[0]!, PHRASES_SV)).toContain('raden för Stockholms län säger 1030, dess kommuner i filen summerar till 1020');
    // An English reader gets the county's English name and the cell's labels in words, not internal keys.
    expect(formatProblem(differs[0]!)).toMatch(/Antal patienter, age 0-64, period 2022: the row of Stockholm County says 1030, its municipalities in the file sum to 1020; the county row was used/);
    expect(formatProblem(differs[0]!)).not.toContain('Stockholms län');
    // Uppsala has eight municipalities, the file two: its sum is not the county's.
    expect(sv.some((w) => w.includes('Uppsala län summerades av bara 2 av sina 8 kommuner'))).toBe(true);
    expect(sv.some((w) => w.includes('Gotlands län summerades'))).toBe(false);
  });

  it('the datasets hold the counties with the sums added by hand; the import and the reference agree', async () => {
    const file = { name: 'kommun.csv', bytes: bytes(KOMMUN_LINES) };
    const preview = await analyseFile(file, { previewRows: 'all' });
    const imported = await importFile(file, preview.mapping, META, { previewRows: 4, pieceBytes: 37 });
    const reference = referenceBuild(preview, preview.mapping, META);
    for (const result of [imported, reference]) {
      const dataset = result.measures[0]!.dataset;
      const region = dataset.dimensions.find((d) => d.role === 'region')!;
      expect(region.values).toEqual(['01', '03', '09']);
      const q = (f: Parameters<typeof queryDataset>[1]) => queryDataset(result, f);
      expect(q({ region: 'Stockholm', age: '0-64' })).toMatchObject({ low: 1030, point: 1030, high: 1030 }); // the county row
      expect(q({ region: 'Stockholm', age: '65+' })).toMatchObject({ low: 47, point: 47, high: 47 });
      expect(q({ region: 'Uppsala', age: '0-64' })).toMatchObject({ low: 340, point: 340, high: 340, masked: 0 }); // 300 + 40
      expect(q({ region: 'Uppsala', age: '65+' })).toMatchObject({ low: 81, point: 82, high: 83, masked: 1 }); // 80 + X (1–3, point 2)
      expect(q({ region: 'Gotland', age: '0-64' })).toMatchObject({ point: 55 });
      expect(q({ age: '65+' })).toMatchObject({ low: 47 + 81 + 20, point: 47 + 82 + 20, high: 47 + 83 + 20 });
      expect(result.provenance.notes.join('\n')).toContain('3 municipalities were summed into 2 counties');
    }
    expect(imported.measures[0]!.dataset.low).toEqual(reference.measures[0]!.dataset.low);
    expect(imported.measures[0]!.dataset.high).toEqual(reference.measures[0]!.dataset.high);
  });

  it('real duplicates keep their problems: two identical county rows warn, two different municipality rows refuse', async () => {
    const twice = await analyseFile({ name: 'dup.csv', bytes: bytes(['"region","år","Antal patienter"', '"03 Uppsala län","2022",340', '"03 Uppsala län","2022",340', '"0980 Gotland","2022",55']) });
    expect(twice.warnings.filter((w) => w.code === 'identical-duplicate')).toMatchObject([{ line: 3 }]);
    const conflicting = await analyseFile({ name: 'dup2.csv', bytes: bytes(['"region","år","Antal patienter"', '"0980 Gotland","2022",55', '"0980 Gotland","2022",56']) });
    expect(conflicting.errors.filter((e) => e.code === 'conflicting-duplicate')).toMatchObject([{ line: 3 }]);
  });

  it('a rate is never summed: left out beside counts (one warning naming it), refused when it is all there is', async () => {
    const both = ['"region","år","Antal patienter","Per 100 000 invånare"', '"0380 Uppsala","2022",300,120.5', '"0381 Enköping","2022",40,85.1'];
    const mixed = await analyseFile({ name: 'mixed.csv', bytes: bytes(both) }, { previewRows: 'all' });
    const rateWarnings = mixed.warnings.filter((w) => w.code === 'municipality-rate');
    expect(rateWarnings).toHaveLength(1);
    expect(formatProblem(rateWarnings[0]!, PHRASES_SV)).toContain('”Per 100 000 invånare” är en kvot, andel eller ett medelvärde');
    const result = await importFile({ name: 'mixed.csv', bytes: bytes(both) }, mixed.mapping, META);
    // The rate is not imported at all: its only cells were municipalities'.
    expect(result.measures.map((m) => m.name)).toEqual(['Antal patienter']);
    expect(queryDataset(result, { region: 'Uppsala' })).toMatchObject({ point: 340 }); // 300 + 40

    const rateOnly = bytes(['"region","år","Per 100 000 invånare"', '"0380 Uppsala","2022",120.5', '"0381 Enköping","2022",85.1']);
    const preview = await analyseFile({ name: 'rate.csv', bytes: rateOnly });
    expect(preview.errors.map((e) => e.code)).toContain('municipality-rate');
    await expect(importFile({ name: 'rate.csv', bytes: rateOnly }, preview.mapping, META)).rejects.toBeInstanceOf(ImportRefusedError);
  });
});
