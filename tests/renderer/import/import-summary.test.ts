// The whole file's counts told after an import (a large file's preview counted only its first lines).
import { describe, expect, it } from 'vitest';
import { analyseFile, importFile } from '../../../shared/import';
import { importedCounts } from '../../../renderer/src/import/import-summary';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importedCounts', () => {
  it('counts every cell, the masked ones and the published totals of the kept measures over the whole file', async () => {
    const rows = ['Grupp;Kön;Antal patienter;Antal vårdtillfällen'];
    for (let i = 0; i < 3000; i++) rows.push(`Grupp ${i};Män;${i % 10 === 0 ? 'X' : i};${i}`);
    rows.push('Totalt;Män;123456;999', 'Totalt;Båda könen;234567;1999');
    const bytes = utf8(`${rows.join('\n')}\n`);
    const preview = await analyseFile({ name: 'big.csv', bytes }, { previewRows: 500 });
    expect(preview.sample.complete).toBe(false);
    expect(preview.maskedCells).toBe(50); // the sample's 500 lines only
    const result = await importFile({ name: 'big.csv', bytes }, preview.mapping, { publisher: 'test' }, { previewRows: 500 });
    const keys = result.measures.map((m) => m.key);
    const patients = keys.find((k) => k.includes('patienter'))!;
    expect(importedCounts(result, [patients])).toEqual({ cells: 3002, masked: 300, totals: 2 });
    expect(importedCounts(result, keys)).toEqual({ cells: 6004, masked: 300, totals: 4 });
    expect(importedCounts(result, [])).toEqual({ cells: 0, masked: 0, totals: 0 });
  });
});
