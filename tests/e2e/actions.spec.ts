// Destructive actions are safe: a removed forecast site comes back with Undo (and the figures with it), a
// dataset is deleted only through a keyboard-operable confirmation, empty pages say what to do and their
// action works, and a bad reply deadline is explained next to the field and never saved.
import type { Page } from '@playwright/test';
import { computeAnswer } from '../../shared/answer/compute-answer';
import type { Study } from '../../shared/criteria/study';
import { runDemo } from '../../shared/demo/run-demo';
import { expect, expectNoA11yViolations, test } from './fixtures';

const svPercent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });
const demo = runDemo();
const answerFor = (study: Study) => computeAnswer(study, [demo.dataset], { hallandRule: demo.hallandRule });
const siteIds = (page: Page) => page.getByTestId('forecast-inputs').locator('fieldset[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));

test('removing a forecast site can be undone: the site and the forecast figures come back', async ({ page }) => {
  test.slow(); // the first answer and the axe scans of the full answer page are slow on a shared machine
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  const probability = forecast.getByTestId('forecast-probability');
  await expect(probability).toHaveText(svPercent.format(demo.projection.probability));
  await forecast.getByText('Antaganden och kliniker').click();
  const before = await siteIds(page);
  expect(before).toEqual(demo.study.recruitment.sites.map((s) => s.id));

  const without: Study = structuredClone(demo.study);
  without.recruitment.sites = without.recruitment.sites.filter((s) => s.id !== 'sahlgrenska');
  const withoutAnswer = answerFor(without);
  expect(withoutAnswer.projection.probability).not.toBe(demo.projection.probability);

  await forecast.locator('fieldset[data-site="sahlgrenska"]').getByRole('button', { name: 'Ta bort Sahlgrenska Universitetssjukhuset' }).click();
  await expect(forecast.locator('fieldset[data-site="sahlgrenska"]')).toHaveCount(0);
  const region = forecast.getByTestId('undo-region');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toContainText('Sahlgrenska Universitetssjukhuset togs bort ur prognosen.');
  // The offer stays while the keyboard focus is on it (it lapses by itself only when left alone).
  const undoButton = region.getByRole('button', { name: 'Ångra' });
  await undoButton.focus();
  await expect(probability).toHaveText(svPercent.format(withoutAnswer.projection.probability));
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');
  await expectNoA11yViolations(page, 'site removed, undo offered');

  await expect(undoButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(region).toContainText('Sahlgrenska Universitetssjukhuset är tillbaka i prognosen.');
  expect(await siteIds(page)).toEqual(before); // back in its place
  await expect(probability).toHaveText(svPercent.format(demo.projection.probability));
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');
  // The restored site is saved: it is still there after a reload.
  await expect(page.getByTestId('save-status')).toHaveText('Sparat');
  await page.reload();
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  await expect(page.getByTestId('forecast-probability')).toHaveText(svPercent.format(demo.projection.probability));
});

test('a dataset is deleted only after a confirmation operated by keyboard; then the empty page offers the import', async ({ page }) => {
  await page.goto('/#/datasets');
  const rows = page.getByTestId('datasets-table').locator('tbody tr');
  await expect(rows).toHaveCount(1); // the demo
  const name = (await rows.first().locator('th').textContent())!.replace('syntetiska', '').trim();
  const deleteButton = page.getByRole('button', { name: `Ta bort för ${name}` });

  await deleteButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Ta bort ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('celler (SHA-256');
  await expect(dialog.getByTestId('delete-studies').locator('li')).toHaveCount(1);
  // Focus starts on the safe choice.
  await expect(dialog.getByRole('button', { name: 'Behåll' })).toBeFocused();
  await expectNoA11yViolations(page, 'delete confirmation open');

  // Escape cancels: nothing is deleted and focus returns to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(deleteButton).toBeFocused();

  // Cancel keeps it too.
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Behåll' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);

  // Confirming deletes it.
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Behåll' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Ta bort datasetet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('datasets-status')).toHaveText(`${name} togs bort.`);

  // The empty page says what to do and its action opens the import.
  const empty = page.getByTestId('datasets-empty');
  await expect(empty.getByRole('heading', { name: 'Inga dataset ännu' })).toBeVisible();
  await expect(empty).toContainText('Importera en export');
  await expectNoA11yViolations(page, 'datasets empty state');
  const chooser = page.waitForEvent('filechooser');
  await empty.getByRole('button', { name: 'Importera den första filen…' }).click();
  const csv = ['Region;År;Antal patienter', 'Stockholms län;2021;1 234', 'Uppsala län;2021;56', ''].join('\r\n');
  await (await chooser).setFiles({ name: 'forsta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
  await expect(page.getByText('forsta.csv').first()).toBeVisible();
});

test("a new request's bad reply deadline is explained on leaving the field and never saved", async ({ page }) => {
  await page.goto('/#/requests');
  await page.getByRole('button', { name: 'Ny förfrågan' }).click();
  await expect(page).toHaveURL(/#\/requests\/[^/]+/);
  // The request's full form is on its own page (a new request may open in the guided flow first).
  const id = /#\/requests\/([^/]+)/.exec(page.url())![1];
  await page.goto(`/#/requests/${id}`);

  const form = page.getByRole('form', { name: 'Uppgifter om förfrågan' });
  await form.getByLabel('Studiens titel').fill('ACME-301');
  await form.getByLabel('Mottagen').fill('2026-03-10');
  await form.getByLabel('Svar senast').fill('2026-03-24');
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(page.getByTestId('request-save-status')).toHaveText('Sparat');

  // A deadline before the date received is explained as soon as the field is left, before any save.
  const deadline = form.getByLabel('Svar senast');
  await deadline.fill('2026-03-01');
  await expect(form.getByText('Svarsdatum kan inte ligga före mottagningsdatum.')).toHaveCount(0);
  await deadline.blur(); // leaving the field (Tab inside a date input only moves between its parts)
  const message = form.getByText('Svarsdatum kan inte ligga före mottagningsdatum.');
  await expect(message).toBeVisible();
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  const messageId = await message.getAttribute('id');
  expect((await deadline.getAttribute('aria-describedby'))!.split(' ')).toContain(messageId);
  await expectNoA11yViolations(page, 'inline validation message');

  // Saving is refused and says the saved value is kept; after a reload the valid deadline is still there.
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(page.getByTestId('request-save-status')).toContainText('Det senast sparade värdet behålls');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Uppgifter om förfrågan' }).getByLabel('Svar senast')).toHaveValue('2026-03-24');

  // Correcting the field clears the message as it is typed.
  const again = page.getByRole('form', { name: 'Uppgifter om förfrågan' }).getByLabel('Svar senast');
  await again.fill('2026-03-01');
  await again.blur();
  await expect(page.getByText('Svarsdatum kan inte ligga före mottagningsdatum.')).toBeVisible();
  await again.fill('2026-03-20');
  await expect(page.getByText('Svarsdatum kan inte ligga före mottagningsdatum.')).toHaveCount(0);
  await expect(again).not.toHaveAttribute('aria-invalid', 'true');
});

test('the empty compile page says what to open, and its action opens an answer file', async ({ page }) => {
  await page.goto('/#/compile');
  const empty = page.getByTestId('compile-empty');
  await expect(empty.getByRole('heading', { name: 'Börja med enheternas svarsfiler' })).toBeVisible();
  await expect(empty).toContainText('Inga svarsfiler ännu. Lägg till minst en för att se en sammanställning.');
  await expectNoA11yViolations(page, 'compile empty state');
  const chooser = page.waitForEvent('filechooser');
  await empty.getByRole('button', { name: 'Öppna en svarsfil…' }).click();
  await (await chooser).setFiles({ name: 'inte-ett-svar.json', mimeType: 'application/json', buffer: Buffer.from('{"hej": 1}', 'utf-8') });
  // The file was really opened and read: it is refused with its name, and the empty state stays.
  await expect(page.getByText('inte-ett-svar.json').first()).toBeVisible();
  await expect(empty).toBeVisible();
});
