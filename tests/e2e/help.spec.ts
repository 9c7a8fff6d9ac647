// Help where it is needed: the help overlay and keyboard shortcuts, a "?" tip next to the
// national interval that leads to the method page, and the method page saying exactly what the demo letter says.
import { prepareLetter } from '../../shared/letter';
import { SHORTCUT_ACTIONS } from '../../renderer/src/shell/shortcuts';
import { demoSnapshot } from '../shared/letter/helpers';
import { expect, expectNoA11yViolations, openApp, test } from './fixtures';
import type { Language } from '../../shared/text/language';

/** The paragraphs under the letter's method heading, from the letter model of the demo answer. */
async function letterMethodParagraphs(language: Language): Promise<string[]> {
  const { model } = await prepareLetter(demoSnapshot(language));
  const start = model.body.findIndex((b) => b.kind === 'heading' && b.text === (language === 'sv' ? 'Metod' : 'Method'));
  const rest = model.body.slice(start + 1);
  return rest.slice(0, rest.findIndex((b) => b.kind === 'heading')).map((b) => (b.kind === 'paragraph' ? b.text : ''));
}

test('"?" and the Hjälp button open the shortcut overlay; Escape closes it and focus returns', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('?');
  const overlay = page.getByRole('dialog', { name: 'Kortkommandon och hjälp' });
  await expect(overlay).toBeVisible();
  const rows = overlay.getByTestId('shortcut-table').locator('tbody tr');
  await expect(rows).toHaveCount(SHORTCUT_ACTIONS.length);
  await expect(rows.filter({ hasText: 'Ny förfrågan' })).toContainText('N');
  await expect(rows.filter({ hasText: 'Ny förfrågan' })).toContainText('Ctrl+N');
  await expect(rows.filter({ hasText: 'Visa kortkommandon' })).toContainText('F1');
  await expect(overlay).toContainText('Ctrl+N, Ctrl+T och Ctrl+W inte fångas');
  await expectNoA11yViolations(page, 'help overlay');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  const helpButton = page.getByRole('banner').getByRole('button', { name: 'Hjälp' });
  await helpButton.focus();
  await page.keyboard.press('Enter');
  await expect(overlay).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await expect(helpButton).toBeFocused();
});

test('"n" creates a request and opens its guided answer; "/" focuses the request search; "i" the import button; "e" without a letter says why', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('n');
  await expect(page).toHaveURL(/#\/requests\/[^/]+\/guide\/request$/);

  await page.locator('body').press('/');
  await expect(page).toHaveURL(/#\/requests$/);
  const search = page.getByRole('search').getByRole('searchbox', { name: 'Sök' });
  await expect(search).toBeFocused();
  // Typing in the search field types: "n" is a letter there, not a new request.
  await page.keyboard.type('n');
  await expect(search).toHaveValue('n');
  await expect(page).toHaveURL(/#\/requests$/);

  await page.locator('main').focus();
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/#\/datasets$/);
  await expect(page.getByTestId('import-drop-area').getByRole('button', { name: 'Importera fil…' })).toBeFocused();

  await page.locator('main').focus();
  await page.keyboard.press('e');
  await expect(page.getByTestId('shortcut-status')).toHaveText('Det finns inget svarsbrev att exportera på den här sidan. Öppna ett svar under Svar först.');
});

test('the "?" next to the national interval explains it and links to the method page at the interval section', async ({ page }) => {
  await openApp(page);
  const tip = page.getByTestId('national').getByRole('button', { name: 'Vad betyder intervallet?' });
  await tip.click();
  const popover = page.getByRole('dialog', { name: 'Vad betyder intervallet?' });
  await expect(popover).toContainText('Det är inget statistiskt konfidensintervall.');
  await expectNoA11yViolations(page, 'help tip');
  await popover.getByRole('link', { name: 'Läs mer i metodbeskrivningen' }).click();
  await expect(page).toHaveURL(/#\/method\/intervals$/);
  const heading = page.getByRole('heading', { name: 'Vad intervallen betyder' });
  await expect(heading).toBeFocused();
});

test('a help tip works by keyboard: Enter opens it with focus inside, Escape closes it and focus returns; a click outside or on the "?" again closes it', async ({ page }) => {
  await openApp(page);
  const tip = page.getByTestId('national').getByRole('button', { name: 'Vad betyder intervallet?' });
  const popover = page.getByRole('dialog', { name: 'Vad betyder intervallet?' });
  await expect(tip).toHaveAttribute('aria-haspopup', 'dialog');
  await expect(tip).toHaveAttribute('aria-expanded', 'false');

  await tip.focus();
  await page.keyboard.press('Enter');
  await expect(popover).toContainText('Det är inget statistiskt konfidensintervall.');
  await expect(tip).toHaveAttribute('aria-expanded', 'true');
  // Focus moved into the tip's dialog, so a screen reader reads it and Tab reaches its link.
  expect(await popover.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(tip).toBeFocused();
  await expect(tip).toHaveAttribute('aria-expanded', 'false');

  // The page behind an open tip is inert (as any modal popover), so the mouse clicks where the user would.
  const clickOn = async (target: typeof tip) => {
    const box = (await target.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };
  // Space opens it too (a native button); a click elsewhere on the page closes it.
  await page.keyboard.press(' ');
  await expect(popover).toBeVisible();
  await clickOn(page.getByRole('heading', { level: 1 }));
  await expect(popover).toHaveCount(0);

  // A second click on the "?" closes the open tip rather than opening it again.
  await clickOn(tip);
  await expect(popover).toBeVisible();
  await clickOn(tip);
  await expect(popover).toHaveCount(0);
  await expect(tip).toHaveAttribute('aria-expanded', 'false');
});

test('the method page says exactly what the demo letter’s method section says, in Swedish', async ({ page }) => {
  await openApp(page, '/#/method');
  const method = page.getByTestId('method-page');
  await expect(method.getByTestId('method-basis')).toContainText('Uppgifterna gäller det senast öppnade svaret');
  const applied = method.locator('section[data-applies="true"] .method-paragraph');
  expect(await applied.allTextContents()).toEqual(await letterMethodParagraphs('sv'));
  // Seven sections (data, intervals, independence, trend, forecast, verdict, disclosure) and the basis heading.
  await expect(method.getByRole('heading', { level: 2 })).toHaveCount(8);
  await expectNoA11yViolations(page, 'method page');
});
