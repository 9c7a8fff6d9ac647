/**
 * The ADHD request's browser steps on the real public files, shared by the tests that replay it: import the
 * Socialstyrelsen ADHD file (patients treated in a year, by region of residence) and SCB's population by county ×
 * single year of age (as the population table for age shares) through the import form, start a request in the
 * guided answer, link the data, choose the population table, keep the basis the data has, pick N06BA04 from the
 * value picker by keyboard and limit the age to 6–17.
 *
 * Every action goes through an `Actor`, which counts what a user does (clicks, key presses, fills, moves of the
 * focus to a control) so a test can report how many actions the request takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

export const REAL_DIR = path.resolve(__dirname, '../../../../shared/fixtures/real');
export const ADHD_FILE = path.join(REAL_DIR, 'socialstyrelsen_2022-02-18.csv');
export const POPULATION_FILE = path.join(REAL_DIR, 'BE0101N1_20230704-171432.csv');
/** Both real files are there (a test skips, never passes, without them). */
export const realFilesPresent = (): boolean => existsSync(ADHD_FILE) && existsSync(POPULATION_FILE);

/** The datasets the import stores: the ADHD file's patients (one dataset per measure) and SCB's population. */
export const DATASET = 'socialstyrelsen_2022-02-18 – Antal patienter';
export const POPULATION = 'BE0101N1_20230704-171432 – Population';

/** "46 152" as sv-SE prints it (a no-break space between thousands), as a whole-text pattern. */
export const sv = (n: number): RegExp => new RegExp(`^${new Intl.NumberFormat('sv-SE').format(n).replace(/\s/g, '\\s')}$`);

/** What a user did, by kind. `moves` are focus moves to a control (one Tab run, or one pointing with the mouse). */
export interface ActionCount {
  clicks: number;
  keys: number;
  fills: number;
  moves: number;
  tabs: number;
}

/**
 * Performs a user's actions and counts them. `total` is what a mouse-and-keyboard user does: every click, key press
 * (other than Tab) and fill, plus one per control reached (the Tab presses a keyboard user needs are in `tabs`).
 */
export class Actor {
  readonly count: ActionCount = { clicks: 0, keys: 0, fills: 0, moves: 0, tabs: 0 };

  constructor(readonly page: Page) {}

  get total(): number {
    return this.count.clicks + this.count.keys + this.count.fills + this.count.moves;
  }

  /** Presses Tab until `target` has the focus, the way a keyboard user reaches a control. */
  async tabTo(target: Locator, max = 300): Promise<void> {
    await expect(target).toBeVisible();
    this.count.moves += 1;
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
      this.count.tabs += 1;
    }
    throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
  }

  async press(key: string): Promise<void> {
    this.count.keys += 1;
    await this.page.keyboard.press(key);
  }

  /** Types text into the focused control: one fill. */
  async type(text: string): Promise<void> {
    this.count.fills += 1;
    await this.page.keyboard.type(text);
  }

  async click(target: Locator): Promise<void> {
    this.count.clicks += 1;
    await target.click();
  }

  async fill(target: Locator, text: string): Promise<void> {
    this.count.moves += 1;
    this.count.fills += 1;
    await target.fill(text);
  }

  async check(target: Locator): Promise<void> {
    this.count.clicks += 1;
    await target.check();
  }

  async select(target: Locator, option: { label: string }): Promise<void> {
    this.count.clicks += 2; // open the list, take the option
    await target.selectOption(option);
  }

  /** Chooses a file in the browser's file dialog opened by `button`: the click and the choice. */
  async chooseFile(button: Locator, file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.click(button);
    this.count.clicks += 1;
    await (await chooser).setFiles({ name: path.basename(file), mimeType: 'text/csv', buffer: readFileSync(file) });
  }
}

/**
 * Imports the ADHD file as a coordinator does: patients treated in a year (prevalence), region of residence. The
 * import stores one dataset per measure it finds (patients and dispensings).
 */
export async function importAdhdData(act: Actor): Promise<void> {
  const { page } = act;
  await page.goto('/#/datasets');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  await act.chooseFile(page.getByRole('button', { name: 'Importera fil…' }), ADHD_FILE);
  await act.fill(page.getByLabel('Utgivare eller källa'), 'Socialstyrelsen, Statistikdatabas för läkemedel');
  await act.check(page.getByRole('radio', { name: 'förekomst (prevalens)' }));
  await act.check(page.getByRole('radio', { name: 'folkbokföringsregion' }));
  await act.click(page.getByRole('button', { name: 'Importera', exact: true }));
  await expect(page.getByTestId('datasets-status')).toContainText('2 dataset importerades');
}

/** Imports SCB's population 31 Dec 2019 by county × single year of age: its one measure is read as a population. */
export async function importPopulationTable(act: Actor): Promise<void> {
  const { page } = act;
  await page.goto('/#/datasets');
  await act.chooseFile(page.getByRole('button', { name: 'Importera fil…' }), POPULATION_FILE);
  // The reader recognises the file as it is: Windows-1252, comma-separated, region × age, one population column.
  // Its only measure is kept without ticking it, and the form does not ask whether residents are new cases or
  // patients in a period (they are neither): only where they are counted, by residence.
  await expect(page.getByRole('checkbox', { name: 'Population – befolkning, 2 121 celler' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Vad räknas?' })).toHaveCount(0);
  await act.fill(page.getByLabel('Utgivare eller källa'), 'SCB, Befolkningsstatistik');
  await act.check(page.getByRole('radio', { name: 'folkbokföringsregion' }));
  await act.click(page.getByRole('button', { name: 'Importera', exact: true }));
  await expect(page.getByTestId('datasets-status')).toContainText('1 dataset importerades');
}

export interface RequestFields {
  title: string;
  sponsor?: string;
  sponsorReference?: string;
  protocolNumber?: string;
}

/** The guide's "Next: … →" button to `step`, reached and pressed by keyboard. */
export async function nextStep(act: Actor, step: 'Data' | 'Kriterier' | 'Prognos' | 'Svar' | 'Brev'): Promise<void> {
  await act.tabTo(act.page.getByRole('button', { name: `Nästa: ${step} →` }));
  await act.press('Enter');
  await expect(act.page.getByRole('navigation', { name: 'Steg i det guidade svaret' }).locator('[aria-current="step"]')).toContainText(step);
}

/** A new request in the guided answer, its fields typed, and on to the data step. */
export async function startRequest(act: Actor, fields: RequestFields): Promise<void> {
  const { page } = act;
  await page.goto('/#/requests');
  await act.tabTo(page.getByRole('button', { name: 'Ny förfrågan', exact: true }));
  await act.press('Enter');
  await act.tabTo(page.getByLabel('Studiens titel'));
  await act.type(fields.title);
  for (const [label, value] of [
    ['Sponsor', fields.sponsor],
    ['Sponsorns referens', fields.sponsorReference],
    ['Protokollnummer', fields.protocolNumber],
  ] as const) {
    if (value === undefined) continue;
    await act.tabTo(page.getByLabel(label, { exact: true }));
    await act.type(value);
  }
  await expect(page.getByTestId('guide-request-save')).toHaveText('Sparat');
  await nextStep(act, 'Data');
}

/**
 * The data step: link the ADHD patients' dataset (not the population table: that one is not patients, it only
 * weighs age bands) and, optionally, choose SCB's table as the study's population table.
 */
export async function linkData(act: Actor, { population }: { population: boolean }): Promise<void> {
  const { page } = act;
  await act.tabTo(page.getByRole('checkbox', { name: DATASET }));
  await act.press('Space');
  await expect(page.getByTestId('guide-data-status')).toHaveText('1 dataset kopplat.');
  if (population) {
    const select = page.getByTestId('population-picker').getByLabel('Befolkningstabell för åldersandelar');
    await act.tabTo(select);
    await act.select(select, { label: POPULATION });
    await expect(page.getByTestId('age-weighting')).toHaveText(`Svaret delar åldersgrupper efter befolkningen i ${POPULATION}.`);
  }
}

/** The study's basis as the data has it: patients treated in a period (prevalence), persons, region of residence. */
export async function expectBasisFromData(page: Page): Promise<Locator> {
  const basis = page.getByTestId('study-basis-fields');
  await expect(basis.getByRole('radio', { name: 'Patienter under en period (prevalens)' })).toBeChecked();
  await expect(basis.getByRole('radio', { name: 'Personer' })).toBeChecked();
  await expect(basis.getByRole('radio', { name: 'Folkbokföringsregion' })).toBeChecked();
  await expect(basis.getByTestId('basis-default')).toHaveText('Förvalt från data: patienter under en period (prevalens), personer, efter folkbokföringsregion.');
  return basis;
}

/** Opens the value picker, searches the drug by code and takes it with Enter, all by keyboard. */
export async function pickDrug(act: Actor, code = 'N06BA04', label = 'Läkemedel: N06BA04 Metylfenidat'): Promise<void> {
  const { page } = act;
  await act.tabTo(page.getByRole('button', { name: '+ Värde i data' }));
  await act.press('Enter');
  const picker = page.getByTestId('value-picker');
  const search = picker.getByRole('combobox', { name: 'Sök kod eller namn' });
  await act.tabTo(search);
  await act.type(code);
  const active = await search.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toContainText(code);
  await act.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(page.locator('li.step', { hasText: label }).locator('.step-label')).toHaveText(label);
}

/** Adds an age criterion from `min` to `max` years by keyboard (its lower limit first: a new one starts at 18). */
export async function addAge(act: Actor, min: number, max: number): Promise<void> {
  const { page } = act;
  await act.tabTo(page.getByRole('button', { name: '+ Ålder', exact: true }));
  await act.press('Enter');
  const step = page.locator('li.step').filter({ has: page.getByLabel('Lägsta ålder (år)') }).last();
  await act.tabTo(step.getByLabel('Lägsta ålder (år)'));
  await act.press('Control+A');
  await act.type(String(min));
  await act.tabTo(step.getByLabel('Högsta ålder (år)'));
  await act.press('Control+A');
  await act.type(String(max));
  await expect(step.locator('.step-summary')).toHaveText(`Ålder ${min}–${max} år`);
  // The new step's default label ("Ålder") follows the criterion, so the attrition and the letter say which ages.
  await expect(step.locator('.step-label')).toHaveText(`Ålder ${min}–${max} år`);
  await expect(page.getByTestId('guide-attrition').getByRole('rowheader', { name: new RegExp(`^Ålder ${min}–${max} år`) })).toBeVisible();
  await expect(page.getByTestId('guide-attrition').getByRole('rowheader', { name: new RegExp(`^Antagande: andel ${min}–${max} år av åldersgruppen`) })).toBeVisible();
}

/**
 * The ADHD request up to its criteria: both files imported, a request started, the data linked with SCB's table as
 * the population table, the basis the data's, N06BA04 from the picker and age 6–17.
 */
export async function adhdRequestToCriteria(act: Actor, fields: RequestFields): Promise<void> {
  await importAdhdData(act);
  await importPopulationTable(act);
  await startRequest(act, fields);
  await linkData(act, { population: true });
  await nextStep(act, 'Kriterier');
  await expectBasisFromData(act.page);
  await pickDrug(act);
  await addAge(act, 6, 17);
}
