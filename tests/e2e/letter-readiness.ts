/**
 * What a letter needs before it may leave, done the way a coordinator does it: the unit profile in Settings, the
 * Early Feedback Form's answers, and an acknowledgement of each warning of the answer. Shared by the browser tests
 * that export letters.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openApp } from './fixtures';

export const READINESS_TEXT = {
  sv: {
    settingsLanguage: 'Språk',
    unitName: 'Enhetens namn',
    signatory: 'Undertecknare',
    save: 'Spara',
    saved: /Sparat/,
    accept: 'Använd förslaget',
    acknowledge: 'Jag har läst varningen – bekräfta',
    options: { yes: 'Ja', no: 'Nej', unknown: 'Vet ej' },
    answer: 'Svar',
    allAnswered: 'Alla frågor är besvarade.',
    formSaved: 'Sparat',
    ready: 'Allt är klart: brevet kan förhandsgranskas och exporteras.',
  },
  en: {
    settingsLanguage: 'Language',
    unitName: 'Unit name',
    signatory: 'Signatory',
    save: 'Save',
    saved: /Saved/,
    accept: 'Use the suggestion',
    acknowledge: 'I have read the warning – acknowledge',
    options: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
    answer: 'Answer',
    allAnswered: 'Every question is answered.',
    formSaved: 'Saved',
    ready: 'All done: the letter can be previewed and exported.',
  },
} as const;

export type Lang = keyof typeof READINESS_TEXT;

/** Fills the unit profile (name and signatory) in Settings and saves it. */
export async function saveUnitProfile(page: Page, lang: Lang, unit = { name: 'Prövningsenheten Syd', signatory: 'Åsa Öberg' }): Promise<void> {
  const x = READINESS_TEXT[lang];
  await page.goto('/#/settings');
  await page.getByLabel(x.unitName, { exact: true }).fill(unit.name);
  await page.getByLabel(x.signatory, { exact: true }).fill(unit.signatory);
  const form = page.locator('form').filter({ has: page.getByLabel(x.unitName, { exact: true }) });
  await form.getByRole('button', { name: x.save, exact: true }).click();
  await expect(form.getByRole('status')).toHaveText(x.saved);
}

/**
 * Answers every question of the Early Feedback Form in `form` with the mouse: the suggestions of questions 1–3
 * accepted, "no" to question 4, "yes" to 5, and the two text questions written.
 */
export async function answerFeedbackForm(form: Locator, lang: Lang, texts = { careSetting: 'Barn- och ungdomspsykiatri (BUP).', clinics: 'BUP-kliniker vid universitetssjukhus.' }): Promise<void> {
  const x = READINESS_TEXT[lang];
  for (const id of ['population-present', 'recruitment-chances', 'limiting-factors']) {
    await form.getByTestId(`question-${id}`).getByRole('button', { name: x.accept }).click();
  }
  await form.getByTestId('question-discouraging-factors').getByRole('radio', { name: x.options.no, exact: true }).check();
  await form.getByTestId('question-standard-of-care').getByRole('radio', { name: x.options.yes, exact: true }).check();
  await form.getByTestId('question-care-setting').getByRole('textbox').fill(texts.careSetting);
  await form.getByTestId('question-relevant-clinics').getByRole('textbox').fill(texts.clinics);
  await expect(form.getByTestId('feedback-progress')).toHaveText(x.allAnswered);
  await expect(form.getByTestId('feedback-save-status')).toHaveText(x.formSaved);
}

/** Presses every "acknowledge" button of the readiness checklist until no warning is left unacknowledged. */
export async function acknowledgeAllWarnings(page: Page, lang: Lang): Promise<number> {
  const readiness = page.getByTestId('letter-readiness');
  const buttons = readiness.getByRole('button', { name: READINESS_TEXT[lang].acknowledge });
  let pressed = 0;
  while ((await buttons.count()) > 0) {
    const before = await buttons.count();
    await buttons.first().click();
    await expect(buttons).toHaveCount(before - 1);
    pressed += 1;
  }
  return pressed;
}

/**
 * The demo answer made ready to send, as a coordinator would: the unit profile, the demo request's Early Feedback
 * Form, and the answer's warnings acknowledged under the answer. Ends on the answer page with the checklist green.
 */
export async function readyDemoLetter(page: Page, lang: Lang = 'sv'): Promise<void> {
  await saveUnitProfile(page, lang);
  await page.goto('/#/requests/demo-request');
  await answerFeedbackForm(page.getByTestId('feedback-form'), lang);
  await openApp(page);
  await expect(page.getByTestId('letter-readiness')).toBeVisible();
  await acknowledgeAllWarnings(page, lang);
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText(READINESS_TEXT[lang].ready);
}
