// Rates per 100 000 beside the counts of the ADHD answer, on the real public files (Socialstyrelsen's ADHD file and
// SCB's population by single year of age): the table's columns, the toggle between counts and rates (by keyboard),
// the chart and the map in rates with the map's legend saying so, the national rate from national figures, and the
// sponsor view's rates.
//
// Where the figures come from (worked out by hand, not by the app): the study is methylphenidate, 6–17 years.
// Stockholm's 2020 line, "2020;N06BA04 Metylfenidat;Stockholms län;Båda könen;0­19;13417;…;571226", gives the
// 6–17 year olds the county's 6–17 share of its 0–19 population (SCB, 31 Dec 2019: 344 365 of 571 226), so the
// count is 13 417 × 344 365 / 571 226 = 8 088,5 and the rate 8 088,5 / 344 365 × 100 000 = 13 417 / 571 226 ×
// 100 000 = 2 348,8, printed "2 349" (whole numbers from 100 per 100 000). Its interval is the age-share
// assumption's default range, 75–125 % of the population's share: 0,75 × 2 348,8 = 1 761,6 and 1,25 × 2 348,8 =
// 2 936,01, rounded outwards "1 761–2 937". The nation: the 21 län's 6–17
// counts sum to 27 929,2 and SCB's 6–17 population to 1 454 221: 27 929,2 / 1 454 221 × 100 000 = 1 920,6, "1 921"
// — not the sum (nor the mean) of the regions' rates.
import { expect, expectNoA11yViolations, test } from './fixtures';
import { Actor, addAge, importAdhdData, importPopulationTable, linkData, nextStep, pickDrug, realFilesPresent, startRequest } from './support/adhd';

const TIMEOUT = 240_000;

test.skip(!realFilesPresent(), 'the real public files are not in ../shared/fixtures/real');

test('the ADHD answer per 100 000: beside the counts in the tables, and the chart and the map on the toggle', async ({ page }) => {
  test.setTimeout(TIMEOUT);
  const act = new Actor(page);
  await importAdhdData(act);
  await importPopulationTable(act);
  await startRequest(act, { title: 'NMX-301-P3 rates' });
  await linkData(act, { population: true });
  await nextStep(act, 'Kriterier');
  await pickDrug(act);
  await addAge(act, 6, 17);
  await nextStep(act, 'Prognos');
  await nextStep(act, 'Svar');

  // The table: population, rate and its interval beside Stockholm's count.
  const table = page.getByTestId('region-table');
  await expect(table.getByRole('columnheader', { name: 'Per 100 000', exact: true })).toBeVisible();
  const stockholm = table.locator('tr[data-region="01"]');
  await expect(stockholm.locator('td').nth(2)).toHaveText('8 088');
  await expect(stockholm.locator('td').nth(5)).toHaveText('344 365');
  await expect(stockholm.locator('td[data-rate="point"]')).toHaveText('2 349');
  await expect(stockholm.locator('td[data-rate="range"]')).toHaveText('1 761–2 937');
  const national = table.locator('tfoot tr');
  await expect(national.locator('td').nth(5)).toHaveText('1 454 221');
  await expect(national.locator('td[data-rate="point"]')).toHaveText('1 921');
  await expect(page.getByTestId('rates-caption')).toContainText('Per 100 000 invånare i kriteriernas ålder och kön (befolkning 2019).');
  // Healthcare regions have theirs: Stockholm-Gotland over Stockholm's and Gotland's 6–17 year olds.
  await expect(page.getByTestId('healthcare-region-table').getByRole('columnheader', { name: 'Per 100 000', exact: true })).toBeVisible();

  // The toggle, by keyboard: Tab to the checked radio (counts), an arrow to rates.
  const overview = page.getByTestId('region-overview');
  const counts = overview.getByRole('radio', { name: 'Antal', exact: true });
  const rates = overview.getByRole('radio', { name: 'Per 100 000 invånare', exact: true });
  await expect(counts).toBeChecked();
  await expect(page.locator('.map-legend-title')).toHaveText('Punktskattning, patienter');
  await act.tabTo(counts);
  await act.press('ArrowRight');
  await expect(rates).toBeChecked();
  await expect(overview).toHaveAttribute('data-measure', 'rates');
  await expect(page.locator('.map-legend-title')).toHaveText('Patienter per 100 000 invånare i kriteriernas ålder och kön');
  await expect(page.locator('path[data-region="01"] title')).toHaveText('Stockholm: 2 349 (1 761–2 937)');
  await expect(overview.getByRole('img', { name: 'Patienter per 100 000 invånare per region, med intervall', exact: true })).toBeVisible();
  await expect(overview.getByRole('img', { name: 'Karta: patienter per 100 000 invånare per region', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'the answer with rates per 100 000');

  // The sponsor view: rates from the printed counts, and the caption says so.
  await page.getByRole('switch', { name: 'Visa som sponsorn ser det' }).click();
  await expect(page.getByTestId('rates-caption')).toContainText('ett dolt antal döljer också sitt värde per 100 000');
  // Stockholm's printed 8 088 over 344 365 is still 2 349 (the printed count is exact here).
  await expect(stockholm.locator('td[data-rate="point"]')).toHaveText('2 349');
  await expectNoA11yViolations(page, 'the sponsor view with rates per 100 000');

  // Back to counts by keyboard.
  await act.tabTo(rates);
  await act.press('ArrowLeft');
  await expect(counts).toBeChecked();
  await expect(page.locator('.map-legend-title')).toHaveText('Punktskattning, patienter');
});
