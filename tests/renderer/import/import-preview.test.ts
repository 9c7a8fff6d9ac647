// What the import preview shows while the user corrects the mapping: recomputed problems, tokens, measures,
// explicit line exclusions (recorded in provenance), refusal of personal identity numbers, and the form rules.
import { describe, expect, it } from 'vitest';
import { analyseFile, buildDataset, type ProblemCode } from '../../../shared/import';
import { emptyForm, keptMeasures, validateForm } from '../../../renderer/src/import/import-form';
import { maskMeaning, roleOf, withExcludedLine, withMaskToken, withNumberFormat, withRole } from '../../../renderer/src/import/mapping-edit';
import { fileProblems, INTERPRETATION_CODES, previewView } from '../../../renderer/src/import/preview-view';
import { interpretRows } from '../../../shared/import/interpret-rows';
import { datasetsEn } from '../../../renderer/src/i18n/datasets.en';
import { datasetsSv } from '../../../renderer/src/i18n/datasets.sv';
import { analyseExport, META, monthlyExport, windows1252 } from './import-helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);
const view = async (text: string) => {
  const preview = await analyseFile({ name: 't.csv', bytes: utf8(text) });
  return { preview, base: fileProblems(preview) };
};

describe('previewView', () => {
  it('shows the file as detected: masked cells, totals, tokens, measures and interpreted first rows', async () => {
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const v = previewView(preview, fileProblems(preview), preview.mapping, 'abc');
    expect(v).toMatchObject({ maskedCells: 1, errorCount: 0, warningCount: 0, bodyRows: 4, personnummer: false, sha256: 'abc' });
    expect(v.encoding?.name).toBe('windows-1252');
    expect(v.totals).toEqual([{ dimension: 'region', value: 'national', cells: 3 }]);
    expect(v.tokens).toEqual([{ token: 'X', meaning: { low: 1, high: 3, point: 2 } }]);
    expect(v.measures.map((m) => [m.key, m.spec.kind, m.cells])).toEqual([
      ['antal-patienter', 'count', 4],
      ['antal-vardtillfallen', 'count', 4],
      ['per-100-000-invanare', 'rate', 4],
    ]);
    expect(v.firstRows[1]).toEqual({ line: 5, dimensions: { region: '12', period: '2021-03' }, measures: { 'Antal patienter': 'X', 'Antal vårdtillfällen': '7', 'Per 100 000 invånare': '0,4' } });
    expect('table' in v || 'bytes' in v).toBe(false);
    expect(keptMeasures(emptyForm('a.csv'), v.measures)).toEqual(['antal-patienter', 'antal-vardtillfallen']);
  });

  it('recomputes when a role changes: an ignored column no longer counts masks or measures', async () => {
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const mapping = withRole(preview.mapping, 2, 'ignore', { headers: preview.table.headers, proposed: preview.mapping, delimiter: ';' });
    const v = previewView(preview, fileProblems(preview), mapping, 's');
    expect(v.maskedCells).toBe(0);
    expect(v.tokens).toEqual([]);
    expect(v.measures.map((m) => m.key)).toEqual(['antal-vardtillfallen', 'per-100-000-invanare']);
    // Back to a count of events: the whole measure changes, and the mapping is what buildDataset uses.
    const events = withRole(mapping, 2, 'count-events', { headers: preview.table.headers, proposed: preview.mapping, delimiter: ';' });
    expect(roleOf(events.columns[2]!)).toBe('count-events');
    const built = buildDataset(preview, events, META);
    expect(built.measures.find((m) => m.key === 'antal-patienter')?.dataset.basis.unit).toBe('events');
  });

  it('names an unknown token as an error until the user gives its meaning', async () => {
    const { preview, base } = await view('Region;Antal\nStockholms län;12\nGotlands län;..\n');
    const before = previewView(preview, base, preview.mapping, 's');
    expect(before.errors).toMatchObject([{ code: 'unknown-token-meaning', line: 3, column: 2, raw: '..' }]);
    expect(before.tokens).toEqual([{ token: '..', meaning: null }]);
    const after = previewView(preview, base, withMaskToken(preview.mapping, '..', maskMeaning(0, 4)!), 's');
    expect(after.errorCount).toBe(0);
    expect(after.tokens).toEqual([{ token: '..', meaning: { low: 0, high: 4, point: 2 } }]);
    expect(maskMeaning(3, 1)).toBeNull();
    expect(maskMeaning(-1, 2)).toBeNull();
    expect(maskMeaning(1.5, 2)).toBeNull();
  });

  it('lets the user exclude the lines of errors explicitly, and records them in the provenance', async () => {
    const { preview, base } = await view('Region;Antal\nStockholms län;12\nGotlands län;tolv\nUppsala län;3;extra\nSkåne län;4\n');
    const before = previewView(preview, base, preview.mapping, 's');
    expect(before.errors.map((e) => [e.code, e.line])).toEqual([
      ['wrong-field-count', 4],
      ['not-a-number', 3],
    ]);
    expect(() => buildDataset(preview, preview.mapping, META)).toThrow('Import refused');
    const mapping = withExcludedLine(withExcludedLine(preview.mapping, 3, true), 4, true);
    const after = previewView(preview, base, mapping, 's');
    expect(after.errorCount).toBe(0);
    expect(after.warnings.map((w) => w.code)).toEqual(['rows-excluded']);
    const built = buildDataset(preview, mapping, META);
    expect(built.provenance.excludedLines).toEqual([3]);
    expect(built.provenance.mapping.excludeLines).toEqual([3, 4]);
    expect(built.measures[0]!.dataset.cellCount).toBe(2);
    expect(withExcludedLine(mapping, 3, false).excludeLines).toEqual([4]);
  });

  it('drops a warning the user has answered: the measure kind chosen, the number format set', async () => {
    const { preview, base } = await view('Region;Värde\nStockholms län;6,945\nSkåne län;1,234\n');
    expect(previewView(preview, base, preview.mapping, 's').warnings.map((w) => w.code).sort()).toEqual(['ambiguous-number-format', 'measure-kind-assumed']);
    const context = { headers: preview.table.headers, proposed: preview.mapping, delimiter: ';' };
    // Detection read "6,945" as a count with a thousands comma; the user knows it is a rate with a decimal comma.
    const kindOnly = previewView(preview, base, withRole(preview.mapping, 1, 'rate', context), 's');
    expect(kindOnly.warnings.map((w) => w.code)).toEqual(['ambiguous-number-format']);
    const chosen = withNumberFormat(withRole(preview.mapping, 1, 'rate', context), 1, { decimal: ',', thousands: 'none' });
    const v = previewView(preview, base, chosen, 's');
    expect(v.warnings).toEqual([]);
    expect(buildDataset(preview, chosen, META).measures[0]!.dataset.point).toEqual(Float64Array.from([6.945, 1.234]));
  });

  it('refuses a file with a personnummer whole: places named, no rows, no measures', async () => {
    const { preview, base } = await view('Region;Kommentar;Antal\nStockholms län;ok;12\nSkåne län;pat 811218-9876;4\n');
    const v = previewView(preview, base, preview.mapping, '');
    expect(v.personnummer).toBe(true);
    expect(v.errors.map((e) => [e.code, e.line, e.column])).toEqual([['personal-identity-number', 3, 2]]);
    expect(JSON.stringify(v)).not.toContain('811218');
    expect(v.firstRows).toEqual([]);
    expect(v.measures).toEqual([]);
  });
});

describe('fileProblems', () => {
  it.each([
    ['a clean export', monthlyExport('2021-03', 1234)],
    ['values, tokens, regions and duplicates the mapping cannot read', 'Region;År;Antal\nStockholms län;2021;12\nGotlands län;2021;..\nAtlantis;2021;3\nUppsala län;2021;-4\nUppsala län;2021;5\n;2021;7\n'],
    ['lines and headers that are wrong in themselves', 'Titel\nRegion;Antal;Antal\nStockholms län;12;1\nSkåne län;4\nUppsala län;"3;1\n'],
    ['a column of unclear numbers', 'Region;Värde\nStockholms län;6,945\nSkåne län;1,234\n'],
  ])('separates the file\'s own problems from those of the mapping exactly as the core does: %s', async (_, text) => {
    const preview = await analyseFile({ name: 't.csv', bytes: utf8(text) });
    const interpreted = interpretRows(preview.table, preview.mapping, 't.csv').problems;
    expect(interpreted.every((p) => INTERPRETATION_CODES.has(p.code))).toBe(true);
    const key = (p: { code: string; line: number | null; column: number | null; raw: string }) => `${p.code}|${p.line}|${p.column}|${p.raw}`;
    const all = [...preview.errors, ...preview.warnings].map(key).sort();
    expect([...fileProblems(preview).map(key), ...interpreted.map(key)].sort()).toEqual(all);
  });
});

describe('validateForm', () => {
  it('asks for a name, a publisher and the basis, at least one measure, and confirmation for a file imported before', async () => {
    const preview = await analyseFile({ name: 'r.csv', bytes: windows1252(monthlyExport('2021-03', 5)) });
    const v = previewView(preview, fileProblems(preview), preview.mapping, 's');
    const form = { ...emptyForm('r.csv'), name: ' ' };
    expect(emptyForm('Register 2021-03.CSV').name).toBe('Register 2021-03');
    expect(validateForm(form, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({ name: 'required', publisher: 'required', basisKind: 'required', regionBasis: 'required' });
    const filled = { ...form, name: 'Register', publisher: 'Testregistret', basisKind: 'incident' as const, regionBasis: 'residence' as const };
    expect(validateForm(filled, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({});
    expect(validateForm(filled, v.measures, { existingNames: ['register – antal patienter'], duplicateOf: [], period: v.period })).toEqual({ name: 'taken' });
    expect(validateForm({ ...filled, keepChoice: { 'antal-patienter': false, 'antal-vardtillfallen': false } }, v.measures, { existingNames: [], duplicateOf: [], period: v.period })).toEqual({ keep: 'none-kept' });
    expect(validateForm(filled, v.measures, { existingNames: [], duplicateOf: ['Register – Antal patienter'], period: v.period })).toEqual({ importAgain: 'duplicate' });
    expect(validateForm({ ...filled, importAgain: true, extractedAt: '2021-3-1' }, v.measures, { existingNames: [], duplicateOf: ['x'], period: v.period })).toEqual({ extractedAt: 'invalid-date' });
  });
});

describe('import texts', () => {
  it('explain every problem code the importer can raise, in both languages', () => {
    // A compile-time check as well: a code added to the core without a text fails `tsc -p tsconfig.tests.json`.
    const sv: Record<ProblemCode, string> = datasetsSv.problemCodes;
    const en: Record<ProblemCode, string> = datasetsEn.problemCodes;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    // The specific explanations (phrases) are the core's, in both languages.
    expect(Object.keys(datasetsEn.phrases).sort()).toEqual(Object.keys(datasetsSv.phrases).sort());
    expect(datasetsSv.phrases.notANumberMsg).toBe('”{{raw}}” är inget tal');
  });
});
