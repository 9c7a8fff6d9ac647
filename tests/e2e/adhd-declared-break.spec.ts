// A break the coordinator declares on the trend view, by keyboard, on the real ADHD file: the data cannot show a
// new reporting rule, so the coordinator says it. The declaration is saved on the study (it survives a reload),
// written to the audit trail (its year, not its reason), and the trend is fitted from the break on.
//
// The figure checked, by hand from the file: methylphenidate 0–19 in Stockholm, both sexes,
// "2018;…;Stockholms län;…;11598", "2019;…;12251", "2020;…;13417". A least-squares line through the logarithms of
// three equally spaced years has the slope (ln 13 417 − ln 11 598) / 2, so the average yearly change is
// √(13 417 / 11 598) − 1 = 7,557 %: "+7,6 %".
// Before the break, the default window is the last 5 periods, and the published Riket row, "2016;…;Riket;…;38488"
// to "2020;…;46003" (38 488, 38 614, 39 280, 41 681, 46 003), has the average yearly change exp(Σ t·ln y / 10) − 1
// = +4,4 % (t = −2 … 2) while 2019–2020 is 46 003 / 41 681 − 1 = +10,4 %, 5,9 percentage points from it (more than
// the 5 allowed): not steady enough to extrapolate, and the view says so. From 2018 on: √(46 003 / 39 280) − 1 =
// +8,2 %, with 2018–2019 +6,1 % and 2019–2020 +10,4 % both within 5 points of it: steady.
import { expect, expectNoA11yViolations, test } from './fixtures';
import { Actor, importAdhdData, linkData, nextStep, pickDrug, realFilesPresent, startRequest } from './support/adhd';

test.skip(!realFilesPresent(), 'the real public files are not in ../shared/fixtures/real');

test('declaring a break in the series: by keyboard, saved, audited, and the trend starts at it', async ({ page }) => {
  test.setTimeout(240_000);
  const act = new Actor(page);
  await importAdhdData(act);
  await startRequest(act, { title: 'NMX-301-P3 break' });
  await linkData(act, { population: false });
  await nextStep(act, 'Kriterier');
  await pickDrug(act);
  await nextStep(act, 'Prognos');
  await nextStep(act, 'Svar');

  await act.tabTo(page.getByTestId('trend-show'));
  await act.press('Enter');
  const view = page.getByTestId('trend-view');
  await expect(view).toBeVisible({ timeout: 60_000 });
  const window = view.getByLabel('Fönster för trenden');
  await expect(window).toHaveValue('last:5');
  const riket = view.locator('[data-series="national-published"]');
  await expect(riket.locator('.trend-average')).toHaveText(/^\+4,4\s%$/);
  await expect(riket.locator('.trend-status')).toContainText(/Förändringen är inte jämn nog att räkna fram: 2019–2020 \+10,4\s%, 5,9 procentenheter från genomsnittet \+4,4\s% per år/);
  await expect(riket.locator('.trend-status')).toHaveClass(/unsteady/);
  const breaks = page.getByTestId('declared-breaks');
  await expect(breaks.getByText('Inga brott angivna.')).toBeVisible();

  // A reason is required.
  const period = breaks.getByLabel('Brott från perioden');
  await act.tabTo(period);
  await expect(period).toHaveValue('2020');
  await act.press('ArrowUp');
  await act.press('ArrowUp');
  await expect(period).toHaveValue('2018');
  await act.tabTo(breaks.getByRole('button', { name: 'Ange brott' }));
  await act.press('Enter');
  await expect(page.getByTestId('declared-breaks-status')).toHaveText('Skriv skälet till brottet (det står i förklaringen till varför ingen trend räknas över det).');

  await act.tabTo(breaks.getByLabel('Skäl', { exact: true }));
  await act.type('Ny rapporteringsregel 2018');
  await act.press('Enter');
  await expect(page.getByTestId('declared-breaks-status')).toHaveText('Brottet från 2018 sparades; fönstret börjar nu 2018.');
  await expect(breaks.locator('li[data-period="2018"]')).toContainText('Från 2018: Ny rapporteringsregel 2018');
  await expect(window).toHaveValue('last:3');
  await expect(view.locator('[data-series="01"] .trend-average')).toHaveText(/^\+7,6\s%$/);
  await expect(riket.locator('.trend-average')).toHaveText(/^\+8,2\s%$/);
  await expect(riket.locator('.trend-status')).toHaveClass(/(^| )steady( |$)/);
  await expect(riket.locator('.trend-status')).toContainText('Jämn förändring');
  await expectNoA11yViolations(page, 'the trend view with a declared break');

  // Saved on the study: after a reload the break and the window are still there.
  await page.reload();
  await page.getByTestId('trend-show').click();
  await expect(page.getByTestId('declared-breaks').locator('li[data-period="2018"]')).toContainText('Ny rapporteringsregel 2018', { timeout: 60_000 });
  await expect(page.getByTestId('trend-view').getByLabel('Fönster för trenden')).toHaveValue('last:3');

  // Audited: the study edit names the projection's changed settings and the break's year, not the reason.
  await page.goto('/#/requests');
  await page.getByRole('button', { name: 'Granskningslogg' }).click();
  await page.getByLabel('Sök', { exact: true }).fill('declaredBreaks 2018');
  await expect(page.getByRole('status').filter({ hasText: /^1 av \d+/ })).toBeVisible();
  await page.getByLabel('Sök', { exact: true }).fill('rapporteringsregel');
  await expect(page.getByRole('status').filter({ hasText: /^0 av \d+/ })).toBeVisible();
});
