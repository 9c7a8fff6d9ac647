// A feasibility request from intake to answer: a coordinator registers a request, links a dataset, builds its
// criteria, answers the Early Feedback Form and marks it answered; the dashboard, the statistics, the versions
// and the audit trail follow, and everything is still there after a reload.
import { computeAnswer } from '../../shared/answer/compute-answer';
import type { CriterionStep } from '../../shared/criteria/study';
import { runDemo } from '../../shared/demo/run-demo';
import { blankRequest, blankStudyFor } from '../../shared/requests/create';
import { expect, expectNoA11yViolations, test } from './fixtures';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const demo = runDemo();
const TITLE = 'Fas II-studie, astma hos vuxna';

test('a request goes from intake to a frozen answer, and the dashboard, statistics and audit trail follow', async ({ page }) => {
  // A long journey with five accessibility scans, on machines shared by several test runs.
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(demo.estimate.national.point)));

  // The demo study is listed as the demo request, with its confidentiality marking.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Förfrågningar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förfrågningar' })).toBeVisible();
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('requests-table')).toContainText('Sekretess enligt OSL (2009:400)');
  await expect(page.getByTestId('dashboard').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('turnaround')).toContainText('Inga besvarade förfrågningar ännu.');
  await expectNoA11yViolations(page, 'requests list');

  // Intake: a new Country Feasibility request with its details.
  await page.getByRole('button', { name: 'Ny förfrågan' }).click();
  await page.getByRole('link', { name: /^Hela förfrågan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '(utan titel)' })).toBeVisible();
  await expect(page.getByTestId('confidentiality').first()).toHaveText('Sekretess enligt OSL (2009:400)');
  const form = page.getByRole('form', { name: 'Uppgifter om förfrågan' });
  await form.getByLabel('Studiens titel').fill(TITLE);
  await form.getByLabel('Terapiområde').fill('Lungmedicin');
  await form.getByLabel('Mål (antal patienter)').fill('tio');
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(form.getByText('Ange ett positivt heltal, eller lämna tomt.')).toBeVisible();
  await expect(form.getByLabel('Mål (antal patienter)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Mål (antal patienter)').fill('60');
  await form.getByLabel('Vårt diarienummer / lokala referens').fill('Dnr 2026/42');
  await form.getByLabel('Handläggare').fill('Anna Andersson');
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(page.getByTestId('request-save-status')).toHaveText('Sparat');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('Inget dataset är kopplat ännu', { exact: false })).toBeVisible();
  await expect(page.getByTestId('feedback-form')).toContainText('Inga förslag: koppla ett dataset');
  await expectNoA11yViolations(page, 'new request');

  // Link the dataset, then build the criteria in the answer view's editor.
  await page.getByTestId('dataset-picker').getByRole('checkbox', { name: /Syntetiska demodata/ }).check();
  await expect(page.getByText('Inget dataset är kopplat ännu', { exact: false })).toBeHidden();
  await page.getByRole('link', { name: 'Öppna svar och kriterier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const request = blankRequest('r', 's', new Date());
  const blank = blankStudyFor({ ...request, targetPatients: 60 }, demo.study);
  const base = computeAnswer(blank, [demo.dataset], { hallandRule: demo.hallandRule });
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(base.estimate.national.point)));
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  await editor.getByRole('button', { name: '+ Kön' }).click();
  const sexStep: CriterionStep = { id: 'step-1', type: 'inclusion', enabled: true, protocolText: '', label: 'Kön', rule: { kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } } };
  const women = computeAnswer({ ...blank, steps: [sexStep] }, [demo.dataset], { hallandRule: demo.hallandRule });
  await expect(page.getByTestId('national-point')).toHaveText(sv.format(Math.round(women.estimate.national.point)));
  await expect(page.getByTestId('save-status')).toHaveText('Sparat');

  // Back to the request: the Early Feedback Form suggests from the estimate; accept one, answer others.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Förfrågningar', exact: true }).click();
  await page.getByTestId('requests-table').getByRole('link', { name: TITLE }).click();
  await expect(page.getByText('1 kriterium.')).toBeVisible();
  const eff = page.getByTestId('feedback-form');
  // The new request's study has no sites, so there is no forecast and no suggestion for question 2; question 3
  // names the funnel step that loses most: consent at the default 60 % loses 40 %, more than the sex criterion
  // (the demo's women are well over 60 % of its patients, breast cancer included).
  await expect(page.getByTestId('suggestion-limiting-factors')).toContainText('Förslag: Annat – steget som tappar mest är samtycke (40');
  await expect(page.getByTestId('suggestion-recruitment-chances')).toHaveCount(0);
  expect(1 - women.estimate.national.point / women.estimate.attrition[0]!.total.point).toBeLessThan(0.4);
  await eff.getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Små' }).check();
  await expect(eff.getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Små' })).toBeChecked();
  await eff.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Ja' }).check();
  await eff.getByRole('group', { name: /^6\./ }).getByLabel('Svar').fill('Behandlas på lungkliniker vid länssjukhus.');
  await eff.getByLabel('Sponsorns egen fråga').fill('Finns spirometri på alla kliniker?');
  await eff.getByRole('button', { name: 'Lägg till fråga' }).click();
  await eff.getByRole('group', { name: /^8\. Finns spirometri/ }).getByLabel('Svar').fill('Ja, på alla.');
  await eff.getByLabel('Övergripande synpunkter på studiens upplägg').fill('Exklusionen av rökare är snäv.');
  await expect(page.getByTestId('feedback-save-status')).toHaveText('Sparat');
  await expectNoA11yViolations(page, 'request with Early Feedback Form');

  // Save a criteria version, then mark the request answered: a snapshot freezes what was sent.
  const versions = page.getByTestId('versions');
  await versions.getByLabel('Kommentar').fill('Kriterier enligt synopsis v1');
  await versions.getByRole('button', { name: 'Spara version' }).click();
  await expect(versions.getByTestId('versions-table').locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Markera som besvarad' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Besvarad');
  await expect(versions.getByTestId('versions-table').locator('tbody tr')).toHaveCount(2);
  await expect(versions.getByTestId('versions-table').locator('tbody tr').nth(1)).toContainText('Skickat svar (ögonblicksbild)');
  await expect(versions.getByTestId('versions-table').locator('tbody tr').nth(1)).toContainText('Anna Andersson');

  // Compare the two versions: the status changed, the criteria did not.
  await versions.getByLabel('Vänster').selectOption({ index: 1 });
  await versions.getByLabel('Höger').selectOption({ index: 2 });
  await expect(versions.getByTestId('diff-table')).toContainText('answer.status');
  await expect(versions.getByTestId('diff-table').locator('mark', { hasText: 'answered' })).toBeVisible();
  await expect(versions.getByTestId('diff-table')).not.toContainText('study.steps');
  await expectNoA11yViolations(page, 'answered request with versions');

  // The request's own trail records every step.
  const trail = page.getByTestId('audit-trail');
  await expect(trail).toContainText('Ny förfrågan registrerad');
  await expect(trail).toContainText('Status ändrad från Mottagen till Besvarad');
  await trail.getByRole('button', { name: 'Kontrollera loggen' }).click();
  await expect(trail.getByTestId('audit-verification')).toContainText('Loggen är oförändrad');

  // Dashboard and statistics: the answered request leaves the open list and enters the turnaround table.
  await page.getByRole('link', { name: '← Alla förfrågningar' }).click();
  await expect(page.getByTestId('dashboard').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('dashboard')).not.toContainText(TITLE);
  const year = String(new Date().getFullYear());
  const stats = page.getByTestId('turnaround-table').locator('tbody tr');
  await expect(stats).toHaveCount(1);
  await expect(stats.first()).toContainText(year);
  await expect(stats.first()).toContainText('Landsförfrågan');
  await expect(stats.first().locator('td').nth(1)).toHaveText('1');

  // Search and filters.
  await page.getByLabel('Sök', { exact: true }).fill('astma');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('request-count')).toHaveText('1 av 2 förfrågningar visas');
  await page.getByLabel('Sök', { exact: true }).fill('');
  await page.getByLabel('Status', { exact: true }).selectOption('answered');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('requests-table')).toContainText(TITLE);

  // The whole audit trail verifies.
  await page.getByRole('button', { name: 'Granskningslogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningslogg' })).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('Loggen är oförändrad');
  await expectNoA11yViolations(page, 'audit trail');

  // Reopening the app shows it all.
  await page.reload();
  await page.goto('/#/requests');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('turnaround-table').locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('requests-table').getByRole('link', { name: TITLE }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Besvarad');
  await expect(page.getByTestId('feedback-form').getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Små' })).toBeChecked();
  await expect(page.getByTestId('feedback-form').getByRole('group', { name: /^8\. Finns spirometri/ }).getByLabel('Svar')).toHaveValue('Ja, på alla.');
  await expect(page.getByTestId('versions-table').locator('tbody tr')).toHaveCount(2);
});

test('start from a copy: the earlier request’s description and criteria carry over, the workflow starts afresh', async ({ page }) => {
  await page.goto('/#/requests');
  await page.getByLabel('Starta från en kopia av').selectOption({ label: demo.study.title });
  await page.getByRole('button', { name: 'Starta från kopia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: demo.study.title })).toBeVisible();
  await expect(page.getByTestId('request-status')).toHaveText('Mottagen');
  await expect(page.getByText(`${demo.study.steps.length} kriterier.`)).toBeVisible();
  await expect(page.getByTestId('audit-trail')).toContainText('Ny förfrågan startad från en kopia av');
});

test('Site Feasibility: clinics and their replies, a summary per region, and only interested clinics exported', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/requests');
  await page.getByRole('button', { name: 'Ny förfrågan' }).click();
  await page.getByRole('link', { name: /^Hela förfrågan/ }).click();
  const form = page.getByRole('form', { name: 'Uppgifter om förfrågan' });
  await form.getByLabel('Typ av förfrågan').selectOption('site');
  await form.getByLabel('Studiens titel').fill('Klinikförfrågan diabetes');
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(page.getByTestId('request-save-status')).toHaveText('Sparat');

  const clinics = page.getByTestId('clinics');
  let added = 0;
  const add = async (name: string, region: string, contact: string, status: string, reason = '') => {
    await clinics.getByLabel('Klinik', { exact: true }).fill(name);
    await clinics.getByLabel('Region', { exact: true }).selectOption({ label: region });
    await clinics.getByLabel('Kontaktperson', { exact: true }).fill(contact);
    await clinics.getByLabel('Svar', { exact: true }).selectOption({ label: status });
    if (reason) await clinics.getByLabel('Skäl att avböja').fill(reason);
    await clinics.getByRole('button', { name: 'Lägg till klinik' }).click();
    added += 1;
    await expect(clinics.getByTestId('clinics-table').locator('tbody tr')).toHaveCount(added);
    await expect(clinics.getByLabel('Klinik', { exact: true })).toHaveValue('');
  };
  await add('Diabetesmottagningen Lund', 'Skåne', '=HYPERLINK("x") dr.a@example.se', 'Intresserad');
  await add('Medicinkliniken Malmö', 'Skåne', 'dr.b@example.se', 'Avböjer', 'Konkurrerande studie');
  await add('Endokrin Karolinska', 'Stockholm', 'dr.c@example.se', 'Inget svar');
  await expect(clinics.getByTestId('clinics-table').locator('tbody tr')).toHaveCount(3);
  const skane = clinics.getByTestId('clinic-summary').locator('tbody tr', { hasText: 'Skåne' });
  await expect(skane.locator('td')).toHaveText(['2', '1', '1', '0']);
  await expectNoA11yViolations(page, 'site feasibility');

  const download = page.waitForEvent('download');
  await clinics.getByRole('button', { name: 'Exportera intresserade kliniker (CSV)' }).click();
  const file = await download;
  const text = (await (await file.createReadStream()).toArray()).map((c: Buffer) => c.toString('utf8')).join('');
  expect(text).toContain('Diabetesmottagningen Lund');
  expect(text).toContain(`'=HYPERLINK(""x"") dr.a@example.se`);
  expect(text).not.toContain('dr.b@example.se');
  expect(text).not.toContain('Medicinkliniken Malmö');
  expect(text).not.toContain('dr.c@example.se');
});

test('an audit entry altered in the database is named by "Verify"', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/requests');
  await page.getByRole('button', { name: 'Ny förfrågan' }).click();
  await page.getByRole('link', { name: /^Hela förfrågan/ }).click();
  const form = page.getByRole('form', { name: 'Uppgifter om förfrågan' });
  await form.getByLabel('Studiens titel').fill('Manipulerad');
  await form.getByRole('button', { name: 'Spara uppgifter' }).click();
  await expect(page.getByTestId('request-save-status')).toHaveText('Sparat');

  // Someone edits the first entry directly in IndexedDB (as with the browser's developer tools).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('antal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(1);
          get.onsuccess = () => store.put({ ...get.result, summary: 'Något annat' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto('/#/audit');
  await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Loggen har ändrats: post 1 stämmer inte med sin hash.');
  await expect(page.getByTestId('audit-table').locator('tbody tr', { hasText: 'Något annat' })).toContainText('(första felaktiga posten)');
});
