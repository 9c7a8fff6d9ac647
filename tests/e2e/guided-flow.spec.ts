// The guided answer end to end: from the Requests page, a NEW request is taken through every step
// — request, data, criteria, forecast, answer, letter — to a downloaded PDF letter using only the keyboard (Tab,
// Shift+Tab, Enter, Space, typing) and visible controls, with an axe scan of every step. Each step is saved as a
// 1280 × 720 screenshot in Swedish and English, light and dark (<lang>-<theme>-<n>-<step>.png, see screenshots.ts):
// the README shows these files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { READINESS_TEXT, saveUnitProfile } from './letter-readiness';
import { screenshotDir } from './screenshots';

// Rendering the letter loads pdfmake and its fonts and lays out several pages; on a shared 2-core machine this
// takes far longer than the default timeout (as in letter.spec.ts).
const FLOW_TIMEOUT = 300_000;
const STEPS = ['request', 'data', 'criteria', 'forecast', 'answer', 'letter'] as const;
type Step = (typeof STEPS)[number];

const TEXT = {
  sv: {
    requests: 'Förfrågningar',
    newRequest: 'Ny förfrågan',
    heading: (title: string) => `Guidat svar: ${title}`,
    untitled: '(utan titel)',
    steps: { request: 'Förfrågan', data: 'Data', criteria: 'Kriterier', forecast: 'Prognos', answer: 'Svar', letter: 'Brev' } as Record<Step, string>,
    stepsNav: 'Steg i det guidade svaret',
    done: 'Klart',
    next: (step: string) => `Nästa: ${step} →`,
    title: 'Studiens titel',
    sponsor: 'Sponsor',
    sponsorReference: 'Sponsorns referens',
    protocolNumber: 'Protokollnummer',
    saved: 'Sparat',
    dataset: /Syntetiska demodata/,
    linked: '1 dataset kopplat.',
    addAge: '+ Ålder',
    ageStep: 'Ålder',
    inputs: 'Antaganden och kliniker',
    addSite: 'Lägg till klinik',
    siteRate: 'Patienter per månad',
    notReady: 'Brevet kan inte exporteras ännu',
    ready: 'Allt är klart: brevet kan förhandsgranskas och exporteras.',
    exportLetter: 'Exportera brev…',
    letterFile: /^svarsbrev-.*\.pdf$/,
    title1: 'Fas III-studie, kolorektalcancer (guidad)',
  },
  en: {
    requests: 'Requests',
    newRequest: 'New request',
    heading: (title: string) => `Guided answer: ${title}`,
    untitled: '(untitled)',
    steps: { request: 'Request', data: 'Data', criteria: 'Criteria', forecast: 'Forecast', answer: 'Answer', letter: 'Letter' } as Record<Step, string>,
    stepsNav: 'Steps of the guided answer',
    done: 'Done',
    next: (step: string) => `Next: ${step} →`,
    title: 'Study title',
    sponsor: 'Sponsor',
    sponsorReference: "Sponsor's reference",
    protocolNumber: 'Protocol number',
    saved: 'Saved',
    dataset: /Syntetiska demodata/,
    linked: '1 dataset linked.',
    addAge: '+ Age',
    ageStep: 'Age',
    inputs: 'Assumptions and sites',
    addSite: 'Add site',
    siteRate: 'Patients per month',
    notReady: 'The letter cannot be exported yet',
    ready: 'All done: the letter can be previewed and exported.',
    exportLetter: 'Export letter…',
    letterFile: /^feasibility-letter-.*\.pdf$/,
    title1: 'Phase III study, colorectal cancer (guided)',
  },
} as const;

type Lang = keyof typeof TEXT & keyof typeof READINESS_TEXT;
type Theme = 'light' | 'dark';

/** Presses Tab until `target` has the focus (the way a keyboard user reaches a control); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
}

async function setUp(page: Page, lang: Lang, theme: Theme): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => localStorage.setItem('antal.theme', t), theme);
  if (lang === 'en') {
    await page.goto('/#/settings');
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  // The unit profile (letterhead and signature) is set once in Settings, before any request.
  await saveUnitProfile(page, lang);
}

/** Answers the Early Feedback Form by keyboard: suggestions 1–3 accepted, "no" to 4, "yes" to 5, text for 6 and 7. */
async function answerFormByKeyboard(page: Page, lang: Lang): Promise<void> {
  const x = READINESS_TEXT[lang];
  const form = page.getByTestId('feedback-form');
  for (const id of ['population-present', 'recruitment-chances', 'limiting-factors']) {
    await tabTo(page, form.getByTestId(`question-${id}`).getByRole('button', { name: x.accept }));
    await page.keyboard.press('Enter');
    await expect(form.getByTestId(`question-${id}`).getByRole('button', { name: x.accept })).toHaveCount(0);
  }
  // In a radio group no option is chosen yet: Tab reaches its first option (yes); the arrow key moves to "no".
  await tabTo(page, form.getByTestId('question-discouraging-factors').getByRole('radio', { name: x.options.yes, exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(form.getByTestId('question-discouraging-factors').getByRole('radio', { name: x.options.no, exact: true })).toBeChecked();
  await tabTo(page, form.getByTestId('question-standard-of-care').getByRole('radio', { name: x.options.yes, exact: true }));
  await page.keyboard.press('Space');
  await expect(form.getByTestId('question-standard-of-care').getByRole('radio', { name: x.options.yes, exact: true })).toBeChecked();
  await tabTo(page, form.getByTestId('question-care-setting').getByRole('textbox'));
  await page.keyboard.type(CARE_SETTING);
  await tabTo(page, form.getByTestId('question-relevant-clinics').getByRole('textbox'));
  await page.keyboard.type('Kolorektalkirurgi och onkologi.');
  await expect(form.getByTestId('feedback-progress')).toHaveText(x.allAnswered);
}

/** Acknowledges every warning of the answer on the letter step by keyboard; returns how many there were. */
async function acknowledgeByKeyboard(page: Page, lang: Lang): Promise<number> {
  const buttons = page.getByTestId('letter-readiness').getByRole('button', { name: READINESS_TEXT[lang].acknowledge });
  let count = 0;
  while ((await buttons.count()) > 0) {
    const before = await buttons.count();
    await tabTo(page, buttons.first());
    await page.keyboard.press('Enter');
    await expect(buttons).toHaveCount(before - 1);
    count += 1;
  }
  return count;
}

const CARE_SETTING = 'Universitetssjukhusens kolorektalteam.';

/** Scans the step, checks it fits 1280 px without sideways scrolling, and saves its screenshot. */
async function checkStep(page: Page, lang: Lang, theme: Theme, step: Step): Promise<void> {
  await expectNoA11yViolations(page, `guided answer, step ${step} (${lang}, ${theme})`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `step ${step} scrolls sideways at 1280 px`).toBeLessThanOrEqual(1280);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshotDir()}/${lang}-${theme}-${STEPS.indexOf(step) + 1}-${step}.png` });
}

function stepItem(page: Page, lang: Lang, step: Step): Locator {
  return page.getByRole('navigation', { name: TEXT[lang].stepsNav }).getByRole('listitem').filter({ hasText: TEXT[lang].steps[step] }).first();
}

async function expectCurrent(page: Page, lang: Lang, step: Step): Promise<void> {
  await expect(page.getByRole('navigation', { name: TEXT[lang].stepsNav }).locator('[aria-current="step"]')).toContainText(TEXT[lang].steps[step]);
}

async function next(page: Page, lang: Lang, to: Step): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: TEXT[lang].next(TEXT[lang].steps[to]) }));
  await page.keyboard.press('Enter');
  await expectCurrent(page, lang, to);
}

async function guidedFlow(page: Page, lang: Lang, theme: Theme): Promise<void> {
  const x = TEXT[lang];
  await setUp(page, lang, theme);
  await page.goto('/#/requests');
  await expect(page.getByRole('heading', { level: 1, name: x.requests })).toBeVisible();

  // Intake: "New request" opens the guide at its first step.
  await tabTo(page, page.getByRole('button', { name: x.newRequest, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: x.heading(x.untitled) })).toBeVisible();
  await expectCurrent(page, lang, 'request');
  await expect(stepItem(page, lang, 'data')).toHaveAttribute('data-state', 'todo');
  await expect(stepItem(page, lang, 'letter')).toHaveAttribute('data-state', 'blocked');

  // 1. Request: title and sponsor, saved automatically.
  await tabTo(page, page.getByLabel(x.title));
  await page.keyboard.type(x.title1);
  await tabTo(page, page.getByLabel(x.sponsor, { exact: true }));
  await page.keyboard.type('DEMO Pharma AB');
  await tabTo(page, page.getByLabel(x.sponsorReference, { exact: true }));
  await page.keyboard.type('SPON-GUIDE-7');
  await tabTo(page, page.getByLabel(x.protocolNumber, { exact: true }));
  await page.keyboard.type('GUIDE-7-P3');
  await expect(page.getByTestId('guide-request-save')).toHaveText(x.saved);
  await expect(page.getByRole('heading', { level: 1, name: x.heading(x.title1) })).toBeVisible();
  await expect(stepItem(page, lang, 'request')).toHaveAttribute('data-state', 'done');
  await checkStep(page, lang, theme, 'request');
  await next(page, lang, 'data');

  // 2. Data: link the demo dataset.
  await tabTo(page, page.getByRole('checkbox', { name: x.dataset }));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('guide-data-status')).toHaveText(x.linked);
  // The only linked dataset cannot be unticked, but it keeps the keyboard focus (Tab goes on from here).
  await expect(page.getByRole('checkbox', { name: x.dataset })).toBeFocused();
  await expect(page.getByRole('checkbox', { name: x.dataset })).toHaveAttribute('aria-disabled', 'true');
  await expect(stepItem(page, lang, 'data')).toHaveAttribute('data-state', 'done');
  await expect(stepItem(page, lang, 'criteria')).toHaveAttribute('data-state', 'todo');
  await checkStep(page, lang, theme, 'data');
  await next(page, lang, 'criteria');

  // 3. Criteria: an age limit; the compact attrition shows it at once.
  await tabTo(page, page.getByRole('button', { name: x.addAge, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guide-attrition').getByRole('rowheader', { name: new RegExp(`^${x.ageStep}`) })).toBeVisible();
  await expect(stepItem(page, lang, 'criteria')).toHaveAttribute('data-state', 'done');
  await checkStep(page, lang, theme, 'criteria');
  await next(page, lang, 'forecast');

  // 4. Forecast: one recruiting site, and the Early Feedback Form beside it (the request's own form).
  await tabTo(page, page.getByText(x.inputs, { exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: x.addSite, exact: true }));
  await page.keyboard.press('Enter');
  // A new site has no rate until the coordinator gives one (patients per site per month).
  await tabTo(page, page.getByLabel(x.siteRate, { exact: true }));
  await page.keyboard.type('2');
  await expect(page.getByTestId('forecast-summary')).toBeVisible();
  await expect(stepItem(page, lang, 'forecast')).toHaveAttribute('data-state', 'todo');
  await answerFormByKeyboard(page, lang);
  await expect(stepItem(page, lang, 'forecast')).toHaveAttribute('data-state', 'done');
  await checkStep(page, lang, theme, 'forecast');
  await next(page, lang, 'answer');

  // 5. The answer.
  await expect(page.getByTestId('national-point')).toBeVisible();
  await expect(page.getByTestId('letter-panel')).toHaveCount(0);
  await checkStep(page, lang, theme, 'answer');
  await next(page, lang, 'letter');

  // 6. The letter: the answer's warnings are acknowledged one by one (the export is blocked until then), the
  // checklist is complete, the export downloads a PDF, and the step is done.
  const exportDisabled = page.getByTestId('letter-panel').getByRole('button', { name: x.exportLetter });
  await expect(exportDisabled).toBeDisabled();
  expect(await acknowledgeByKeyboard(page, lang)).toBeGreaterThan(0);
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText(x.ready);
  await checkStep(page, lang, theme, 'letter');
  const exportButton = page.getByTestId('letter-panel').getByRole('button', { name: x.exportLetter });
  await tabTo(page, exportButton);
  const download = page.waitForEvent('download', { timeout: FLOW_TIMEOUT });
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(x.letterFile);
  const pdf = await file.path();
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The letter carries the sponsor's reference, the protocol number and the form's answers given on the forecast step.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const fact of ['SPON-GUIDE-7', 'GUIDE-7-P3', CARE_SETTING, 'Prövningsenheten Syd', 'Åsa Öberg']) expect(text).toContain(fact);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  await expect(stepItem(page, lang, 'letter')).toHaveAttribute('data-state', 'done');
  for (const step of STEPS) await expect(stepItem(page, lang, step)).toHaveAttribute('data-state', 'done');
}

// The whole flow by keyboard takes about 35 s per variant on a quiet machine (most of it rendering the letter).
for (const [lang, theme] of [
  ['sv', 'light'],
  ['en', 'dark'],
  ['sv', 'dark'],
  ['en', 'light'],
] as const) {
  test(`a new request to a downloaded letter with the keyboard alone (${lang}, ${theme})`, async ({ page }) => {
    test.setTimeout(FLOW_TIMEOUT);
    await guidedFlow(page, lang, theme);
  });
}

test('the letter says exactly what is missing, and edits survive jumping between steps and a reload', async ({ page }) => {
  test.setTimeout(FLOW_TIMEOUT);
  const x = TEXT.sv;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/requests');
  await page.getByRole('button', { name: x.newRequest, exact: true }).click();
  await expectCurrent(page, 'sv', 'request');

  // Straight to the letter: every missing piece is named, with a link to the step (or the setting) that fixes it.
  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Brev/ }).click();
  const readiness = page.getByTestId('letter-readiness');
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText('Brevet kan inte exporteras ännu: 7 saker saknas.');
  for (const line of [
    'Förfrågan saknar titel.',
    'Inget dataset är kopplat.',
    'Inga kriterier är påslagna.',
    'Ingen rekryterande klinik i prognosen.',
    'Early Feedback Form: frågorna 1, 2, 3, 4, 5, 6 och 7 är obesvarade.',
    'Enhetsprofilen saknar enhetens namn: brevet skulle sakna brevhuvud.',
    'Enhetsprofilen saknar undertecknare: brevet skulle ha en tom underskrift.',
  ])
    await expect(readiness).toContainText(line);
  await expect(readiness.getByRole('link', { name: 'Öppna Inställningar (enhetsprofil)' })).toHaveCount(2);
  await expect(stepItem(page, 'sv', 'letter')).toContainText('titel saknas, inget dataset kopplat, inga kriterier, ingen rekryterande klinik, Early Feedback Form obesvarat, enhetens namn saknas, undertecknare saknas');
  await expectNoA11yViolations(page, 'letter step of a new request');

  // A title typed and left at once for another step (before its autosave pause) is kept.
  await readiness.getByRole('link', { name: 'Gå till steget Förfrågan' }).click();
  await page.getByLabel(x.title).fill('Sparas vid stegbyte');
  await page.getByRole('button', { name: x.next(x.steps.data) }).click();
  await page.getByRole('checkbox', { name: x.dataset }).check();
  await expect(page.getByTestId('guide-data-status')).toHaveText(x.linked);
  // A criterion added and left at once for another step is kept too.
  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Kriterier/ }).click();
  await page.getByRole('button', { name: x.addAge, exact: true }).click();
  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Prognos/ }).click();
  await expectCurrent(page, 'sv', 'forecast');
  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Brev/ }).click();
  await expect(readiness).toContainText('Ingen rekryterande klinik i prognosen.');
  await expect(readiness).not.toContainText('Inga kriterier är påslagna.');
  await expect(page.getByTestId('letter-panel').getByRole('button', { name: x.exportLetter })).toBeDisabled();
  const summary = (await page.getByTestId('letter-readiness-summary').textContent()) ?? '';

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: x.heading('Sparas vid stegbyte') })).toBeVisible();
  await expect(stepItem(page, 'sv', 'criteria')).toHaveAttribute('data-state', 'done');
  await expect(readiness).toContainText('Ingen rekryterande klinik i prognosen.');
  await expect(page.getByTestId('letter-readiness-summary')).toHaveText(summary);

  // A reload right after typing, without leaving the step (well within the autosave pause), loses nothing either:
  // the request's title, a criterion, and an answer of the Early Feedback Form.
  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Förfrågan/ }).click();
  await page.getByLabel(x.title).fill('Sparas vid omladdning');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: x.heading('Sparas vid omladdning') })).toBeVisible();
  await expect(page.getByLabel(x.title)).toHaveValue('Sparas vid omladdning');

  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Kriterier/ }).click();
  const ageRows = page.getByTestId('guide-attrition').getByRole('rowheader', { name: new RegExp(`^${x.ageStep}`) });
  await expect(ageRows).toHaveCount(1);
  await page.getByRole('button', { name: x.addAge, exact: true }).click();
  await expect(ageRows).toHaveCount(2);
  await page.reload();
  await expect(ageRows).toHaveCount(2);

  await page.getByRole('navigation', { name: x.stepsNav }).getByRole('link', { name: /Prognos/ }).click();
  const careSetting = page.getByTestId('feedback-form').getByTestId('question-care-setting').getByRole('textbox');
  await careSetting.fill('Skrivet strax före omladdningen.');
  await page.reload();
  await expect(careSetting).toHaveValue('Skrivet strax före omladdningen.');
});
