// The recruitment forecast: changing a site's opening month or the July weight updates the probability, the
// chart and the verdict at once — no button — with the same numbers the domain core computes; each site's rate is
// entered in patients per month beside its region's ceiling and suggestion, with warnings; recruitment never
// starts before today (the page's clock is set by the test); and as the sponsor sees it the charts say so.
import { computeAnswer } from '../../shared/answer/compute-answer';
import type { Study } from '../../shared/criteria/study';
import { runDemo } from '../../shared/demo/run-demo';
import { resolvePlan } from '../../shared/recruitment/plan';
import { expect, expectNoA11yViolations, test } from './fixtures';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const svPercent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });
const svDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const VERDICT = { 'very-good': 'Mycket goda', good: 'Goda', small: 'Små' } as const;
const demo = runDemo();
/** The user's calendar date, as the app takes it from the page's clock. */
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const answerFor = (study: Study, today = localDate(new Date())) => computeAnswer(study, [demo.dataset], { hallandRule: demo.hallandRule, today });

test('a later opening and a busier July change the probability, the chart and the verdict at once', async ({ page }) => {
  // The axe scan of the whole answer page (criteria, tables, forecast inputs) is slow on a shared 2-core machine.
  test.slow();
  await page.goto('/');
  // The first answer (estimate and forecast, JIT still cold) can take several seconds on a loaded machine.
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  const first = answerFor(demo.study);
  await expect(page.getByTestId('verdict-probability')).toHaveText(`Sannolikhet att nå målet: ${svPercent.format(first.projection.probability)}`);
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(first.projection.probability));
  await expect(forecast.getByTestId('forecast-method')).toContainText('Beräknad exakt');
  await expect(forecast.getByTestId('forecast-method')).toContainText('Inget intervall påverkar klinikernas takt');
  const lastRow = forecast.getByTestId('enrolment-table').locator('tbody tr').last();
  await expect(lastRow.locator('td').nth(1)).toHaveText(sv.format(Math.round(first.projection.band.at(-1)!.mean)));
  const meanLine = forecast.getByTestId('mean-line');
  const lineBefore = await meanLine.getAttribute('d');

  // The assumptions are folded away until asked for.
  await forecast.getByText('Antaganden och kliniker').click();

  // Karolinska opens a year late.
  const late: Study = structuredClone(demo.study);
  late.recruitment.sites = late.recruitment.sites.map((s) => (s.id === 'karolinska' ? { ...s, activationMonth: 12 } : s));
  const lateAnswer = answerFor(late);
  expect(lateAnswer.projection.probability).toBeLessThan(first.projection.probability);
  await forecast.locator('fieldset[data-site="karolinska"]').getByLabel('Öppnar månad (0 = vid start)').fill('12');
  await expect(forecast.locator('fieldset[data-site="karolinska"]')).toContainText('Öppnar 2028-09-01.');
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(lateAnswer.projection.probability));
  await expect(page.getByTestId('verdict-probability')).toHaveText(`Sannolikhet att nå målet: ${svPercent.format(lateAnswer.projection.probability)}`);
  await expect(page.getByTestId('verdict-level')).toHaveText(VERDICT[lateAnswer.verdict.verdict]);
  await expect(lastRow.locator('td').nth(1)).toHaveText(sv.format(Math.round(lateAnswer.projection.band.at(-1)!.mean)));
  await expect(meanLine).not.toHaveAttribute('d', lineBefore!);

  // July recruits like any other month.
  const busyJuly: Study = structuredClone(late);
  busyJuly.recruitment.seasonalWeights = resolvePlan(late.recruitment).seasonalWeights.map((w, i) => (i === 6 ? 1 : w));
  const julyAnswer = answerFor(busyJuly);
  expect(julyAnswer.projection.probability).toBeGreaterThan(lateAnswer.projection.probability);
  await forecast.getByTestId('seasonal-weights').getByLabel('juli', { exact: true }).fill('1');
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(julyAnswer.projection.probability));
  await expect(page.getByTestId('verdict-level')).toHaveText(VERDICT[julyAnswer.verdict.verdict]);
  await expect(lastRow.locator('td').nth(1)).toHaveText(sv.format(Math.round(julyAnswer.projection.band.at(-1)!.mean)));
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');

  // The sensitivity chart and its table name every assumption the forecast varies.
  await expect(forecast.getByTestId('tornado-table').locator('tbody tr')).toHaveCount(julyAnswer.projection.sensitivity.length);
  await expect(forecast.getByRole('img', { name: /Kumulativt antal rekryterade patienter/ })).toBeVisible();
  await expect(forecast.getByRole('img', { name: /Känslighet/ })).toBeVisible();

  // The edits are saved: a reload shows the same forecast.
  await expect(page.getByTestId('save-status')).toHaveText('Sparat');
  await page.reload();
  await expect(page.getByTestId('forecast').getByTestId('forecast-probability')).toHaveText(svPercent.format(julyAnswer.projection.probability));
  await page.getByTestId('forecast').getByText('Antaganden och kliniker').click();
  await expect(page.getByTestId('seasonal-weights').getByLabel('juli', { exact: true })).toHaveValue('1');
  await expectNoA11yViolations(page, 'forecast');
});

test('a site is entered in patients per month, beside its region\'s ceiling and suggestion, with warnings', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  await forecast.getByText('Antaganden och kliniker').click();
  await forecast.getByRole('button', { name: 'Lägg till klinik' }).click();
  const site = forecast.locator('fieldset[data-site="site-9"]');
  // No rate yet: the site is left out of the forecast, and the forecast says so.
  await expect(forecast.getByTestId('forecast-warnings')).toContainText('Ny klinik 9 har ingen takt per månad och ingår inte i prognosen.');
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(answerFor(demo.study).projection.probability));

  // The region's ceiling and the plausible share for one site (Stockholm), and the suggestion as a button.
  const withSite = (rate: number): Study => ({
    ...demo.study,
    recruitment: { ...demo.study.recruitment, sites: [...demo.study.recruitment.sites, { id: 'site-9', name: 'Ny klinik 9', region: '01', activationMonth: 0, ratePerMonth: rate }] },
  });
  const stockholm = answerFor(withSite(1)).projection.sites.at(-1)!;
  const plausible = Math.round(stockholm.plausiblePerMonth * 100) / 100;
  await expect(site.getByTestId('site-ceiling')).toContainText(`högst ${svDecimal.format(Math.round(stockholm.regionCeilingPerMonth.point * 10) / 10)} per månad för regionens kliniker tillsammans`);
  // Where the per-month figure comes from: the demo study counts new cases, so a year's new patients / 12.
  await expect(site.getByTestId('site-ceiling')).toContainText(`Regionen får ${svDecimal.format(Math.round(stockholm.regionEligiblePerMonth.point * 12))} nya möjliga deltagare per år, ${svDecimal.format(Math.round(stockholm.regionEligiblePerMonth.point * 10) / 10)} per månad.`);
  await site.getByRole('button', { name: `Använd regionens förslag: ${svDecimal.format(plausible)} per månad` }).click();
  await expect(site.getByLabel('Patienter per månad')).toHaveValue(svDecimal.format(plausible));
  await expect(forecast.getByTestId('forecast-warnings')).toHaveCount(0);
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(answerFor(withSite(plausible)).projection.probability));

  // More than half of the region is not plausible for one site: said, not silently accepted or capped.
  await site.getByLabel('Patienter per månad').fill('9');
  await expect(forecast.getByTestId('forecast-warnings')).toContainText('Ny klinik 9: 9 patienter per månad är mer än hälften av vad regionen rimligen ger');
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(answerFor(withSite(9)).projection.probability));
  await expectNoA11yViolations(page, 'forecast with warnings');
});

test('recruitment starts no earlier than today: a start that has passed is said, and moved with one click', async ({ page }) => {
  test.slow();
  // Today is a month and a half after the demo's planned start (1 September 2027).
  await page.clock.setFixedTime(new Date('2027-10-16T10:00:00'));
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  const notice = forecast.getByTestId('forecast-start-notice');
  await expect(notice).toContainText('Den planerade starten 2027-09-01 har passerat. Prognosen räknar från i dag, 2027-10-16, till slutdatum 2029-09-01.');
  const today = answerFor(demo.study, '2027-10-16');
  expect(today.projection.startNotice?.kind).toBe('moved-to-today');
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(today.projection.probability));

  await notice.getByRole('button', { name: 'Flytta starten till i dag (2027-10-16)' }).click();
  await expect(notice).toHaveCount(0);
  const moved: Study = { ...demo.study, recruitment: { ...demo.study.recruitment, startDate: '2027-10-16' } };
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(answerFor(moved, '2027-10-16').projection.probability));
  await forecast.getByText('Antaganden och kliniker').click();
  await expect(forecast.getByLabel('Rekryteringsstart (ÅÅÅÅ-MM-DD)')).toHaveValue('2027-10-16');
});

test('as the sponsor sees it, the forecast\'s charts say they show only printable figures', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  await expect(forecast.getByTestId('forecast-sponsor-note')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Visa som sponsorn ser det' }).check();
  await expect(forecast.getByTestId('forecast-sponsor-note')).toContainText('diagrammen visar bara det som får skrivas ut');
  // Every site has a rate of its own: nothing rests on a hidden count, so the charts stay, drawn in whole patients.
  await expect(forecast.getByTestId('enrolment-chart')).toBeVisible();
  const path = await forecast.getByTestId('mean-line').getAttribute('d');
  expect(path).toMatch(/^M/);
});
