// The app shell: navigation by keyboard, language switching, settings that persist, the About dialog, offline use.
import { expect, expectNoA11yViolations, test } from './fixtures';

test('every page is reachable by keyboard and passes an accessibility scan', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('national-point')).toBeVisible();

  // The first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();

  for (const [name, heading] of [
    ['Förfrågningar', 'Förfrågningar'],
    ['Dataset', 'Dataset'],
    ['Inställningar', 'Inställningar'],
  ] as const) {
    const link = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expectNoA11yViolations(page, name);
  }

  await page.getByRole('button', { name: 'Om Antal' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Om Antal' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('react');
  await expect(dialog).toContainText('dexie');
  await expectNoA11yViolations(page, 'About dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('switching to English translates the app, formats numbers in English and persists', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('Språk', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Answer' }).click();
  await expect(page.getByText('Synthetic demo data – not real patients').first()).toBeVisible();
  const text = (await page.getByTestId('national-point').textContent()) ?? '';
  expect(text).toMatch(/^\d{1,3}(,\d{3})*$/);
  await expect(page.getByTestId('verdict-rule')).toContainText('very good if the probability is at least 80%');
  await expectNoA11yViolations(page, 'first screen (en)');
});

test('the unit profile is validated, saved locally and still there after a reload', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Fältet måste fyllas i.')).toBeVisible();
  await expect(page.getByLabel('Enhetens namn')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Enhetens namn').fill('Kliniska prövningsenheten, Region Exempel');
  await page.getByLabel('Adress').fill('Exempelgatan 1\n123 45 Exempelstad');
  await page.getByLabel('Undertecknare', { exact: true }).fill('Anna Andersson');
  await page.getByLabel('Undertecknarens titel').fill('Forskningskoordinator');
  await page.getByLabel('Logotyp').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
  });
  await expect(page.getByRole('img', { name: 'logo.svg' })).toBeVisible();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText(/^Sparat \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Enhetens namn')).toHaveValue('Kliniska prövningsenheten, Region Exempel');
  await expect(page.getByLabel('Adress')).toHaveValue('Exempelgatan 1\n123 45 Exempelstad');
  await expect(page.getByLabel('Undertecknarens titel')).toHaveValue('Forskningskoordinator');
  await expect(page.getByRole('img', { name: 'logo.svg' })).toBeVisible();
});

test('a logo that is not PNG or SVG is refused with the file named', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('Logotyp').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
  await expect(page.getByRole('alert')).toHaveText('Filen letter.pdf är inte en PNG- eller SVG-bild.');
});

test('once loaded, the web build works offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('national-point')).toBeVisible();
  // Wait until the service worker has precached the app and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const expected = await page.getByTestId('national-point').textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('national-point')).toHaveText(expected ?? '');
  // Pages and panels whose code loads on first use come from the service worker's cache too: none of these was
  // opened before going offline.
  await expect(page.getByTestId('letter-panel')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Karta: uppskattat antal patienter per region' })).toBeVisible();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await page.getByRole('link', { name: 'Förfrågningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förfrågningar' })).toBeVisible();
  await page.getByRole('link', { name: 'Metod' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
