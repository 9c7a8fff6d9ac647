// The weekly workbook (a wide Socialstyrelsen table: periods in one header row above "Antal" in the next, a
// total column, "Totalt inrapporterat" and a sub-heading in the region column, a footnote explaining "X")
// imported through the app the way a coordinator does. The workbook is the replica the unit tests use
// (tests/shared/import/replicas.ts), written by tests/shared/import/sheet.ts.
import { expect, expectNoA11yViolations, test } from './fixtures';
import { weeklySheet } from '../shared/import/replicas';
import { toXlsx } from '../shared/import/sheet';

test('a weekly workbook with two header rows imports as weeks, with its national row and published totals', async ({ page }) => {
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name: 'inskrivna_per_vecka.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(toXlsx([weeklySheet()])) });

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('heading', { name: 'Förhandsgranskning: inskrivna_per_vecka.xlsx' })).toBeVisible();
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await expect(page.getByTestId('detected-layout')).toContainText('bred');
  await expect(page.getByTestId('detected-layout')).toContainText('2 rubrikrad');
  // The upper header row's week and the lower row's "Antal" make one column name; the week is its period.
  await expect(page.getByLabel('Roll för Region')).toHaveValue('region');
  await expect(page.getByLabel('Roll för vecka 10 2020 Antal')).toHaveValue('count-persons');
  await expect(page.getByLabel('Roll för Totalt Antal')).toHaveValue('count-persons');
  await expect(preview).toContainText('rubriken står för period 2020-W10');
  await expect(preview).toContainText('rubriken står för period 2021-W02');
  // 22 cells hold "X", explained by the footnote; "Totalt inrapporterat" is the nation, "Totalt" all weeks.
  await expect(page.getByTestId('masked-cells')).toHaveText('22');
  await expect(page.getByTestId('totals-found')).toContainText('region = Riket');
  const notes = page.getByTestId('import-notes');
  await expect(notes).toContainText('X – uppgiften har skyddats av sekretesskäl');
  await expect(notes).toContainText('Rapporterande region');
  await expect(page.getByTestId('token-notes')).toHaveText('anteckningen på rad 30 förklarar ”X” som maskerat men anger inget intervall; utgivarens vanliga 1–3 används');
  await expectNoA11yViolations(page, 'weekly workbook preview');

  await page.getByLabel('Utgivare eller källa').fill('Socialstyrelsen');
  await page.getByRole('radio', { name: 'nya fall (incidens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();

  // 22 rows (the nation and 21 regions) × 9 columns (8 weeks and the total).
  await expect(page.getByTestId('datasets-status')).toContainText('1 dataset importerades från inskrivna_per_vecka.xlsx. Hela filen gav 198 celler, varav 22 maskerade');
  await expect(preview).toBeHidden();
  const row = page.getByTestId('datasets-table').locator('tbody tr', { has: page.getByRole('rowheader', { name: /^inskrivna_per_vecka – / }) });
  await expect(row.locator('td').nth(0)).toHaveText('Socialstyrelsen');
  await expect(row.locator('td').nth(3)).toHaveText('198');
  await expectNoA11yViolations(page, 'datasets page after the weekly import');
});
