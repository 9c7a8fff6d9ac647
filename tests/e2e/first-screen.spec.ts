// The first screen: a new user opens the app and sees the demo answer, computed by the domain core.
import { runDemo } from '../../shared/demo/run-demo';
import { REGIONS } from '../../shared/regions/regions';
import { expect, expectNoA11yViolations, test } from './fixtures';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const svPercent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

test('the first screen shows the demo answer without any user action, matching `antal demo`', async ({ page }) => {
  const demo = runDemo();
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.study.title);
  await expect(page.getByText('Syntetiska demodata – inte verkliga patienter').first()).toBeVisible();

  const national = demo.estimate.national;
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(national.point)));
  await expect(page.getByTestId('national-interval')).toHaveText(
    `intervall ${sv.format(Math.floor(national.low + 1e-9))}–${sv.format(Math.ceil(national.high - 1e-9))}`,
  );

  // One row per region, each with the core's numbers in Swedish formatting.
  const rows = page.getByTestId('region-table').locator('tbody tr');
  await expect(rows).toHaveCount(21);
  for (const region of demo.estimate.regions) {
    const row = page.getByTestId('region-table').locator(`tr[data-region="${region.region}"]`);
    const name = REGIONS.find((r) => r.code === region.region)!.nameSv;
    await expect(row.locator('th')).toContainText(name);
    await expect(row.locator('td').nth(2)).toHaveText(sv.format(Math.round(region.eligible.point)));
  }

  const verdictName = { 'very-good': 'Mycket goda', good: 'Goda', small: 'Små' }[demo.verdict.verdict];
  await expect(page.getByTestId('verdict-level')).toHaveText(verdictName);
  await expect(page.getByTestId('verdict-probability')).toHaveText(`Sannolikhet att nå målet: ${svPercent.format(demo.projection.probability)}`);
  await expect(page.getByTestId('verdict-rule')).toContainText('mycket goda om sannolikheten är minst 80 %');

  // Swedish number formatting: a space (NBSP or narrow NBSP) groups thousands.
  const pointText = await page.getByTestId('national-point').textContent();
  if (Math.round(national.point) >= 1000) expect(pointText).toMatch(/^\d{1,3}([\u00a0\u202f ]\d{3})+$/);

  // The map shades all 21 regions; each shape names its region and number.
  const map = page.getByRole('img', { name: 'Karta: uppskattat antal patienter per region' });
  await expect(map.locator('path.map-region')).toHaveCount(21);
  await expect(map.locator('path.map-nodata')).toHaveCount(0);
  const stockholm = demo.estimate.regions.find((r) => r.region === '01')!;
  await expect(map.locator('path title', { hasText: /^Stockholm: / })).toHaveText(new RegExp(`^Stockholm: ${sv.format(Math.round(stockholm.eligible.point))} `));

  await expect(page.getByTestId('healthcare-region-table').locator('tbody tr')).toHaveCount(6);
  // The demo multiplies three proportions: the independence assumption is flagged beside the numbers it affects.
  await expect(page.getByTestId('independence-note')).toHaveText('Bygger på andelar som antas vara oberoende – se Att tänka på.');
  await expect(page.getByTestId('region-table').locator('caption')).toContainText('antas vara oberoende');
  // The base, one line per step, and the age step's age-share assumption line (bands 15–19 and 75–79 straddle 18–75).
  await expect(page.getByTestId('attrition-table').locator('tbody tr')).toHaveCount(demo.study.steps.length + 2);
  await expect(page.getByTestId('attrition-table').locator('tbody tr', { hasText: 'Antagande: andel 18–75 år av åldersgruppen 15–19, 75–79' })).toHaveCount(1);
  await expectNoA11yViolations(page, 'first screen (sv)');
});

test('the demo is seeded once: reloading keeps one study and one dataset', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('national-point')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('national-point')).toBeVisible();
  await page.getByRole('link', { name: 'Förfrågningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förfrågningar' })).toBeVisible();
  await expect(page.locator('main tbody tr')).toHaveCount(1);
  await page.getByRole('link', { name: 'Dataset' }).click();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('datasets-table')).toContainText('syntetiska');
});
