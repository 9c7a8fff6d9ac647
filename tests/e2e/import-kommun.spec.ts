// A file by municipality (SCB's PxWeb default region level) imported the way a coordinator does: the preview says
// in one line which municipalities were summed into which counties, the rows show each municipality's county, and
// the committed dataset holds counties only. Figures added up by hand from KOMMUN_LINES.
import { readFileSync } from 'node:fs';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { KOMMUN_LINES } from '../shared/import/kommun-file';

test('a municipality file is summed into counties: the preview line, the commit, the dataset\'s regions', async ({ page }) => {
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name: 'kommun.csv', mimeType: 'text/csv', buffer: Buffer.from(KOMMUN_LINES.join('\r\n') + '\r\n', 'utf8') });

  const warnings = page.getByTestId('import-warnings');
  // 0380 Uppsala + 0381 Enköping → Uppsala län, 0980 Gotland → Gotlands län; Stockholm's own rows are kept.
  await expect(warnings).toContainText('3 kommuner summerades till 2 län');
  await expect(warnings).toContainText(/Antal patienter, ålder 0-64, period 2022: raden för Stockholms län säger 1\s030, dess kommuner i filen summerar till 1\s020/);
  await expect(warnings).toContainText('Uppsala län summerades av bara 2 av sina 8 kommuner');
  await expect(page.getByTestId('import-first-rows').locator('tbody tr').first()).toContainText('kommun 0114, summeras till Stockholm (01)');
  await expectNoA11yViolations(page, 'preview of a municipality file');

  await page.getByLabel('Utgivare eller källa').fill('SCB');
  await page.getByRole('radio', { name: 'nya fall (incidens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  // Three counties × two age bands; Uppsala 65+ (80 + X) is masked.
  await expect(page.getByTestId('datasets-status')).toContainText('Hela filen gav 6 celler, varav 1 maskerade');

  const exportButton = page.getByRole('button', { name: /^Exportera CSV för kommun/ });
  const download = page.waitForEvent('download');
  await exportButton.click();
  const exported = readFileSync((await (await download).path())!).subarray(3).toString('utf8');
  const regions = [...new Set(exported.split('\r\n').slice(1).filter((l) => l !== '').map((l) => l.split(';')[0]))];
  expect(regions).toEqual(['Stockholms län', 'Uppsala län', 'Gotlands län']);
  expect(exported).toContain('Uppsala län;0-64;2022;340;340;340'.replace('0-64', exported.includes('0–64') ? '0–64' : '0-64'));
});
