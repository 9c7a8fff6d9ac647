// Compiling answers the way a node coordinator does it: "Sammanställ" → add two units' answer files (one with a
// hidden region, both answering for Skåne) → the warnings explained, the totals per healthcare region and for
// Sweden as intervals, the contributing units → save the compiled answer. An edited file is refused by name.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { verifyCompiledAnswerHash, type CompiledAnswer } from '../../shared/answer-file';
import { GOTHIA, SODER } from '../shared/answer-file/fixtures';
import { expect, expectNoA11yViolations, test } from './fixtures';

async function addFile(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Lägg till svarsfil…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('two answer files are compiled: warnings, intervals, units, and the compiled answer saved', async ({ page }) => {
  test.slow(); // two axe scans of a page with five tables
  await page.goto('/#/compile');
  await expect(page.getByRole('heading', { level: 1, name: 'Sammanställ svar från flera enheter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sammanställ' })).toHaveAttribute('aria-current', 'page');
  await expectNoA11yViolations(page, 'the empty compile page');

  await addFile(page, 'soder.json', JSON.stringify(SODER(), null, 2));
  await expect(page.getByTestId('compile-status')).toHaveText('soder.json lades till: Forum Söder, 3 regioner.');
  await addFile(page, 'gothia.json', JSON.stringify(GOTHIA(), null, 2));
  await expect(page.getByTestId('compile-files').locator('tbody tr')).toHaveCount(2);

  const warnings = page.getByTestId('compile-warnings');
  await expect(warnings.locator('li[data-code="duplicate-region"]')).toHaveText(
    'Skåne besvaras av Forum Söder och Gothia Forum. Alla svar visas; regionen räknas en gång, från det lägsta till det högsta svaret.',
  );
  await expect(warnings.locator('li[data-code="missing-regions"]')).toContainText('Inget svar för Stockholm, Uppsala');

  const totals = page.getByTestId('compile-totals');
  // Södra: Kronoberg 40 + Blekinge "<5" (1–4) + Skåne 200–210 + Halland's part of 50.
  const sodra = totals.getByRole('row', { name: /^Södra/ });
  await expect(sodra.locator('td').nth(0)).toHaveText('261–275');
  await expect(totals.getByRole('row', { name: /^Riket/ }).locator('td').nth(0)).toHaveText('591–604');
  await expect(totals.getByRole('row', { name: /^Norra/ })).toContainText('Inget svar');

  const blekinge = page.getByTestId('compile-regions').getByRole('row', { name: /^Blekinge/ });
  await expect(blekinge).toContainText('Forum Söder (<5)');
  await expect(blekinge.locator('td').nth(1)).toHaveText('<5');
  await expect(page.getByTestId('compile-units').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('compile-disclosure')).toHaveText('Röjandekontrollen godkänner sammanställningen (OHDSI k = 5).');
  await expectNoA11yViolations(page, 'the compiled answer');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara sammanställt svar…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^DEMO-CRC-301-sammanstallt-\d{4}-\d{2}-\d{2}\.json$/);
  const compiled = JSON.parse(readFileSync((await file.path())!, 'utf8')) as CompiledAnswer;
  expect(compiled.units.map((u) => u.name)).toEqual(['Forum Söder', 'Gothia Forum']);
  expect(verifyCompiledAnswerHash(compiled)).toBe(true);
  await expect(page.getByTestId('compile-status')).toContainText('Det sammanställda svaret sparades som');

  // Removing a file recompiles: Skåne is no longer answered twice.
  await page.getByRole('button', { name: 'Ta bort svarsfilen gothia.json' }).click();
  await expect(warnings.locator('li[data-code="duplicate-region"]')).toHaveCount(0);
});

test('an edited answer file and a file that is not one are refused, naming the problem', async ({ page }) => {
  await page.goto('/#/compile');
  const file = SODER();
  const edited = { ...file, regions: file.regions.map((r) => ({ ...r, point: { ...r.point, text: '999', low: 999, high: 999 } })) };
  await addFile(page, 'andrad.json', JSON.stringify(edited));
  await expect(page.getByTestId('compile-problem')).toHaveText(/andrad\.json har ändrats efter att den exporterades/);
  await addFile(page, 'trasig.json', '{\n  "format": "antal-answer-file",\n  "unit": ');
  await expect(page.getByTestId('compile-problem')).toContainText('trasig.json kan inte läsas som svarsfil:');
  await expect(page.getByTestId('compile-problem')).toContainText('rad 3, kolumn');
  await expect(page.getByText('Inga svarsfiler ännu.')).toBeVisible();
});
