// The recruitment forecast: changing a site's opening month or the July weight updates the probability, the
// chart and the verdict at once — no button — with the same numbers the domain core computes.
import { computeAnswer } from '../../shared/answer/compute-answer';
import type { Study } from '../../shared/criteria/study';
import { runDemo } from '../../shared/demo/run-demo';
import { resolvePlan } from '../../shared/recruitment/plan';
import { expect, expectNoA11yViolations, test } from './fixtures';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const svPercent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });
const VERDICT = { 'very-good': 'Mycket goda', good: 'Goda', small: 'Små' } as const;
const demo = runDemo();
const answerFor = (study: Study) => computeAnswer(study, [demo.dataset], { hallandRule: demo.hallandRule });

test('a later opening and a busier July change the probability, the chart and the verdict at once', async ({ page }) => {
  // The axe scan of the whole answer page (criteria, tables, forecast inputs) is slow on a shared 2-core machine.
  test.slow();
  await page.goto('/');
  // The first answer (estimate and forecast, JIT still cold) can take several seconds on a loaded machine.
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const forecast = page.getByTestId('forecast');
  await expect(page.getByTestId('verdict-probability')).toHaveText(`Sannolikhet att nå målet: ${svPercent.format(demo.projection.probability)}`);
  await expect(forecast.getByTestId('forecast-probability')).toHaveText(svPercent.format(demo.projection.probability));
  await expect(forecast.getByTestId('forecast-method')).toContainText('10 000 simuleringar');
  const lastRow = forecast.getByTestId('enrolment-table').locator('tbody tr').last();
  await expect(lastRow.locator('td').nth(1)).toHaveText(sv.format(Math.round(demo.projection.band.at(-1)!.mean)));
  const meanLine = forecast.getByTestId('mean-line');
  const lineBefore = await meanLine.getAttribute('d');

  // The assumptions are folded away until asked for.
  await forecast.getByText('Antaganden och kliniker').click();

  // Karolinska opens a year late.
  const late: Study = structuredClone(demo.study);
  late.recruitment.sites = late.recruitment.sites.map((s) => (s.id === 'karolinska' ? { ...s, activationMonth: 12 } : s));
  const lateAnswer = answerFor(late);
  expect(lateAnswer.projection.probability).toBeLessThan(demo.projection.probability);
  await forecast.locator('fieldset[data-site="karolinska"]').getByLabel('Öppnar månad (0 = vid start)').fill('12');
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

test('question 3 suggests the step that loses most and keeps the coordinator\'s own answer', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt', { timeout: 60_000 });
  const questions = page.getByTestId('feedback-questions');
  const q3 = questions.getByLabel('Fråga 3: Vad begränsar rekryteringen?');
  await expect(q3.locator('option:checked')).toHaveText('Använd förslaget (Exklusionskriterier)');
  await questions.getByLabel('Det finns konkurrerande studier').check();
  await expect(q3.locator('option:checked')).toHaveText('Använd förslaget (Konkurrerande studier)');
  await q3.selectOption('no-factors');
  await expect(page.getByTestId('save-status')).toHaveText('Sparat');
  await page.reload();
  await expect(page.getByTestId('feedback-questions').getByLabel('Fråga 3: Vad begränsar rekryteringen?')).toHaveValue('no-factors');
});
