// The ADHD request with the projection to the recruitment period turned on, on the real public files
// (Socialstyrelsen's ADHD file and SCB's population by age): the switch on the criteria step, the line in the
// attrition, the trend view, and the letter's text read back with pdftotext.
//
// Where the figure comes from (worked out by hand, not by the app): the 21 län rows of methylphenidate 0–19, both
// sexes, 2016–2020, each times its county's share of 6–17 in the 0–19 population (SCB, 31 Dec 2019; Stockholm
// 344 365 / 571 226), summed per year: 23 373,2 · 23 449,4 · 23 851,2 · 25 267,8 · 27 929,2. A least-squares line
// through their logarithms (t = −2 … 2, the window's middle mid-2018) evaluated at the middle of the recruitment
// period (1 March 2027 + 12 months: 9,163 years after mid-2018), over ln 27 929,2, gives × 1,3134; its 80 %
// prediction interval, t(0,90; 3 df) = 1,638 from printed tables × s × √(1 + 1/5 + d²/10), is 1,0908–1,5814.
// Printed: "× 1,31 (1,09–1,58)". (The CLI's --project-to 2027, the middle of 2027, gives × 1,30 (1,09–1,57).)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { acknowledgeAllWarnings, answerFeedbackForm, READINESS_TEXT, saveUnitProfile } from './letter-readiness';
import { screenshotDir } from './screenshots';
import { Actor, addAge, importAdhdData, importPopulationTable, linkData, nextStep, pickDrug, realFilesPresent } from './support/adhd';

const LINE = 'Framskrivning 2020 → 2027: × 1,31 (1,09–1,58)';
/** The letter's font has no arrow: the letter prints the span of years with a dash. */
const LETTER_LINE = 'Framskrivning 2020–2027: × 1,31 (1,09–1,58)';
const TIMEOUT = 300_000;

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

test.skip(!realFilesPresent(), 'the real public files are not in ../shared/fixtures/real');

test('the ADHD answer projected to its recruitment period: the switch, the line, the trend view and the letter', async ({ page }) => {
  test.setTimeout(TIMEOUT);
  const act = new Actor(page);
  await saveUnitProfile(page, 'sv');
  await importAdhdData(act);
  await importPopulationTable(act);

  // A request for the ADHD study: the data, SCB's table for the age shares, methylphenidate, age 6–17.
  await page.goto('/#/requests');
  await page.getByRole('button', { name: 'Ny förfrågan', exact: true }).click();
  await page.getByLabel('Studiens titel').fill('NMX-301-P3');
  await expect(page.getByTestId('guide-request-save')).toHaveText('Sparat');
  await nextStep(act, 'Data');
  await linkData(act, { population: true });
  await nextStep(act, 'Kriterier');
  await pickDrug(act);
  await addAge(act, 6, 17);
  // Recruitment over 12 months (the start, 1 March 2027, is set with the sites on the forecast step).
  await page.getByLabel('Rekryteringstid (månader)', { exact: true }).fill('12');

  // Off by default: no projection line.
  const attrition = page.getByTestId('guide-attrition');
  await expect(attrition.getByRole('rowheader', { name: /^Framskrivning/ })).toHaveCount(0);
  const fields = page.getByTestId('projection-fields');
  const toggle = fields.getByRole('checkbox', { name: 'Framskriv till rekryteringsperioden' });
  await expect(toggle).not.toBeChecked();
  // By keyboard: reach the switch, turn it on.
  await act.tabTo(toggle);
  await act.press('Space');
  await expect(toggle).toBeChecked();
  await expect(fields.getByLabel('Fönster för trenden')).toHaveValue('last:5');
  await expect(fields.getByLabel('Prediktionsintervall')).toHaveValue('0.8');
  await expect(fields.getByRole('radio', { name: 'Rikets trend för alla regioner' })).toBeChecked();
  await expect(attrition.getByRole('rowheader', { name: /^Framskrivning 2020 → \d{4}: × \d,\d\d \(\d,\d\d–\d,\d\d\)$/ })).toBeVisible();
  await expectNoA11yViolations(page, 'the criteria step with the projection on');

  // The forecast step: recruitment from 1 March 2027, one site, the Early Feedback Form.
  await nextStep(act, 'Prognos');
  await page.getByText('Antaganden och kliniker', { exact: true }).click();
  const start = page.getByLabel('Rekryteringsstart (ÅÅÅÅ-MM-DD)');
  await start.fill('2027-03-01');
  await start.blur();
  await page.getByRole('button', { name: 'Lägg till klinik', exact: true }).click();
  await page.getByLabel('Patienter per månad', { exact: true }).fill('2');
  await expect(page.getByTestId('forecast-summary')).toBeVisible();
  await answerFeedbackForm(page.getByTestId('feedback-form'), 'sv');

  // The answer: the line in the attrition table, its notes, and the trend view on request.
  await nextStep(act, 'Svar');
  const table = page.getByTestId('attrition-table');
  await expect(table.getByRole('rowheader', { name: LINE })).toBeVisible();
  await expect(page.getByTestId('projection-note')).toContainText('80 %-prediktionsintervall, log-linjär trend över 2016–2020');
  await page.getByTestId('trend-show').click();
  const view = page.getByTestId('trend-view');
  await expect(view).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('trend-status')).toContainText('Trenden beräknades på');
  await expect(view.locator('[data-series="01"]')).toContainText('Stockholm');
  await expectNoA11yViolations(page, 'the answer with the projection line and the trend view');
  await view.screenshot({ path: path.join(screenshotDir(), 'trend-view.png') });

  // The letter says the line, what it rests on, and the method.
  await nextStep(act, 'Brev');
  await acknowledgeAllWarnings(page, 'sv');
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText(READINESS_TEXT.sv.ready);
  const download = page.waitForEvent('download', { timeout: TIMEOUT });
  await page.getByTestId('letter-panel').getByRole('button', { name: 'Exportera brev…' }).click();
  const text = pdfText(await (await download).path());
  expect(text).toContain(LETTER_LINE);
  expect(text).toContain(`Antalen efter raden ${LETTER_LINE} är framskrivna från 2020 till rekryteringsperioden (2027): ett antagande, inte data.`);
  expect(text).toContain(`Framskrivningen används i det här svaret: ${LETTER_LINE}.`);
  // The summary's national figure is the projected one, and says so (not only "bland patienter under 2020").
  expect(text).toContain('bland patienter under 2020 (den senaste perioden i data), framskrivet till 2027 med trenden i data (se Antaganden och källor)');
  expect(text).toContain('80 %-prediktionsintervall, log-linjär trend över 2016–2020');
  // The age-share line has its words in the attrition table (not an empty label).
  expect(text).toContain('Antagande: andel 6–17 år av åldersgruppen 0–19');
  expect(text).not.toMatch(/−0\b/);
});
