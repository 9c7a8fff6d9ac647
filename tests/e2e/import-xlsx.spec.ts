// Importing an Excel workbook the way a coordinator does: the file's first sheet is an "about" page, so the
// user chooses the data sheet; its title row, merged two-row header and footnote rows are read as such.
import type { Page } from '@playwright/test';
// fflate: builds the .xlsx (a ZIP of SpreadsheetML parts) here in the test, as tests/shared/import/xlsx.test.ts does.
import { strToU8, zipSync } from 'fflate';
import { expect, expectNoA11yViolations, test } from './fixtures';

const text = (ref: string, value: string) => `<c r="${ref}" t="s"><v>${strings.indexOf(value)}</v></c>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
const strings = [
  'Antal patienter med tjocktarmscancer per region och kön 2021',
  'Region', 'Antal patienter', 'Män', 'Kvinnor', 'Stockholms län', 'Skåne län', 'Uppsala län', 'Riket', 'X',
  'Anm.: X = 1–3 patienter (röjanderisk).', 'Källa: Testregistret 2022-01-10',
  'Om filen', 'Uttaget gjordes för en förfrågan om genomförbarhet.',
];

/**
 * Sheet "Data": title (row 1), a blank row, a two-row header whose "Region" cell spans rows 3–4 and whose
 * "Antal patienter" spans columns B–C above "Män" and "Kvinnor" (merged cells), four regions with Riket as
 * the published total, one masked cell, and two footnote rows. Sheet "Om" comes first and has no table.
 */
function workbook(): Buffer {
  const data = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${text('A1', strings[0]!)}</row>
<row r="3">${text('A3', 'Region')}${text('B3', 'Antal patienter')}<c r="C3"/></row>
<row r="4"><c r="A4"/>${text('B4', 'Män')}${text('C4', 'Kvinnor')}</row>
<row r="5">${text('A5', 'Stockholms län')}${number('B5', 1234)}${number('C5', 1100)}</row>
<row r="6">${text('A6', 'Skåne län')}${text('B6', 'X')}${number('C6', 7)}</row>
<row r="7">${text('A7', 'Uppsala län')}${number('B7', 56)}${number('C7', 61)}</row>
<row r="8">${text('A8', 'Riket')}${number('B8', 1400)}${number('C8', 1300)}</row>
<row r="10">${text('A10', strings[10]!)}</row>
<row r="11">${text('A11', strings[11]!)}</row>
</sheetData><mergeCells count="3"><mergeCell ref="A3:A4"/><mergeCell ref="B3:C3"/><mergeCell ref="A10:C10"/></mergeCells></worksheet>`;
  const about = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${text('A1', 'Om filen')}</row><row r="2">${text('A2', strings[13]!)}</row></sheetData></worksheet>`;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`;
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Om" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(shared),
    'xl/worksheets/sheet1.xml': strToU8(about),
    'xl/worksheets/sheet2.xml': strToU8(data),
  }));
}

async function chooseWorkbook(page: Page): Promise<void> {
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name: 'tarmcancer_2021.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook() });
}

test('an Excel workbook: the data sheet is chosen, its title, merged header and footnotes are read, and the dataset has the right totals', async ({ page }) => {
  await chooseWorkbook(page);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('heading', { name: 'Förhandsgranskning: tarmcancer_2021.xlsx' })).toBeVisible();
  // The first sheet holds no table: the problem says so in Swedish, and the sheet can be changed.
  const sheet = page.getByLabel('Kalkylblad');
  await expect(sheet).toHaveValue('Om');
  await expect(page.getByTestId('import-errors')).toContainText('ingen tabell hittades');
  await sheet.selectOption('Data');

  await expect(sheet).toHaveValue('Data');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(page.getByTestId('detected-layout')).toContainText('bred');
  await expect(page.getByTestId('detected-layout')).toContainText('2 rubrikrad');
  await expect(page.getByLabel('Roll för Region')).toHaveValue('region');
  await expect(page.getByLabel('Roll för Antal patienter Män')).toHaveValue('count-persons');
  await expect(page.getByLabel('Roll för Antal patienter Kvinnor')).toHaveValue('count-persons');
  await expect(page.getByTestId('masked-cells')).toHaveText('1');
  await expect(page.getByTestId('totals-found')).toContainText('region = Riket: 2 celler');
  const notes = page.getByTestId('import-notes');
  await expect(notes).toContainText('Rad 1 (rubrik): Antal patienter med tjocktarmscancer per region och kön 2021');
  await expect(notes).toContainText('Anm.: X = 1–3 patienter (röjanderisk).');
  await expect(notes).toContainText('Källa: Testregistret 2022-01-10');
  // The reasons are in Swedish too.
  await expect(preview).toContainText('rubriken ”Region” anger region');
  await expect(preview).toContainText('rubriken står för kön kvinnor');
  await expect(page.getByRole('checkbox', { name: /Antal patienter – personer, 8 celler/ })).toBeChecked();
  await expectNoA11yViolations(page, 'xlsx import preview');

  await page.getByLabel('Utgivare eller källa').fill('Testregistret');
  await page.getByRole('radio', { name: 'nya fall (incidens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();

  await expect(page.getByTestId('datasets-status')).toHaveText(
    '1 dataset importerades från tarmcancer_2021.xlsx. Hela filen gav 8 celler, varav 1 maskerade och 2 publicerade totaler.',
  );
  await expect(preview).toBeHidden();
  const row = page.getByTestId('datasets-table').locator('tbody tr', { has: page.getByRole('rowheader', { name: 'tarmcancer_2021 – Antal patienter', exact: true }) });
  await expect(row.locator('td').nth(0)).toHaveText('Testregistret');
  await expect(row.locator('td').nth(3)).toHaveText('8');

  await page.getByRole('button', { name: 'Detaljer för tarmcancer_2021 – Antal patienter' }).click();
  const details = page.getByTestId('dataset-details');
  await expect(details.getByTestId('details-file')).toHaveText('tarmcancer_2021.xlsx');
  await expect(details.getByTestId('details-encoding')).toContainText('ZIP-arkiv med xl/workbook.xml');
  await expect(details).toContainText('Data');
  await expect(details.getByTestId('details-notes')).toContainText('Källa: Testregistret 2022-01-10');
  await expectNoA11yViolations(page, 'datasets page with xlsx details');
});
