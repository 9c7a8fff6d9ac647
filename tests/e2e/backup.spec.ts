// Backups the way a coordinator makes them: Settings → "Skapa säkerhetskopia" downloads one file; after a mistake
// (the dataset deleted), "Återställ från säkerhetskopia…" shows what the backup holds and what would change,
// replaces nothing until confirmed, and then brings the data back. A damaged file is refused with the reason.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

const DEMO_NAME = /Syntetiska demodata/;

async function openSettings(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Säkerhetskopior' })).toBeVisible();
}

async function createBackup(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Skapa säkerhetskopia' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^antal-\d{4}-\d{2}-\d{2}-\d{4}\.antalbackup$/);
  await expect(page.getByTestId('backup-status')).toContainText(`Säkerhetskopian sparades som ${file.suggestedFilename()}`);
  return readFileSync((await file.path())!);
}

async function chooseBackup(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Återställ från säkerhetskopia…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

async function deleteDemoDataset(page: Page): Promise<void> {
  await page.goto('/#/datasets');
  const rows = page.getByTestId('datasets-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: /^Ta bort/ }).click();
  await page.getByRole('button', { name: 'Ta bort datasetet' }).click();
  await expect(page.getByTestId('datasets-table')).toHaveCount(0);
}

test('a backup is downloaded, and restoring it after the dataset was deleted shows the change first and then brings it back', async ({ page }) => {
  test.slow(); // a backup, a deletion, a restore and two axe scans of the whole page
  await openSettings(page);
  await expectNoA11yViolations(page, 'settings with the backup panel');
  const backup = await createBackup(page);
  expect(backup.subarray(0, 15).toString('utf8')).toBe('ANTAL-BACKUP/1\n');
  const header = JSON.parse(backup.toString('utf8').split('\n')[1]!) as { tables: { name: string; rowCount: number }[]; payloadSha256: string };
  expect(header.tables.find((t) => t.name === 'datasets')?.rowCount).toBe(1);
  expect(header.payloadSha256).toMatch(/^[0-9a-f]{64}$/);

  await deleteDemoDataset(page);
  await openSettings(page);
  await chooseBackup(page, 'kopia.antalbackup', backup);

  const preview = page.getByTestId('restore-preview');
  await expect(preview.getByRole('heading', { name: 'Vad säkerhetskopian innehåller' })).toBeFocused();
  await expect(preview).toContainText('med Antal');
  const datasetsRow = preview.locator('tr[data-table="datasets"]');
  await expect(datasetsRow.getByRole('rowheader')).toHaveText('Dataset');
  await expect(datasetsRow.locator('td').nth(0)).toHaveText('0');
  await expect(datasetsRow.locator('td').nth(1)).toHaveText('1');
  await expect(datasetsRow.locator('td').nth(2)).toHaveText('+1');
  await expect(datasetsRow.locator('td').nth(3)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(preview).toContainText('Återställningen ersätter allt som finns i databasen nu.');
  await expectNoA11yViolations(page, 'restore preview');

  // (That nothing is replaced before this confirmation is the next test's point.)
  await page.getByRole('button', { name: 'Ersätt nuvarande data med säkerhetskopian' }).click();
  await expect(page.getByTestId('backup-status')).toContainText('Databasen återställdes från säkerhetskopian skapad');

  await page.getByRole('button', { name: 'Visa återställda data' }).click();
  await page.goto('/#/datasets');
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('datasets-table')).toContainText(DEMO_NAME);
});

test('cancelling the restore changes nothing', async ({ page }) => {
  test.slow(); // a whole-database backup, a deletion and a restore preview
  await openSettings(page);
  const backup = await createBackup(page);
  await deleteDemoDataset(page);
  await openSettings(page);
  await chooseBackup(page, 'kopia.antalbackup', backup);
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByTestId('backup-status')).toHaveText('Ingenting återställdes.');
  await expect(page.getByTestId('restore-preview')).toHaveCount(0);
  await page.goto('/#/datasets');
  await expect(page.getByTestId('datasets-table')).toHaveCount(0);
});

test('a damaged backup, a CSV and an empty file are refused with the reason, and nothing changes', async ({ page }) => {
  test.slow(); // a whole-database backup and three files checked
  await openSettings(page);
  const backup = await createBackup(page);
  const damaged = Buffer.from(backup);
  damaged[damaged.length - 20]! ^= 0x01;

  await chooseBackup(page, 'skadad.antalbackup', damaged);
  await expect(page.getByTestId('backup-error')).toContainText('skadad.antalbackup: Säkerhetskopian är skadad: kontrollsumman stämmer inte');
  await expect(page.getByTestId('restore-preview')).toHaveCount(0);

  await chooseBackup(page, 'export.csv', Buffer.from('Region;Antal\r\nSkåne;12\r\n'));
  await expect(page.getByTestId('backup-error')).toContainText('export.csv: Filen är ingen Antal-säkerhetskopia');

  await chooseBackup(page, 'tom.antalbackup', Buffer.alloc(0));
  await expect(page.getByTestId('backup-error')).toContainText('Filen är tom (0 byte)');

  await page.goto('/#/datasets');
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
});

test('in English the panel says that the browser makes no automatic backups', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByTestId('backup-panel')).toContainText('I webbläsaren görs inga automatiska säkerhetskopior.');
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Backups' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create backup' })).toBeVisible();
  await expect(page.getByTestId('backup-panel')).toContainText('The browser makes no automatic backups.');
});
