// The import form asks for the period when the file has no period column and no period in its headers: it
// must be given when the title names none either (no estimate could use the counts), and it may correct the
// period the title names. The datasets then carry the period given, or the title's.
import { describe, expect, it } from 'vitest';
import { analyseFile, buildDataset } from '../../../shared/import';
import { asksPeriod, emptyForm, periodMeta, validateForm } from '../../../renderer/src/import/import-form';
import { fileProblems, previewView } from '../../../renderer/src/import/preview-view';

const csv = (title: string | null, header = 'Region;Kön;Antal', rows = ['Stockholm;Män;120', 'Stockholm;Kvinnor;100']) =>
  new TextEncoder().encode([...(title ? [`"${title}"`, ''] : []), header, ...rows, ''].join('\n'));

async function viewOf(bytes: Uint8Array) {
  const preview = await analyseFile({ name: 'counts.csv', bytes });
  return { preview, view: previewView(preview, fileProblems(preview), preview.mapping, 's') };
}

const filled = { ...emptyForm('counts.csv'), publisher: 'Registret', basisKind: 'prevalent' as const, regionBasis: 'residence' as const };

describe('the import form and the period of the counts', () => {
  it('a file with a year column is not asked', async () => {
    const { view } = await viewOf(csv(null, 'År;Region;Kön;Antal', ['2021;Stockholm;Män;120']));
    expect(view.period).toEqual({ kind: 'data' });
    expect(asksPeriod(filled, view.measures, view.period)).toBe(false);
    expect(validateForm(filled, view.measures, { existingNames: [], duplicateOf: [], period: view.period })).toEqual({});
  });

  it('a file naming no period must be given one: required, then refused when it is not a period, then stored', async () => {
    const { preview, view } = await viewOf(csv('Antal patienter per region'));
    expect(view.period).toEqual({ kind: 'none' });
    expect(asksPeriod(filled, view.measures, view.period)).toBe(true);
    const context = { existingNames: [], duplicateOf: [], period: view.period };
    expect(validateForm(filled, view.measures, context)).toEqual({ period: 'required' });
    expect(validateForm({ ...filled, periodFrom: 'förra året' }, view.measures, context)).toEqual({ period: 'invalid-period' });
    expect(validateForm({ ...filled, periodFrom: '2021', periodTo: '2019' }, view.measures, context)).toEqual({ period: 'invalid-period' });
    const given = { ...filled, periodFrom: '2019', periodTo: '2021' };
    expect(validateForm(given, view.measures, context)).toEqual({});
    const imported = buildDataset(preview, preview.mapping, { publisher: 'Registret', ...periodMeta(given, view.measures, view.period) });
    expect(imported.provenance).toMatchObject({ periodFrom: '2019', periodTo: '2021' });
  });

  it('a title naming the year fills it in; the user may correct it, and the correction wins', async () => {
    const { preview, view } = await viewOf(csv('Antal patienter med diabetes 2021'));
    expect(view.period).toMatchObject({ kind: 'title', from: '2021', to: '2021', line: 1 });
    const context = { existingNames: [], duplicateOf: [], period: view.period };
    expect(validateForm(filled, view.measures, context)).toEqual({});
    expect(buildDataset(preview, preview.mapping, { publisher: 'R', ...periodMeta(filled, view.measures, view.period) }).provenance).toMatchObject({ periodFrom: '2021', periodTo: '2021' });
    const corrected = { ...filled, periodFrom: '2020' };
    expect(validateForm(corrected, view.measures, context)).toEqual({});
    expect(buildDataset(preview, preview.mapping, { publisher: 'R', ...periodMeta(corrected, view.measures, view.period) }).provenance).toMatchObject({ periodFrom: '2020', periodTo: '2020' });
  });

  it('a population table without a period is not asked (it weighs age bands whatever year it is)', async () => {
    const { view } = await viewOf(csv(null, 'Region;Ålder;Folkmängd', ['Stockholms län;0;28474', 'Uppsala län;0;4100']));
    expect(view.period).toEqual({ kind: 'none' });
    expect(asksPeriod(emptyForm('f.csv'), view.measures, view.period)).toBe(false);
  });
});
