// The answer page redraws only what an edit changes (memoised rows and fields; the charts, the map, the plan's fields
// and the sites' cards compared by value): after a run of edits of every kind, what it shows must be exactly what a
// fresh page shows for the same study. The fresh page is the
// independent reference here: a reload draws everything from the saved study, with nothing kept from before.
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

/** Everything the answer page shows that follows from the study (not the timing of the last computation). */
async function shownAnswer(page: Page): Promise<string> {
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  return page.evaluate(() => {
    const pane = document.querySelector('.results-pane')!.cloneNode(true) as HTMLElement;
    // The status line names the worker's milliseconds; the letter panel its own progress.
    pane.querySelector('[data-testid="compute-status"]')?.remove();
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.workspace input, .workspace select')].map((f) => `${f.getAttribute('aria-label') ?? ''}=${f.value}`);
    const rows = [...pane.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => `${c.textContent?.trim() ?? ''}${c.getAttribute('data-suppressed') ? '*' : ''}`).join(' | '));
    const svg = [...pane.querySelectorAll('svg path, svg rect, svg text')].map((e) => `${e.getAttribute('d') ?? ''}${e.getAttribute('width') ?? ''}${e.textContent ?? ''}`);
    // The letter's readiness checklist (memoised by the answer, the request and the unit), by its text content:
    // the page's sections below the first screen are skipped from layout, so their `innerText` may be partial.
    const readiness = document.querySelector('[data-testid="letter-readiness"]')?.textContent ?? '';
    return JSON.stringify({ text: pane.innerText, rows, svg, fields, readiness, editor: document.querySelector('.editor-pane')!.textContent });
  });
}

/** The input hash the status line names ("… (indata 1a2b3c4d)"): the study and data the shown answer was made from. */
async function inputHash(page: Page): Promise<string> {
  return /indata ([0-9a-f]+)/.exec((await page.getByTestId('compute-status').textContent()) ?? '')?.[1] ?? '';
}

test('after edits of every kind the answer page shows what a fresh page shows for the same study', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  const status = page.getByTestId('compute-status');
  const settled = async () => {
    await expect(status).not.toHaveClass(/stale/, { timeout: 60_000 });
    await expect(status).toContainText('Aktuellt');
  };
  await editor.getByRole('button', { name: /^Redigera: Kolorektalcancer/ }).click();
  await page.getByTestId('forecast-inputs').locator('summary').click();

  await editor.getByRole('checkbox', { name: 'ECOG 0–1' }).click();
  await settled();
  await editor.getByRole('button', { name: 'Flytta ned: Ålder 18–75 år' }).click();
  await settled();
  await editor.getByLabel('ICD-10-koder').fill('C18-C19');
  await settled();
  const site = page.getByTestId('forecast').locator('fieldset.site').first();
  await site.getByLabel('Patienter per månad').fill('3,5');
  await settled();
  await site.getByLabel('Namn', { exact: true }).fill('Karolinska Solna');
  await settled();
  // A plan field (the plan's fields are compared by value without the sites), then a site again after it.
  await page.getByTestId('seasonal-weights').getByRole('textbox').first().fill('0,6');
  await settled();
  await site.getByLabel('Patienter per månad').fill('2,5');
  await settled();
  // The estimate's period (its fields are drawn only when the period or the data change).
  await editor.getByLabel('Perioder i data').selectOption({ label: 'Alla perioder' });
  await settled();
  await editor.getByRole('checkbox', { name: 'Metastaserad sjukdom' }).click();
  await settled();
  // As the sponsor sees it (disclosed figures, the map's shading), then plan-only edits last: their answers reuse
  // the previous estimate's parts and take only a new input hash, which must be the fresh page's (letters name it).
  await page.getByRole('switch', { name: 'Visa som sponsorn ser det' }).click();
  await site.getByLabel('Patienter per månad').fill('4');
  await settled();
  await editor.getByLabel('Mål (patienter)').fill('250');
  await settled();
  // The autosave (after a pause) must have stored the last edit before the page is drawn afresh.
  await expect(page.getByTestId('save-status')).toContainText('Sparat', { timeout: 30_000 });
  const edited = await shownAnswer(page);
  const editedHash = await inputHash(page);
  expect(edited).toContain('Karolinska Solna');
  expect(edited).toContain('C18-C19');
  expect(JSON.parse(edited).readiness).not.toBe('');

  await page.reload();
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  await editor.getByRole('button', { name: /^Redigera: Kolorektalcancer/ }).click();
  await page.getByTestId('forecast-inputs').locator('summary').click();
  const fresh = await shownAnswer(page);
  expect(JSON.parse(edited)).toEqual(JSON.parse(fresh));
  expect(JSON.parse(edited).text).toContain('Visa som sponsorn ser det');
  expect(editedHash).toMatch(/^[0-9a-f]{8}$/);
  expect(await inputHash(page)).toBe(editedHash);
  await expectNoA11yViolations(page, 'the answer page after edits and a reload');
});
