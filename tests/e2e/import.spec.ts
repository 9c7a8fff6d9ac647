// Importing files the way a coordinator does: choose a file, check the preview, correct it, commit; then
// inspect, export and re-import. Files are written here as bytes, except the real Socialstyrelsen export.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

const REAL_FILE = path.resolve(__dirname, '../../../shared/fixtures/real/socialstyrelsen_2022-02-18.csv');

/** Windows-1252 bytes, as Excel's "CSV (semikolonavgränsad)" writes them (Latin-1 characters only here). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
      return code;
    }),
  );
}

function registerExport(year: string, stockholm: string): Buffer {
  return windows1252(
    [
      `Antal patienter med tjocktarmscancer per region ${year}`,
      '',
      'Region;År;Antal patienter;Per 100 000 invånare',
      `Stockholms län;${year};${stockholm};51,9`,
      `Skåne län;${year};X;0,2`,
      `Uppsala län;${year};56;14,6`,
      `Riket;${year};1 400;13,5`,
      '',
      'Källa: Testregistret 2022-01-10',
      '',
    ].join('\r\n'),
  );
}

async function openDatasets(page: Page): Promise<void> {
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1); // the demo
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

async function fillAbout(page: Page, publisher: string): Promise<void> {
  await page.getByLabel('Utgivare eller källa').fill(publisher);
  await page.getByRole('radio', { name: 'nya fall (incidens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
}

const datasetRow = (page: Page, name: string) => page.getByTestId('datasets-table').locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });

test('a hand-made Windows-1252 file is previewed, corrected, committed with its provenance and exported back to CSV', async ({ page }) => {
  await openDatasets(page);
  const bytes = registerExport('2021', '1 234');
  await chooseFile(page, 'tarmcancer_2021.csv', bytes);

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('heading', { name: 'Förhandsgranskning: tarmcancer_2021.csv' })).toBeVisible();
  await expect(page.getByTestId('detected-encoding')).toHaveText('windows-1252 (ISO-8859-1)');
  await expect(page.getByTestId('detected-delimiter')).toHaveText('semikolon (;)');
  await expect(page.getByTestId('masked-cells')).toHaveText('1');
  await expect(page.getByTestId('totals-found')).toContainText('region = Riket: 2 celler');
  await expect(page.getByTestId('import-notes')).toContainText('Rad 1 (rubrik): Antal patienter med tjocktarmscancer per region 2021');
  await expect(page.getByTestId('import-notes')).toContainText('Källa: Testregistret 2022-01-10');
  await expect(page.getByTestId('detected-layout')).toContainText('lång');
  await expect(page.getByLabel('Roll för Region')).toHaveValue('region');
  await expect(page.getByLabel('Roll för Antal patienter')).toHaveValue('count-persons');
  await expect(page.getByLabel('Talformat för Per 100 000 invånare')).toHaveValue('comma-none');
  await expect(page.getByTestId('import-tokens').locator('tr[data-token="X"]')).toContainText('betyder 1–3');
  await expect(page.getByTestId('import-first-rows').locator('tbody tr').nth(1)).toContainText('Skåne (12)');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  // Counts are kept by default, the rate is not.
  await expect(page.getByRole('checkbox', { name: /Antal patienter – personer, 4 celler/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Per 100 000 invånare – andel/ })).not.toBeChecked();
  await expectNoA11yViolations(page, 'import preview');

  // A correction: this register documents "X" as 1–4, not Socialstyrelsen's 1–3.
  await page.getByLabel('Högsta värde som X står för').fill('4');
  await page.getByLabel('Högsta värde som X står för').press('Enter');
  await expect(page.getByTestId('import-tokens').locator('tr[data-token="X"]')).toContainText('betyder 1–4');

  // The form asks for what the file does not say.
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByText('Rätta de markerade fälten.')).toBeVisible();
  await expect(page.getByLabel('Utgivare eller källa')).toHaveAttribute('aria-invalid', 'true');
  // A screen reader reads the field's hint and its error together.
  await expect(page.getByLabel('Utgivare eller källa')).toHaveAccessibleDescription('T.ex. ”Socialstyrelsen, Statistikdatabas för läkemedel”. Fältet måste fyllas i.');
  await fillAbout(page, 'Testregistret');
  await page.getByLabel('Uttags- eller publiceringsdatum').fill('2022-01-10');
  await page.getByLabel('Täckningsgrad').fill('97 %');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();

  await expect(page.getByTestId('datasets-status')).toHaveText('1 dataset importerades från tarmcancer_2021.csv. Hela filen gav 4 celler, varav 1 maskerade och 1 publicerade totaler.');
  await expect(preview).toBeHidden();
  const name = 'tarmcancer_2021 – Antal patienter';
  const row = datasetRow(page, name);
  const sha = createHash('sha256').update(bytes).digest('hex');
  await expect(row.locator('td').nth(0)).toHaveText('Testregistret');
  await expect(row.locator('td').nth(1)).toHaveText('personer, nya fall (incidens), folkbokföringsregion');
  await expect(row.locator('td').nth(2)).toHaveText('2021');
  await expect(row.locator('td').nth(3)).toHaveText('4');
  await expect(row.locator('td').nth(4)).toHaveText(`${sha.slice(0, 12)}…`);
  await expect(row.locator('td').nth(5)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  await page.getByRole('button', { name: `Detaljer för ${name}` }).click();
  const details = page.getByTestId('dataset-details');
  await expect(details.getByTestId('details-file')).toHaveText('tarmcancer_2021.csv');
  await expect(details.getByTestId('details-sha')).toHaveText(sha);
  await expect(details.getByTestId('details-encoding')).toContainText('windows-1252');
  await expect(details.getByTestId('details-delimiter')).toHaveText('semikolon (;), CRLF (Windows)');
  await expect(details.getByTestId('details-tokens')).toContainText('X betyder 1–4');
  await expect(details.getByTestId('details-excluded')).toHaveText('Inga');
  // The file's regions: Stockholms län, Skåne län, Uppsala län and Riket — three of the 21 counties, in county order.
  await expect(details.getByTestId('details-regions')).toHaveText('Stockholm, Uppsala, Skåne, Riket (3 av 21 län)');
  await expect(details.getByTestId('details-mapping')).toContainText('Per 100 000 invånare');
  await expect(details.getByTestId('details-notes')).toContainText('Källa: Testregistret 2022-01-10');
  await expect(details).toContainText('97 %');
  await expect(details).toContainText('2022-01-10');
  await expectNoA11yViolations(page, 'datasets page with details');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Exportera CSV för ${name}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${name}.csv`);
  const exported = readFileSync((await file.path())!);
  expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(exported.subarray(3).toString('utf8')).toBe(
    ['Region;Period;Antal;Lägst;Högst', 'Stockholms län;2021;1234;1234;1234', 'Skåne län;2021;X;1;4', 'Uppsala län;2021;56;56;56', 'Riket;2021;1400;1400;1400', ''].join('\r\n'),
  );
  await expect(page.getByTestId('datasets-status')).toHaveText(`${name} exporterades till ${name}.csv.`);

  // The audit trail records the import in the user's language, naming the file and the dataset.
  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toContainText(`Importerade tarmcancer_2021.csv (${name})`);
});

test('the same bytes again are recognised, and next year\'s file from the same source imports in one click with the remembered corrections', async ({ page }) => {
  await openDatasets(page);
  await chooseFile(page, 'tarmcancer_2021.csv', registerExport('2021', '1 234'));
  await page.getByLabel('Roll för Per 100 000 invånare').selectOption('ignore');
  await expect(page.getByRole('checkbox', { name: /Per 100 000 invånare/ })).toHaveCount(0);
  await page.getByLabel('Högsta värde som X står för').fill('4');
  await page.getByLabel('Högsta värde som X står för').blur();
  await expect(page.getByTestId('import-tokens')).toContainText('betyder 1–4');
  await fillAbout(page, 'Testregistret');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByTestId('datasets-status')).toHaveText('1 dataset importerades från tarmcancer_2021.csv. Hela filen gav 4 celler, varav 1 maskerade och 1 publicerade totaler.');

  // The same file again: named as already imported, and only imported again on purpose.
  await chooseFile(page, 'kopia.csv', registerExport('2021', '1 234'));
  await expect(page.getByTestId('duplicate-warning')).toHaveText('Exakt samma fil (samma SHA-256) är redan importerad som: tarmcancer_2021 – Antal patienter.');
  await page.getByRole('button', { name: 'Avbryt import' }).click();
  await expect(page.getByTestId('import-preview')).toBeHidden();

  // Next year's export: the remembered roles, token meaning, source and basis apply; one click imports it.
  await chooseFile(page, 'tarmcancer_2022.csv', registerExport('2022', '1 301'));
  await expect(page.getByTestId('import-preview')).toContainText('från förra importen av samma källa (tarmcancer_2021.csv');
  await expect(page.getByLabel('Roll för Per 100 000 invånare')).toHaveValue('ignore');
  await expect(page.getByLabel('Högsta värde som X står för')).toHaveValue('4');
  await expect(page.getByLabel('Utgivare eller källa')).toHaveValue('Testregistret');
  await expect(page.getByRole('radio', { name: 'nya fall (incidens)' })).toBeChecked();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByTestId('datasets-status')).toHaveText('1 dataset importerades från tarmcancer_2022.csv. Hela filen gav 4 celler, varav 1 maskerade och 1 publicerade totaler.');
  await expect(datasetRow(page, 'tarmcancer_2022 – Antal patienter').locator('td').nth(2)).toHaveText('2022');
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(3);

  // Rename (validated) and delete (confirmed) the older one.
  await page.getByRole('button', { name: 'Byt namn för tarmcancer_2021 – Antal patienter' }).click();
  const nameField = page.getByLabel('Nytt namn för tarmcancer_2021 – Antal patienter');
  await nameField.fill('tarmcancer_2022 – Antal patienter');
  await nameField.press('Enter');
  await expect(page.getByText('Det finns redan ett dataset med det namnet.')).toBeVisible();
  await nameField.fill('Tarmcancer 2021');
  await nameField.press('Enter');
  await expect(page.getByTestId('datasets-status')).toHaveText('tarmcancer_2021 – Antal patienter heter nu Tarmcancer 2021.');
  await page.getByRole('button', { name: 'Ta bort för Tarmcancer 2021' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Ta bort Tarmcancer 2021?' });
  await expect(dialog).toContainText('Ingen studie använder datasetet.');
  await dialog.getByRole('button', { name: 'Ta bort datasetet' }).click();
  await expect(page.getByTestId('datasets-status')).toHaveText('Tarmcancer 2021 togs bort.');
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(2);
});

test('a file dropped on the page is analysed; an error blocks the import until its line is excluded, which is recorded', async ({ page }) => {
  await openDatasets(page);
  const text = 'Region;År;Antal patienter\r\nStockholms län;2021;1 234\r\nSkåne län;2021;X\r\nUppsala län;2021;5x6\r\nRiket;2021;1 400\r\n';
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'släppt.csv', { type: 'text/csv' }));
    return transfer;
  }, text);
  const dropArea = page.getByTestId('import-drop-area');
  await dropArea.dispatchEvent('dragover', { dataTransfer });
  await dropArea.dispatchEvent('drop', { dataTransfer });

  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('caption')).toHaveText('Fel: 1');
  const error = errors.locator('tbody tr[data-line="4"]');
  await expect(error.locator('td').nth(0)).toHaveText('4');
  await expect(error.locator('td').nth(1)).toHaveText('3 (Antal patienter)');
  await expect(error.locator('td').nth(2)).toHaveText('5x6');
  await expect(error.locator('td').nth(3)).toContainText('Inte ett tal.');
  await expect(error.locator('td').nth(3)).toContainText('”5x6” är inget tal');
  await expect(error.locator('td').nth(4)).toHaveText('ett tal i kolumnens format (decimaltecken ”,”), ett maskerat tecken eller ett nolltecken');
  await expect(page.getByTestId('import-blocked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();

  await error.getByRole('button', { name: 'Uteslut rad 4' }).click();
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('excluded-lines')).toContainText('Rad 4');
  await fillAbout(page, 'Egen journaldata');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByTestId('datasets-status')).toHaveText('1 dataset importerades från släppt.csv. Hela filen gav 3 celler, varav 1 maskerade och 1 publicerade totaler.');
  await page.getByRole('button', { name: 'Detaljer för släppt – Antal patienter' }).click();
  await expect(page.getByTestId('details-excluded')).toHaveText('4');
  await expect(datasetRow(page, 'släppt – Antal patienter').locator('td').nth(3)).toHaveText('3');
});

test('deleting the demo dataset names the study that uses it', async ({ page }) => {
  await openDatasets(page);
  const demoName = (await page.getByTestId('datasets-table').locator('tbody th').first().textContent())!.replace('syntetiska', '').trim();
  await page.getByRole('button', { name: `Ta bort för ${demoName}` }).click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog.getByTestId('delete-studies').locator('li')).toHaveCount(1);
  await expectNoA11yViolations(page, 'delete confirmation');
  await dialog.getByRole('button', { name: 'Behåll' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
});

test('the real Socialstyrelsen export imports with its measures and cell counts', async ({ page }) => {
  test.skip(!existsSync(REAL_FILE), `../shared not present (${REAL_FILE})`);
  await openDatasets(page);
  await chooseFile(page, 'socialstyrelsen_2022-02-18.csv', readFileSync(REAL_FILE));
  await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-8');
  await expect(page.getByTestId('detected-delimiter')).toHaveText('semikolon (;)');
  await expect(page.getByLabel('Roll för Läkemedel')).toHaveValue('extra');
  await expect(page.getByLabel('Roll för Antal expedieringar')).toHaveValue('count-events');
  await expect(page.getByTestId('totals-found')).toContainText('region = Riket');
  await fillAbout(page, 'Socialstyrelsen, Statistikdatabas för läkemedel');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByTestId('datasets-status')).toContainText('2 dataset importerades från socialstyrelsen_2022-02-18.csv. Hela filen gav ');
  await expect(datasetRow(page, 'socialstyrelsen_2022-02-18 – Antal patienter').locator('td').nth(3)).toHaveText(/^4\s950$/);
  await expect(datasetRow(page, 'socialstyrelsen_2022-02-18 – Antal expedieringar').locator('td').nth(1)).toHaveText('händelser, nya fall (incidens), folkbokföringsregion');
  await expect(datasetRow(page, 'socialstyrelsen_2022-02-18 – Antal patienter').locator('td').nth(2)).toHaveText('2006–2020');
});

test('a file with a personnummer is refused with its place named and nothing stored', async ({ page }) => {
  await openDatasets(page);
  const text = 'Region;Kommentar;Antal patienter\r\nStockholms län;ok;12\r\nSkåne län;remiss 811218-9876;4\r\n';
  await chooseFile(page, 'uttag.csv', Buffer.from(text, 'utf8'));
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('uttag.csv kan inte importeras');
  await expect(refused.getByTestId('refused-places')).toHaveText('rad 3, kolumn 2');
  await expect(refused).toContainText('Ingenting har sparats');
  await expect(page.locator('body')).not.toContainText('811218');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expectNoA11yViolations(page, 'personnummer refusal');
  await refused.getByRole('button', { name: 'Stäng' }).click();
  await page.reload();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
});

test('a personnummer far down a large file, past the rows the preview read, still refuses the import with its place', async ({ page }) => {
  await openDatasets(page);
  const regions = ['Stockholms län', 'Uppsala län', 'Södermanlands län'];
  const lines = ['Region;År;Ålder;Kommentar;Antal patienter'];
  for (let i = 0; i < 100_000; i++) lines.push(`${regions[i % 3]};${1900 + Math.floor(i / 300)};${Math.floor(i / 3) % 100};${i === 90_000 ? 'remiss 811218-9876' : ''};${i % 997}`);
  await chooseFile(page, 'journalutdrag.csv', Buffer.from(lines.join('\n'), 'utf8'));
  await expect(page.getByTestId('preview-sampled')).toBeVisible();
  await fillAbout(page, 'Journalsystemet');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  const refused = page.getByTestId('import-refused');
  await expect(refused.getByTestId('refused-places')).toHaveText(/^rad 90\s002, kolumn 4$/);
  await expect(page.locator('body')).not.toContainText('811218');
  await page.reload();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
});

const COUNTIES = ['Stockholms län', 'Uppsala län', 'Södermanlands län', 'Östergötlands län', 'Jönköpings län', 'Kronobergs län', 'Kalmar län', 'Gotlands län', 'Blekinge län', 'Skåne län', 'Hallands län', 'Västra Götalands län', 'Värmlands län', 'Örebro län', 'Västmanlands län', 'Dalarnas län', 'Gävleborgs län', 'Västernorrlands län', 'Jämtlands län', 'Västerbottens län', 'Norrbottens län'];

test('cancelling while a large file is read stops the work and leaves nothing behind', async ({ page }) => {
  await openDatasets(page);
  // 600 000 rows (region × year × sex × single-year age): the preview reads the first rows, the import reads them all.
  const lines = ['Region;År;Kön;Ålder;Antal patienter'];
  for (let i = 0; i < 600_000; i++) {
    const rest = Math.floor(i / 21);
    const rest2 = Math.floor(rest / 101);
    lines.push(`${COUNTIES[i % 21]};${1900 + Math.floor(rest2 / 2)};${rest2 % 2 ? 'Män' : 'Kvinnor'};${rest % 101};${i % 997}`);
  }
  await chooseFile(page, 'stor.csv', Buffer.from(lines.join('\n'), 'utf8'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(page.getByTestId('preview-sampled')).toContainText('de första 2');
  await fillAbout(page, 'Stort register');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();

  const bar = page.getByRole('progressbar', { name: 'Importerar stor.csv…' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await page.getByTestId('import-progress').getByRole('button', { name: 'Avbryt import' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByTestId('datasets-status')).toHaveText('Importen avbröts. Inget sparades.');
  // The worker is gone: nothing turns up later, and nothing was stored.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('datasets-status')).toHaveText('Importen avbröts. Inget sparades.');
  await page.reload();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
});
