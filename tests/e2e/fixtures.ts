/**
 * Shared Playwright fixtures: every test fails if the page requests any origin other than the app's own,
 * logs an error, or violates the Content-Security-Policy.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

// The port playwright.config.ts serves on (ANTAL_E2E_PORT lets sessions run side by side).
export const APP_ORIGIN = `http://127.0.0.1:${process.env.ANTAL_E2E_PORT ?? 4173}`;

interface Guards {
  foreignRequests: string[];
  consoleErrors: string[];
  cspViolations: string[];
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page, context }, use) => {
      const guards: Guards = { foreignRequests: [], consoleErrors: [], cspViolations: [] };
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(APP_ORIGIN + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        guards.foreignRequests.push(url);
        return route.abort('blockedbyclient');
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (text.startsWith('CSP violation') || text.includes('Content Security Policy')) guards.cspViolations.push(text);
        else guards.consoleErrors.push(text);
      });
      page.on('pageerror', (error) => guards.consoleErrors.push(error.message));
      await use(guards);
      expect(guards.foreignRequests, 'requests to origins other than the app').toEqual([]);
      expect(guards.cspViolations, 'CSP violations').toEqual([]);
      expect(guards.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe (WCAG 2.1 A/AA rules) on the current page and fails with the violations listed. */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Opens the app and waits for the demo answer to be computed and shown. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  // Either the answer's national figure or a page heading; both may be there at once (first(): no strict-mode clash).
  await expect(page.getByTestId('national-point').or(page.locator('main h1')).first()).toBeVisible();
}
