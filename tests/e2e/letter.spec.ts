// The feasibility letter from the answer page: export downloads a PDF whose text has the disclosed national figure
// (in the chosen language), and "Förhandsgranska brev" shows the PDF itself in the page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runDemo } from '../../shared/demo/run-demo';
import { DEFAULT_DISCLOSURE_POLICY, discloseAnswer } from '../../shared/disclosure';
import { expect, expectNoA11yViolations, openApp, test } from './fixtures';

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

// Rendering a letter in the page loads pdfmake and its fonts (about 2 MB) and lays out several pages: on a busy
// 2-core machine this takes far longer than the default test timeout.
const LETTER_TEST_TIMEOUT = 240_000;

const national = discloseAnswer(runDemo().estimate, DEFAULT_DISCLOSURE_POLICY).national;
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

test('"Exportera brev…" downloads the letter as PDF with the disclosed national figure, in Swedish or English', async ({ page }) => {
  test.setTimeout(LETTER_TEST_TIMEOUT);
  await openApp(page);
  const panel = page.getByTestId('letter-panel');
  await expect(panel.getByRole('heading', { name: 'Svarsbrev' })).toBeVisible();
  await expectNoA11yViolations(page, 'answer page with the letter panel');

  let download = page.waitForEvent('download', { timeout: LETTER_TEST_TIMEOUT });
  await panel.getByRole('button', { name: 'Exportera brev…' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toMatch(/^svarsbrev-DEMO-CRC-301-\d{4}-\d{2}-\d{2}\.pdf$/);
  const svPath = await file.path();
  expect(readFileSync(svPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const sv = pdfText(svPath);
  expect(sv).toContain(`finns ${grouped(national.point.value!, ' ')} möjliga deltagare i riket`);
  expect(sv).toContain('Röjandeskydd: OHDSI k = 5, version 1');
  await expect(page.getByTestId('letter-status')).toContainText(/Brevet sparades: svarsbrev-.*\(SHA-256 [0-9a-f]{64}\)/, { timeout: LETTER_TEST_TIMEOUT });

  await panel.getByLabel('Brevets språk').selectOption('en');
  download = page.waitForEvent('download', { timeout: LETTER_TEST_TIMEOUT });
  await panel.getByRole('button', { name: 'Exportera brev…' }).click();
  file = await download;
  expect(file.suggestedFilename()).toMatch(/^feasibility-letter-DEMO-CRC-301-/);
  const en = pdfText(await file.path());
  expect(en).toContain(`The estimate is ${grouped(national.point.value!, ',')} eligible patients nationally`);
  expect(en).toContain('Disclosure control: OHDSI k = 5, version 1');
});

test('"Förhandsgranska brev" shows the PDF itself in the page', async ({ page }) => {
  // The shipped CSP allows exactly one frame source, blob:, so the preview can frame the PDF the app generated.
  test.setTimeout(LETTER_TEST_TIMEOUT);
  // Chromium's PDF viewer loads its own pages from chrome:// and chrome-extension:// (inside the browser, not the
  // network); the fixtures' guard would abort them as foreign origins.
  await page.route(/^chrome(-extension)?:\/\//, (route) => route.continue());
  await openApp(page);
  const panel = page.getByTestId('letter-panel');
  await panel.getByRole('button', { name: 'Förhandsgranska brev' }).click();
  await expect(page.getByTestId('letter-status')).toContainText('Förhandsgranskningen visar brevet', { timeout: LETTER_TEST_TIMEOUT });
  const preview = panel.getByTitle('Förhandsgranskning av svarsbrevet (PDF)');
  await expect(preview).toBeVisible();
  const src = await preview.getAttribute('src');
  expect(src).toMatch(/^blob:/);
  // The frame holds the letter, opened by Chromium's built-in PDF viewer (an extension page inside the frame).
  await expect.poll(() => page.frames().some((f) => f.url() === src)).toBe(true);
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://') && f.url().endsWith('/index.html'))).toBe(true);
  await expectNoA11yViolations(page, 'letter preview');
});

test('an exported letter is kept and "Exportera igen…" downloads exactly the same bytes', async ({ page }) => {
  test.setTimeout(LETTER_TEST_TIMEOUT);
  await openApp(page);
  const panel = page.getByTestId('letter-panel');
  let download = page.waitForEvent('download', { timeout: LETTER_TEST_TIMEOUT });
  await panel.getByRole('button', { name: 'Exportera brev…' }).click();
  const first = readFileSync(await (await download).path());

  const stored = page.getByTestId('stored-letters');
  await expect(stored.getByRole('row')).toHaveCount(2, { timeout: LETTER_TEST_TIMEOUT }); // header + the letter
  await expect(stored).toContainText(/svarsbrev-DEMO-CRC-301-\d{4}-\d{2}-\d{2}\.pdf/);
  await expectNoA11yViolations(page, 'stored letters');

  download = page.waitForEvent('download', { timeout: LETTER_TEST_TIMEOUT });
  await stored.getByRole('button', { name: 'Exportera igen…' }).click();
  const again = readFileSync(await (await download).path());
  expect(Buffer.compare(again, first)).toBe(0);
  await expect(page.getByTestId('stored-letters-status')).toContainText('Brevet sparades');
});
