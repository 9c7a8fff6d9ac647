// On small data an edit is answered in its own event, on the main thread, once the app has measured that quick in
// idle time (renderer/src/study/inline-answer.ts): the edit and its new answer appear together, without the status
// ever saying "out of date". The figures must be the edited study's — the national figure of a criterion switched
// off and on again returns to the figure before, and differs from it in between.
import { expect, test } from './fixtures';

test('on the demo data an edit and its answer appear together, never marked out of date', async ({ page }) => {
  test.slow();
  await page.goto('/');
  const status = page.getByTestId('compute-status');
  await expect(status).toContainText('Aktuellt', { timeout: 60_000 });
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  const ecog = editor.getByRole('checkbox', { name: 'ECOG 0–1' });
  const national = page.getByTestId('national-point');
  const before = await national.textContent();

  // The app measures the computation in idle time after the first answer; edits before that go to the worker.
  let here = false;
  for (let i = 0; i < 30 && !here; i++) {
    await ecog.click();
    await expect(status).toContainText('Aktuellt', { timeout: 30_000 });
    here = ((await status.getAttribute('class')) ?? '').includes('answered-here');
    if (!here) await page.waitForTimeout(1000);
  }
  expect(here).toBe(true);
  // Back to the criteria as they were (an odd number of clicks leaves ECOG switched off).
  if (!(await ecog.isChecked())) await ecog.click();
  await expect(status).toContainText('Aktuellt');
  await expect(national).toHaveText(before ?? '');

  // Every change of the status line from now on: none may be the "out of date" mark.
  await page.evaluate(() => {
    const w = window as unknown as { staleSeen: number };
    w.staleSeen = 0;
    const node = document.querySelector('[data-testid="compute-status"]')!;
    new MutationObserver(() => {
      if (node.classList.contains('stale')) w.staleSeen += 1;
    }).observe(node, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  await ecog.click();
  await expect(status).toHaveClass(/answered-here/);
  const without = await national.textContent();
  expect(without).not.toBe(before);
  await ecog.click();
  await expect(national).toHaveText(before ?? '');
  await expect(status).toHaveClass(/answered-here/);
  expect(await page.evaluate(() => (window as unknown as { staleSeen: number }).staleSeen)).toBe(0);
});
