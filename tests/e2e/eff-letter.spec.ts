// The Early Feedback Form has one home, the request: answers given on the request page show in the guided
// answer's forecast step and the other way round, and all of them reach the letter (read back with pdftotext).
// Under the answer, the readiness checklist blocks the export until the unit profile, the form and the warnings
// are done, and says so.
import { execFileSync } from 'node:child_process';
import { expect, expectNoA11yViolations, openApp, test } from './fixtures';
import { acknowledgeAllWarnings, READINESS_TEXT, saveUnitProfile } from './letter-readiness';

const LETTER_TIMEOUT = 240_000;
const x = READINESS_TEXT.sv;

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

test('answers given on the request page and on the forecast step are the same answers, and the letter prints them all', async ({ page }) => {
  test.setTimeout(LETTER_TIMEOUT);
  await saveUnitProfile(page, 'sv');

  // On the request page: question 1 by its suggestion, question 4 chosen, question 6 written.
  await page.goto('/#/requests/demo-request');
  let form = page.getByTestId('feedback-form');
  await form.getByTestId('question-population-present').getByRole('button', { name: x.accept }).click();
  await form.getByTestId('question-discouraging-factors').getByRole('radio', { name: 'Nej', exact: true }).check();
  await form.getByTestId('question-care-setting').getByRole('textbox').fill('Svar från förfrågans sida.');
  await expect(form.getByTestId('feedback-save-status')).toHaveText('Sparat');
  await expectNoA11yViolations(page, 'the Early Feedback Form on the request page');

  // The guided answer's forecast step shows the same answers, and takes the rest.
  await page.goto('/#/requests/demo-request/guide/forecast');
  form = page.getByTestId('feedback-form');
  await expect(form.getByTestId('question-population-present').getByRole('radio', { name: 'Ja', exact: true })).toBeChecked();
  await expect(form.getByTestId('question-discouraging-factors').getByRole('radio', { name: 'Nej', exact: true })).toBeChecked();
  await expect(form.getByTestId('question-care-setting').getByRole('textbox')).toHaveValue('Svar från förfrågans sida.');
  await expect(form.getByTestId('feedback-progress')).toHaveText('4 frågor är obesvarade (frågorna 2, 3, 5, 7): brevet kan inte skickas förrän alla är besvarade.');
  await form.getByTestId('question-recruitment-chances').getByRole('button', { name: x.accept }).click();
  await form.getByTestId('question-limiting-factors').getByRole('radio', { name: 'Konkurrerande studier', exact: true }).check();
  await form.getByTestId('question-limiting-factors').getByRole('textbox').fill('Två pågående studier i samma population.');
  await form.getByTestId('question-standard-of-care').getByRole('radio', { name: 'Ja', exact: true }).check();
  await form.getByTestId('question-relevant-clinics').getByRole('textbox').fill('Svar från prognossteget.');
  await expect(form.getByTestId('feedback-progress')).toHaveText('Alla frågor är besvarade.');
  await expect(form.getByTestId('feedback-save-status')).toHaveText('Sparat');
  await expectNoA11yViolations(page, 'the Early Feedback Form on the forecast step');

  // Back on the request page: the answers from the forecast step are there.
  await page.goto('/#/requests/demo-request');
  form = page.getByTestId('feedback-form');
  await expect(form.getByTestId('question-relevant-clinics').getByRole('textbox')).toHaveValue('Svar från prognossteget.');
  await expect(form.getByTestId('question-limiting-factors').getByRole('radio', { name: 'Konkurrerande studier', exact: true })).toBeChecked();
  // Saving the form is audited on the request.
  await expect(page.getByTestId('audit-table')).toContainText('Early Feedback Form sparat');

  // The letter, exported under the answer, prints the answers from both places.
  await openApp(page);
  await acknowledgeAllWarnings(page, 'sv');
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText(x.ready);
  const download = page.waitForEvent('download', { timeout: LETTER_TIMEOUT });
  await page.getByTestId('letter-panel').getByRole('button', { name: 'Exportera brev…' }).click();
  const text = pdfText(await (await download).path());
  expect(text).toContain('1. Finns patientpopulationen i Sverige? Ja');
  expect(text).toContain('4. Finns faktorer som kan avskräcka patienter från att delta? Nej');
  expect(text).toContain('Svar från förfrågans sida.');
  expect(text).toContain('3. Vad begränsar rekryteringen? Konkurrerande studier. Två pågående studier i samma population.');
  expect(text).toContain('Svar från prognossteget.');

  // The export is in the audit trail, in the user's language.
  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toContainText(/Svarsbrev exporterat: .+\.pdf/);
});

test('under the answer, the checklist blocks the letter until the unit profile, the form and the warnings are done', async ({ page }) => {
  test.setTimeout(LETTER_TIMEOUT);
  await openApp(page);
  const readiness = page.getByTestId('letter-readiness');
  const panel = page.getByTestId('letter-panel');
  await expect(readiness).toContainText('Enhetsprofilen saknar enhetens namn: brevet skulle sakna brevhuvud.');
  await expect(readiness).toContainText('Enhetsprofilen saknar undertecknare: brevet skulle ha en tom underskrift.');
  await expect(readiness).toContainText('Early Feedback Form: frågorna 1, 2, 3, 4, 5, 6 och 7 är obesvarade.');
  // Every warning of the demo answer is named, in Swedish, with its own acknowledgement button.
  const warnings = readiness.getByTestId('unacknowledged-warning');
  expect(await warnings.count()).toBeGreaterThan(1);
  await expect(warnings.first()).toContainText('Inte bekräftad: ');
  await expect(readiness).toContainText('Svaret bygger på syntetiska demodata (Syntetiska demodata');
  await expect(panel.getByRole('button', { name: 'Exportera brev…' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Förhandsgranska brev' })).toBeDisabled();
  await expect(page.getByTestId('letter-status')).toHaveText('Brevet kan förhandsgranskas och exporteras när allt i listan ovan är klart.');
  await expectNoA11yViolations(page, 'the letter readiness checklist under the answer');

  // The links go where each thing is put right.
  await readiness.getByRole('link', { name: 'Öppna Inställningar (enhetsprofil)' }).first().click();
  await expect(page).toHaveURL(/#\/settings$/);
  await saveUnitProfile(page, 'sv');
  await openApp(page);
  await readiness.getByRole('link', { name: 'Öppna förfrågan' }).click();
  await expect(page).toHaveURL(/#\/requests\/demo-request$/);
  await openApp(page);
  await expect(readiness).not.toContainText('Enhetsprofilen');

  // One acknowledgement removes exactly that warning; the export stays blocked while anything is left.
  const before = await warnings.count();
  await readiness.getByRole('button', { name: x.acknowledge }).first().click();
  await expect(warnings).toHaveCount(before - 1);
  await expect(panel.getByRole('button', { name: 'Exportera brev…' })).toBeDisabled();
  // The "e" shortcut says why instead of exporting.
  await page.locator('body').focus();
  await page.keyboard.press('e');
  await expect(page.getByTestId('shortcut-status')).toHaveText('Brevet kan inte exporteras just nu: Brevet kan förhandsgranskas och exporteras när allt i listan ovan är klart.');
});
