import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';
import { queryDataset } from '../../../shared/import/query-dataset';

/** A minimal but valid SpreadsheetML workbook: shared strings, an inline string, numbers, two sheets. */
function workbook(): Uint8Array {
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c></row>
<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c></row>
<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" t="s"><v>5</v></c><c r="C4"><v>12</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>Region Kalmar</t></is></c><c r="B5" t="s"><v>5</v></c><c r="C5" t="s"><v>6</v></c></row>
</sheetData></worksheet>`;
  const sheet2 = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>tom</t></is></c></row></sheetData></worksheet>';
  const shared = `<sst><si><t>Antal patienter &amp; diagnos C18</t></si><si><t>Region</t></si><si><t>Kön</t></si><si><t>Antal</t></si><si><r><t>Skåne </t></r><r><t>län</t></r></si><si><t>Kvinnor</t></si><si><t>X</t></si></sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Om" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(shared),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
  });
}

describe('XLSX', () => {
  it('reads the first sheet through the same table detection, with sheet row numbers as lines', async () => {
    const p = await analyseFile({ name: 'export.xlsx', bytes: workbook() });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('xlsx');
    expect(p.sheet).toEqual({ name: 'Data', names: ['Data', 'Om'] });
    expect(p.notes).toEqual([{ line: 1, kind: 'title', text: 'Antal patienter & diagnos C18' }]);
    expect(p.firstRows.map((r) => [r.line, r.dimensions.region])).toEqual([[4, '12'], [5, '08']]);
    const d = buildDataset(p, p.mapping, { publisher: 't' });
    expect(queryDataset(d, {})).toMatchObject({ low: 13, point: 14, high: 15, masked: 1 });
  });

  it('names the sheets when the one asked for does not exist', async () => {
    const p = await analyseFile({ name: 'export.xlsx', bytes: workbook() }, { sheet: 'Blad1' });
    expect(p.errors).toMatchObject([{ code: 'xlsx-sheet-not-found', message: expect.stringContaining('"Data", "Om"') }]);
  });
});
