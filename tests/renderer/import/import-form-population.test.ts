// A file whose only measure is a population (SCB's persons by county and single year of age) is imported as the
// population table it is: its measure is kept without ticking it, and the form does not ask whether it counts new
// cases or patients in a period (residents are neither); a file with counts still asks.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import';
import { asksBasisKind, emptyForm, keptMeasures, validateForm } from '../../../renderer/src/import/import-form';
import { fileProblems, previewView } from '../../../renderer/src/import/preview-view';
import { analyseExport, monthlyExport } from './import-helpers';

const SCB = '../shared/fixtures/real/BE0101N1_20230704-171432.csv';
const viewOf = async (name: string, bytes: Uint8Array) => {
  const preview = await analyseFile({ name, bytes });
  return previewView(preview, fileProblems(preview), preview.mapping, 's');
};

describe('the import form for a population table', () => {
  it('keeps a hand-made population-only file’s measure and asks only for name, publisher and region basis', async () => {
    const text = ['Region;Ålder;Folkmängd', 'Stockholms län;0;28474', 'Stockholms län;1;29033', 'Uppsala län;0;4100', ''].join('\r\n');
    const v = await viewOf('folkmangd.csv', new TextEncoder().encode(text));
    expect(v.measures.map((m) => m.spec.kind)).toEqual(['population']);
    const form = emptyForm('folkmangd.csv');
    expect(keptMeasures(form, v.measures)).toEqual([v.measures[0]!.key]);
    expect(asksBasisKind(form, v.measures)).toBe(false);
    expect(validateForm(form, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({ publisher: 'required', regionBasis: 'required' });
    // Unticked on purpose, nothing is kept and the form says so.
    const none = { ...form, publisher: 'SCB', regionBasis: 'residence' as const, keepChoice: { [v.measures[0]!.key]: false } };
    expect(validateForm(none, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({ keep: 'none-kept' });
  });

  it('still keeps only counts, and asks what they count, when the file has counts beside a rate', async () => {
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const v = previewView(preview, fileProblems(preview), preview.mapping, 's');
    const form = emptyForm('r.csv');
    expect(keptMeasures(form, v.measures)).toEqual(['antal-patienter', 'antal-vardtillfallen']);
    expect(asksBasisKind(form, v.measures)).toBe(true);
    expect(validateForm({ ...form, publisher: 'X', regionBasis: 'residence' }, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({ basisKind: 'required' });
  });

  it.skipIf(!existsSync(SCB))('imports the real SCB table without a guess: its one population measure kept, no basis question', async () => {
    const v = await viewOf('BE0101N1_20230704-171432.csv', new Uint8Array(readFileSync(SCB)));
    // 21 counties × 101 ages (0 … 100+) = 2 121 cells, as the file's 2 121 data rows.
    expect(v.measures.map((m) => [m.spec.kind, m.cells])).toEqual([['population', 2_121]]);
    const form = { ...emptyForm('BE0101N1_20230704-171432.csv'), publisher: 'SCB', regionBasis: 'residence' as const };
    expect(asksBasisKind(form, v.measures)).toBe(false);
    expect(validateForm(form, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({});
  });
});
