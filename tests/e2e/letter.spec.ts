// The feasibility letter from the answer page: export downloads a PDF whose text has the disclosed national figure
// (in the chosen language), and "Förhandsgranska brev" draws the PDF's own pages in the page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runDemo } from '../../shared/demo/run-demo';
import { DEFAULT_DISCLOSURE_POLICY, discloseAnswer } from '../../shared/disclosure';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { readyDemoLetter } from './letter-readiness';

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
  await readyDemoLetter(page);
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

/** The share of dark pixels (grey < 160) in a grey-scale raster: how much ink a page carries. */
function inkShare(grey: ArrayLike<number>): number {
  let ink = 0;
  for (let i = 0; i < grey.length; i++) if (grey[i]! < 160) ink++;
  return ink / grey.length;
}

/** Page `page` of a PDF rasterised by poppler (pdftoppm, grey PGM), `width` pixels wide. */
function popplerPage(path: string, page: number, width: number): { width: number; height: number; grey: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-f', String(page), '-l', String(page), '-scale-to-x', String(width), '-scale-to-y', '-1', path]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), grey: new Uint8Array(pgm.subarray(header[0].length)) };
}

test('"Förhandsgranska brev" draws the letter\'s own pages in the page, readable by screen readers', async ({ page }) => {
  // No frame and no PDF viewer: pdf.js draws the pages onto canvases under the strict CSP (frame-src 'none'), its
  // worker from our own origin (the fixtures fail the test on any CSP violation or foreign request).
  test.setTimeout(LETTER_TEST_TIMEOUT);
  await readyDemoLetter(page);
  const panel = page.getByTestId('letter-panel');
  await panel.getByRole('button', { name: 'Förhandsgranska brev' }).click();
  await expect(page.getByTestId('letter-status')).toContainText('Förhandsgranskningen visar brevet', { timeout: LETTER_TEST_TIMEOUT });
  const preview = panel.getByRole('region', { name: 'Förhandsgranskning av svarsbrevet (PDF)' });
  await expect(preview.getByTestId('letter-preview-status')).toHaveText(/^Förhandsgranskningen visar brevets \d+ sidor\.$/, { timeout: LETTER_TEST_TIMEOUT });
  expect(await page.locator('iframe').count()).toBe(0);

  // The same letter, exported: poppler (an independent PDF reader) counts its pages and rasterises page 1.
  const download = page.waitForEvent('download', { timeout: LETTER_TEST_TIMEOUT });
  await panel.getByRole('button', { name: 'Exportera brev…' }).click();
  const pdfPath = await (await download).path();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
  expect(pages).toBeGreaterThan(1);
  const canvases = preview.getByRole('img');
  await expect(canvases).toHaveCount(pages);
  for (let i = 1; i <= pages; i++) await expect(canvases.nth(i - 1)).toHaveAccessibleName(`Sida ${i} av ${pages}`);

  // Page 1 on screen carries about as much ink as poppler's rendering of the exported file: it is the letter,
  // not an empty or garbled canvas.
  const drawn = await canvases.first().evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const rgba = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const grey: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!));
    return { width: canvas.width, height: canvas.height, grey };
  });
  const reference = popplerPage(pdfPath, 1, drawn.width);
  expect(Math.abs(drawn.height - reference.height)).toBeLessThanOrEqual(2);
  const ratio = inkShare(drawn.grey) / inkShare(reference.grey);
  expect(inkShare(reference.grey)).toBeGreaterThan(0.005);
  expect(ratio).toBeGreaterThan(0.75);
  expect(ratio).toBeLessThan(1.33);

  // The text of each page is there for screen readers: page 1 has the letter's national figure sentence.
  await expect(canvases.first()).toHaveAccessibleDescription(new RegExp(`finns ${grouped(national.point.value!, ' ')} möjliga deltagare i riket`));
  await expectNoA11yViolations(page, 'letter preview');
});

test('an exported letter is kept and "Exportera igen…" downloads exactly the same bytes', async ({ page }) => {
  test.setTimeout(LETTER_TEST_TIMEOUT);
  await readyDemoLetter(page);
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
