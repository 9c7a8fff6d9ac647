// Editing criteria updates the table, the map and the attrition at once — no button — and the edits persist.
import { computeAnswer } from '../../shared/answer/compute-answer';
import type { Study } from '../../shared/criteria/study';
import { runDemo } from '../../shared/demo/run-demo';
import { expect, expectNoA11yViolations, test } from './fixtures';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const demo = runDemo();
const expectedNational = (study: Study) => sv.format(Math.round(computeAnswer(study, [demo.dataset], { hallandRule: demo.hallandRule }).estimate.national.point));

test('switching a step off, changing a proportion and reordering recompute everything live and are saved', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(demo.estimate.national.point)));
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');

  // Switch off "Metastaserad sjukdom": more patients remain, the attrition marks the step as off.
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  await editor.getByRole('checkbox', { name: 'Metastaserad sjukdom' }).uncheck();
  const withoutMetastatic: Study = { ...demo.study, steps: demo.study.steps.map((s) => (s.id === 'metastatic' ? { ...s, enabled: false } : s)) };
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(withoutMetastatic));
  await expect(page.getByTestId('attrition-table').locator('tbody tr', { hasText: 'Metastaserad sjukdom' })).toContainText('avstängt');
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');

  // Change the ECOG share from 65 % to 60,5 % by typing, with a decimal comma.
  await editor.getByRole('button', { name: 'Redigera: ECOG 0–1' }).click();
  const point = editor.getByLabel('Punkt (%)');
  await point.fill('60,5');
  const ecogHalf: Study = {
    ...withoutMetastatic,
    steps: withoutMetastatic.steps.map((s) => (s.id === 'ecog' && s.rule.kind === 'proportion' ? { ...s, rule: { ...s.rule, share: { ...s.rule.share, point: 0.605 } } } : s)),
  };
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(ecogHalf));
  // The map follows the same numbers.
  const stockholm = computeAnswer(ecogHalf, [demo.dataset], { hallandRule: demo.hallandRule }).estimate.regions.find((r) => r.region === '01')!;
  await expect(page.locator('.map path title', { hasText: /^Stockholm: / })).toHaveText(new RegExp(`^Stockholm: ${sv.format(Math.round(stockholm.eligible.point))} `));

  // An impossible value is explained and not used.
  await point.fill('80');
  await expect(editor.getByText('Ange ett tal så att lägst ≤ punkt ≤ högst (andelar 0–100 %).')).toBeVisible();
  await expect(point).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(ecogHalf));
  await point.fill('60,5');
  await expectNoA11yViolations(page, 'criteria editor open');

  // Move the age step to the top: the attrition follows the new order.
  await editor.getByRole('button', { name: 'Flytta upp: Ålder 18–75 år' }).click();
  await expect(page.getByTestId('attrition-table').locator('tbody tr').nth(1)).toContainText('Ålder 18–75 år');

  // Everything is saved without a button: a reload shows the same answer.
  await expect(page.getByTestId('save-status')).toHaveText('Sparat');
  await page.reload();
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(ecogHalf));
  await expect(page.getByTestId('attrition-table').locator('tbody tr').nth(1)).toContainText('Ålder 18–75 år');
  await expect(page.getByRole('complementary', { name: 'Kriterier' }).getByRole('checkbox', { name: 'Metastaserad sjukdom' })).not.toBeChecked();
});

test('a removed step can be brought back with Undo, and new criteria can be added', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(demo.estimate.national.point)));

  await editor.getByRole('button', { name: 'Ta bort: Tidigare anti-EGFR-behandling' }).click();
  const withoutExclusion: Study = { ...demo.study, steps: demo.study.steps.filter((s) => s.id !== 'prior-anti-egfr') };
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(withoutExclusion));
  await editor.getByRole('button', { name: 'Ångra' }).click();
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(demo.estimate.national.point)));

  // Add a sex criterion: women only.
  await editor.getByRole('button', { name: '+ Kön' }).click();
  await expect(editor.getByRole('combobox', { name: 'Kön' })).toHaveValue('female');
  const womenOnly: Study = {
    ...demo.study,
    steps: [...demo.study.steps, { id: 'step-6', type: 'inclusion', enabled: true, protocolText: '', label: 'Kön', rule: { kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } } }],
  };
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(womenOnly));
});

test('the Halland rule chosen in Settings is used and stated in the healthcare-region roll-up', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('Så räknas Hallands patienter').selectOption('vastra');
  await page.getByRole('link', { name: 'Svar' }).click();
  await expect(page.getByText('Hela Halland räknas till Västra.')).toBeVisible();
  const allToVastra = computeAnswer(demo.study, [demo.dataset], { hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } });
  const vastra = allToVastra.estimate.healthcareRegions.find((h) => h.id === 'vastra')!;
  const row = page.getByTestId('healthcare-region-table').locator('tbody tr', { hasText: 'Västra' });
  await expect(row.locator('td').nth(1)).toHaveText(sv.format(Math.round(vastra.eligible.point)));
});

test("the estimate's period narrows the data to the chosen years (a property of the estimate, not a criterion)", async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(demo.estimate.national.point)));
  await editor.getByLabel('Perioder i data').selectOption('range');
  await editor.getByLabel('Från (t.ex. 2021)').fill('2022');
  const fromYear: Study = { ...demo.study, population: { ...demo.study.population, period: { kind: 'range', from: '2022', to: '2023' } } };
  await expect(page.getByTestId('national-point')).toHaveText(expectedNational(fromYear));
  await editor.getByLabel('Från (t.ex. 2021)').fill('2030');
  await expect(editor.getByText('Ange år (2021), år-månad (2021-03) eller ISO-vecka (2021-W07), med från ≤ till.')).toBeVisible();
});

test('an imported dataset can be linked to the study, and the answer follows', async ({ page }) => {
  // Import a small register file (new cases by region of residence, like the demo).
  await page.goto('/#/datasets');
  const csv = ['Region;År;Diagnos;Antal patienter', 'Stockholms län;2022;C18;400', 'Skåne län;2022;C18;250', 'Uppsala län;2022;C20;X', ''].join('\r\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  await (await chooser).setFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByLabel('Utgivare eller källa').fill('Testregistret');
  await page.getByRole('radio', { name: 'nya fall (incidens)' }).check();
  await page.getByRole('radio', { name: 'folkbokföringsregion' }).check();
  await page.getByRole('button', { name: /^Importera/ }).last().click();
  await expect(page.getByTestId('datasets-table').locator('tbody tr')).toHaveCount(2);

  await page.getByRole('link', { name: 'Svar' }).click();
  const before = await page.getByTestId('national-interval').textContent();
  const picker = page.getByTestId('dataset-picker');
  await expect(picker.getByRole('checkbox')).toHaveCount(2);
  await picker.getByRole('checkbox', { name: /register/ }).check();
  await expect(page.getByTestId('compute-status')).toContainText('Aktuellt');
  await expect(page.getByTestId('national-interval')).not.toHaveText(before ?? '');
  await picker.getByRole('checkbox', { name: /register/ }).uncheck();
  await expect(page.getByTestId('national-interval')).toHaveText(before ?? '');
});
