// The look: every top-level page fits 1280×720 and 1920×1080 without sideways scrolling and passes axe in the
// light and the dark theme; the theme choice persists; the About dialog traps and returns focus; a page that
// crashes is replaced by the error boundary, the top bar stays, and the diagnostic report has no request content.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Waits until the page behind the current hash has rendered its heading (the answer page: its numbers). */
async function pageReady(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  if ((await page.evaluate(() => window.location.hash)) === '' || (await page.evaluate(() => window.location.hash)) === '#/') {
    await expect(page.getByTestId('national-point')).toBeVisible();
  }
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `horizontal scrollbar on ${label}`).toBeLessThanOrEqual(clientWidth);
}

/** Every link and button of the top bar sits on one line (their vertical centres within 4 px). */
async function expectTopBarOnOneLine(page: Page, label: string): Promise<void> {
  const centres = await page.locator('header.topbar').evaluate((bar) =>
    [...bar.querySelectorAll('a, button')].map((el) => {
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    }),
  );
  expect(centres.length).toBeGreaterThan(5);
  expect(Math.max(...centres) - Math.min(...centres), `top bar wraps on ${label}`).toBeLessThanOrEqual(4);
}

for (const viewport of VIEWPORTS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${viewport.width}×${viewport.height}, ${scheme}: every top-level page fits without sideways scrolling and passes axe`, async ({ page }) => {
      // Five pages, each scanned by axe: more than the default minute on a busy machine.
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      // The default choice is "system", so the operating system's scheme decides the theme.
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await pageReady(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);

      const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
      const names = await nav.getByRole('link').allTextContents();
      expect(names.length).toBeGreaterThanOrEqual(5);
      for (const name of names) {
        await nav.getByRole('link', { name, exact: true }).click();
        await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
        await pageReady(page);
        const label = `${name} (${viewport.width}×${viewport.height}, ${scheme})`;
        await expectNoSidewaysScroll(page, label);
        await expectTopBarOnOneLine(page, label);
        await expectNoA11yViolations(page, label);
      }
    });
  }
}

test('the answer workspace at 1280×720: criteria and results side by side, the criteria pane scrolls within the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await pageReady(page);
  const editor = await page.locator('.editor-pane').boundingBox();
  const results = await page.locator('.results-pane').boundingBox();
  expect(editor && results).toBeTruthy();
  expect(results!.x).toBeGreaterThan(editor!.x + editor!.width);
  expect(results!.width).toBeGreaterThan(700);
  expect(editor!.y + editor!.height).toBeLessThanOrEqual(720);
});

test('the theme chosen in Settings changes data-theme and the colours, and survives a reload; the top-bar toggle switches it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  const themes = page.getByRole('radiogroup', { name: 'Tema' });
  await expect(themes.getByRole('radio', { name: 'Som systemet' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(246, 247, 249)');

  // React Aria keeps the radio input visually hidden; the user clicks its label.
  await themes.getByText('Mörkt', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(17, 20, 24)');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radiogroup', { name: 'Tema' }).getByRole('radio', { name: 'Mörkt' })).toBeChecked();
  expect(await background()).toBe('rgb(17, 20, 24)');
  await expectNoA11yViolations(page, 'Settings (dark)');

  // The top bar's toggle: pressed while dark; pressing it gives light.
  const toggle = page.getByRole('button', { name: 'Mörkt tema' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('radio', { name: 'Ljust' })).toBeChecked();

  // Back to "system": the theme now follows the operating system while the app is open.
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Som systemet', { exact: true }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('keyboard focus is visible in the dark theme, on native and on React Aria controls', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  const focusRing = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { label: (document.activeElement as HTMLElement).getAttribute('aria-label') ?? (document.activeElement as HTMLElement).textContent, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` };
    });
  await page.keyboard.press('Tab');
  expect(await focusRing()).toEqual({ label: 'Hoppa till innehållet', outline: 'solid 3px rgb(251, 146, 60)' });
  // Tab on to the theme toggle (a React Aria ToggleButton): it shows the same ring.
  for (let i = 0; i < 15 && (await focusRing()).label !== 'Mörkt tema'; i++) await page.keyboard.press('Tab');
  expect(await focusRing()).toEqual({ label: 'Mörkt tema', outline: 'solid 3px rgb(251, 146, 60)' });
  // A radio of the theme group (React Aria marks its label with data-focus-visible).
  await page.getByRole('radio', { name: 'Mörkt' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const radioLabel = page.locator('.radio[data-focus-visible]');
  await expect(radioLabel).toHaveCount(1);
  expect(await radioLabel.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(251, 146, 60)');
});

test('the About dialog keeps focus inside, closes on Escape and returns focus to its button', async ({ page }) => {
  await page.goto('/#/settings');
  const about = page.getByRole('button', { name: 'Om Antal' });
  await about.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Om Antal' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stäng' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await expectNoA11yViolations(page, 'About dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(about).toBeFocused();

  // The close button closes it too.
  await about.click();
  await dialog.getByRole('button', { name: 'Stäng' }).click();
  await expect(dialog).toBeHidden();
});

// A damaged request record (as an interrupted write by an older version or a hand-edited backup could leave it)
// is the honest way to make a page crash in the production build: no test-only hook ships with the app.
const TITLE = 'Hemlig fas III-studie Zolbexitinib';
const SPONSOR = 'Acme Pharma AB';

async function storeDamagedRequest(page: Page): Promise<void> {
  await page.evaluate(
    async ({ title, sponsor }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('antal');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('requests', 'readwrite');
      // The request's questions, feedback, clinics and marking are missing.
      tx.objectStore('requests').put({
        id: 'damaged-1',
        title,
        sponsor,
        indication: 'Kolorektal cancer C18.7, 4711 patienter',
        type: 'country',
        status: 'received',
        receivedOn: '2026-01-05',
        replyDeadline: '2026-02-01',
        studyId: 'damaged-study',
        updatedAt: '2026-01-05T10:00:00.000Z',
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { title: TITLE, sponsor: SPONSOR },
  );
}

test('a page that crashes shows the error boundary, keeps the top bar, and saves a report without request content', async ({ page }) => {
  await page.goto('/#/requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Förfrågningar' })).toBeVisible();
  await storeDamagedRequest(page);
  await page.goto('/#/requests/damaged-1');
  await page.reload();

  const boundary = page.getByTestId('error-boundary');
  await expect(boundary.getByRole('heading', { level: 1, name: 'Sidan kunde inte visas' })).toBeFocused();
  await expect(boundary).toContainText('Ditt arbete finns kvar');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await expectNoA11yViolations(page, 'error boundary (light)');

  // "Try again" mounts the page afresh; the record is still damaged, so the boundary comes back.
  await boundary.getByRole('button', { name: 'Försök igen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan kunde inte visas' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara diagnostikrapport…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^antal-diagnostik-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByTestId('error-boundary').getByRole('status')).toHaveText(`Diagnostikrapporten sparades: ${file.suggestedFilename()}`);
  const text = readFileSync((await file.path())!, 'utf8');
  for (const secret of [TITLE, 'Zolbexitinib', SPONSOR, 'Acme', 'C18', '4711', 'damaged', 'Kolorektal']) expect(text).not.toContain(secret);
  const report = JSON.parse(text) as { context: { page: string; scope: string }; error: { name: string; stack: string[] }; database: { tableRowCounts: Record<string, number> } };
  expect(report.context).toMatchObject({ page: 'request', scope: 'page' });
  expect(report.error.stack.length).toBeGreaterThan(0);
  for (const frame of report.error.stack) expect(frame).toMatch(/^assets\/[\w.-]+\.js:\d+:\d+$/);
  expect(report.database.tableRowCounts['requests']).toBe(2);

  // The same boundary in dark passes axe; the top bar still navigates, and the other pages work.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoA11yViolations(page, 'error boundary (dark)');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Förfrågningar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förfrågningar' })).toBeVisible();
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
});
