// A file that names no period (no period column, none in its headers or title) cannot be used by any answer,
// so the import form asks for the period, by keyboard, and refuses what is not one; a file that names its year
// only in its title gets that year, said where it was read. The datasets list shows each period as one year.
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByLabel('Utgivare eller källa').fill('Regionens register');
  await page.getByRole('radio', { name: 'förekomst (prevalens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
}

const periodCell = (page: Page, name: string) =>
  page.getByTestId('datasets-table').locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').nth(2);

test('a file naming no period is asked for one by keyboard; a wrong one is refused; the dataset carries the one given', async ({ page }) => {
  await chooseFile(page, 'utan-period.csv', 'Region;Kön;Antal\nStockholms län;Män;120\nStockholms län;Kvinnor;100\nUppsala län;Kvinnor;25\n');
  await expect(page.getByTestId('import-period-hint')).toContainText('Filen anger ingen period');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  const from = page.getByLabel('Från period');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Fältet måste fyllas i.')).toBeVisible();
  // The period field itself is described by what the file says of the period and by its error.
  await expect(from).toHaveAccessibleDescription(/^Filen anger ingen period.* Fältet måste fyllas i\.$/);
  await expectNoA11yViolations(page, 'import form asking for the period');
  await from.focus();
  await page.keyboard.type('förra året');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByText('Ange en period som data skriver den')).toBeVisible();
  await from.fill('');
  await from.focus();
  await page.keyboard.type('2021');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('datasets-status')).toContainText('1 dataset importerades från utan-period.csv');
  await expect(periodCell(page, 'utan-period – Antal')).toHaveText('2021');
});

test('a file naming its year only in its title gets that year, and the form says where it was read', async ({ page }) => {
  await chooseFile(page, 'diabetes.csv', '"Antal patienter med diabetes 2021"\n\nRegion;Kön;Antal\nStockholms län;Män;120\nStockholms län;Kvinnor;100\n');
  await expect(page.getByTestId('import-period-hint')).toHaveText('Perioden 2021 lästes från titeln på rad 1 (”Antal patienter med diabetes 2021”). Fyll bara i om den är fel.');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByTestId('datasets-status')).toContainText('1 dataset importerades från diabetes.csv');
  await expect(periodCell(page, 'diabetes – Antal')).toHaveText('2021');
});
