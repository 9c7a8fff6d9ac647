// Which columns of a dataset overlap, set by the user at import and on the dataset page, on the real
// Socialstyrelsen ADHD export. The figures are hand arithmetic on the file's rows (2020, "Båda könen", 0–19, the
// 21 län rows, Riket left out): methylphenidate N06BA04 46 152, lisdexamfetamine N06BA12 23 112, atomoxetine
// N06BA09 8 467, dexamfetamine N06BA02 1 356, guanfacine C02AC02 8 106.
//   all five drugs: 46 152 + 23 112 + 8 467 + 1 356 + 8 106 = 87 193; the largest 46 152
//   the ATC level N06BA (the four N06BA drugs): 46 152 + 23 112 + 8 467 + 1 356 = 79 087; the largest 46 152
// A child on two drugs is under each, so while "Läkemedel" overlaps these unions are [largest, sum]; told that
// it does not, they are the plain sums and the warning goes.
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { Actor, ADHD_FILE, DATASET, linkData, nextStep, realFilesPresent, startRequest, sv } from './support/adhd';

test.setTimeout(180_000);

const range = (low: number, high: number): RegExp => {
  const f = (n: number) => new Intl.NumberFormat('sv-SE').format(n).replace(/\s/g, '\\s');
  return new RegExp(`^${f(low)}–${f(high)}$`);
};

/** Turns "Läkemedel" on or off as overlapping on the dataset page, by keyboard, and returns to the guided answer. */
async function setDrugOverlap(act: Actor, guideUrl: string, overlaps: boolean): Promise<void> {
  const { page } = act;
  await page.goto('/#/datasets');
  await act.tabTo(page.getByRole('button', { name: `Detaljer för ${DATASET}` }));
  await act.press('Enter');
  const fields = page.getByTestId('details-overlap');
  await expect(fields).toHaveAccessibleName('Kan en person räknas under flera värden?');
  const drug = fields.getByRole('checkbox', { name: 'Läkemedel: värdena kan överlappa' });
  await expect(drug).toBeChecked({ checked: !overlaps });
  await act.tabTo(drug);
  await act.press('Space');
  await expect(drug).toBeChecked({ checked: overlaps });
  await expect(page.getByTestId('datasets-status')).toHaveText(
    `Sparat: Överlappande värden i dataset "${DATASET}" ändrade: ${overlaps ? 'Läkemedel, Region' : 'Region'}`,
  );
  // Saved in the database: a reload shows the same answer.
  await page.reload();
  await act.tabTo(page.getByRole('button', { name: `Detaljer för ${DATASET}` }));
  await act.press('Enter');
  await expect(page.getByTestId('details-overlap').getByRole('checkbox', { name: 'Läkemedel: värdena kan överlappa' })).toBeChecked({ checked: overlaps });
  if (!overlaps) await expectNoA11yViolations(page, 'dataset details with the overlap choice');
  await page.goto(guideUrl);
}

async function expectRow(page: Page, index: number, figures: { point?: number; low: number; high: number }, flagged: boolean): Promise<void> {
  const row = page.getByTestId('guide-attrition').locator('tbody tr').nth(index);
  await expect(row.locator('td .guide-range')).toHaveText(figures.low === figures.high ? new RegExp(`^${sv(figures.low).source.slice(1, -1)}(–${sv(figures.high).source.slice(1, -1)})?$`) : range(figures.low, figures.high));
  if (figures.point !== undefined) await expect(row.locator('td .guide-point')).toHaveText(sv(figures.point));
  if (flagged) await expect(row.getByRole('rowheader')).toContainText('inte personer: summerat över Läkemedel');
  else await expect(row.getByRole('rowheader')).not.toContainText('summerat över Läkemedel');
}

test('which columns overlap: asked at import, editable on the dataset page, and the answer follows', async ({ page }) => {
  test.skip(!realFilesPresent(), 'the real files of ../shared/fixtures/real are not present');
  const act = new Actor(page);

  // At import: one checkbox per column whose values could overlap, defaulted (persons treated in a year: drugs and
  // regions overlap), with one sentence of explanation. Sex and age are not asked about.
  await page.goto('/#/datasets');
  await act.chooseFile(page.getByRole('button', { name: 'Importera fil…' }), ADHD_FILE);
  await act.fill(page.getByLabel('Utgivare eller källa'), 'Socialstyrelsen, Statistikdatabas för läkemedel');
  await act.check(page.getByRole('radio', { name: 'förekomst (prevalens)' }));
  await act.check(page.getByRole('radio', { name: 'folkbokföringsregion' }));
  const asked = page.getByRole('group', { name: 'Kan en person räknas under flera värden?' });
  await expect(asked).toHaveAttribute('data-testid', 'import-overlap');
  await expect(asked.getByRole('checkbox')).toHaveCount(2);
  await expect(asked.getByRole('checkbox', { name: 'Läkemedel: värdena kan överlappa' })).toBeChecked();
  await expect(asked.getByRole('checkbox', { name: 'Region: värdena kan överlappa' })).toBeChecked();
  await expect(asked).toContainText('ett barn som hämtat ut två läkemedel');
  await expectNoA11yViolations(page, 'import preview with the overlap choice');
  await act.click(page.getByRole('button', { name: 'Importera', exact: true }));
  await expect(page.getByTestId('datasets-status')).toContainText('2 dataset importerades');

  await startRequest(act, { title: 'ADHD, överlappande läkemedel' });
  await linkData(act, { population: false });
  await nextStep(act, 'Kriterier');
  const guideUrl = page.url();

  // The ATC level N06BA from the picker: the union of four drugs.
  await act.tabTo(page.getByRole('button', { name: '+ Värde i data' }));
  await act.press('Enter');
  const picker = page.getByTestId('value-picker');
  const list = picker.getByRole('tree', { name: 'Värden i Läkemedel' });
  await act.click(list.getByRole('treeitem').filter({ hasText: /^▾N06BA\b/ }).locator('.value-code'));
  await expect(picker).toHaveCount(0);

  // Overlapping (the default): the base over five drugs and N06BA are intervals from the largest to the sum.
  await expectRow(page, 0, { low: 46_152, high: 87_193 }, true);
  await expectRow(page, 1, { low: 46_152, high: 79_087 }, true);

  // "Läkemedel" does not overlap: the plain sums, no warning about the drugs.
  await setDrugOverlap(act, guideUrl, false);
  await expectRow(page, 0, { point: 87_193, low: 87_193, high: 87_193 }, false);
  await expectRow(page, 1, { point: 79_087, low: 79_087, high: 79_087 }, false);

  // Back on: the intervals again.
  await setDrugOverlap(act, guideUrl, true);
  await expectRow(page, 0, { low: 46_152, high: 87_193 }, true);
  await expectRow(page, 1, { low: 46_152, high: 79_087 }, true);
});
