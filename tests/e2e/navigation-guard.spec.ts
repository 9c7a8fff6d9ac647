// Links and window.open in any content cannot navigate the app away. Content from files (titles, notes, names) is
// rendered as text, so it cannot become a link; the app's own links stay on its origin; and even a link or a
// window.open that got into the page some other way is refused by the page's navigation guard. The fixtures fail
// the test on any request to another origin, so an attempted navigation cannot pass unnoticed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const HOSTILE_TITLE = '<a href="https://evil.example/steal" target="_blank">Klicka här</a> <img src="https://evil.example/x.png"> javascript:window.open("https://evil.example/")';

/** Every link on the page, resolved, with its target. */
async function linksOf(page: Page): Promise<Array<{ href: string; target: string }>> {
  return page.locator('a[href], area[href]').evaluateAll((nodes) => nodes.map((n) => ({ href: (n as HTMLAnchorElement).href, target: (n as HTMLAnchorElement).target })));
}

test('text from an imported file that looks like HTML or a link is shown as text and never becomes a link', async ({ page }) => {
  await page.goto('/#/datasets');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera fil…' }).click();
  const csv = [HOSTILE_TITLE, '', 'Region;År;Antal patienter', 'Skåne län;2021;12', 'Uppsala län;2021;5', ''].join('\r\n');
  await (await chooser).setFiles({ name: 'farlig.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('import-notes')).toContainText('<a href="https://evil.example/steal" target="_blank">Klicka här</a>');
  const origin = new URL(page.url()).origin;
  for (const link of await linksOf(page)) expect(new URL(link.href).origin, link.href).toBe(origin);
  await expect(page.locator('img[src^="https://"]')).toHaveCount(0);
});

test('every link of every page stays on the app\'s origin', async ({ page }) => {
  await openApp(page);
  const origin = new URL(page.url()).origin;
  for (const route of ['/#/', '/#/requests', '/#/datasets', '/#/settings']) {
    await page.goto(route);
    await expect(page.locator('main h1')).toBeVisible();
    const links = await linksOf(page);
    expect(links.length, route).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link.href).origin, `${route}: ${link.href}`).toBe(origin);
  }
});

test('a foreign link (same tab or _blank) and window.open in the page cannot take the app away or open a window', async ({ page, context }) => {
  await openApp(page, '/#/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset['navigationGuard'])).toBe('on');
  const before = page.url();
  let popups = 0;
  context.on('page', () => popups++);

  // Content that got into the page despite React's escaping, e.g. through a future rich-text feature.
  await page.evaluate(() => {
    const host = document.createElement('p');
    host.innerHTML = '<a id="same-tab" href="https://evil.example/away">same tab</a> <a id="new-tab" href="https://evil.example/popup" target="_blank" rel="opener">new tab</a>';
    document.querySelector('main')!.append(host);
  });
  await page.locator('#same-tab').click();
  await page.locator('#new-tab').click();
  await page.locator('#new-tab').click({ button: 'middle' });
  const opened = await page.evaluate(() => window.open('https://evil.example/open', '_blank') === null && window.open('https://evil.example/self', '_self') === null);
  expect(opened).toBe(true);

  // Still the app, on the same route, with no other window.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(page.url()).toBe(before);
  expect(popups).toBe(0);
  expect(context.pages()).toHaveLength(1);
  // The app's own links still work.
  await page.getByRole('link', { name: 'Dataset' }).first().click();
  await expect(page).toHaveURL(/#\/datasets$/);
});

// The built web app (the folder `vite build` wrote, as served by these tests) is scanned for anything that would
// reach another origin on its own: remote fonts or styles, telemetry, update feeds.
const WEB_OUT = path.resolve(__dirname, '../..', process.env.ANTAL_WEB_OUT ?? 'dist-web');
const FORBIDDEN_IN_BUNDLE: Array<[string, RegExp]> = [
  ['font or script CDN', /fonts\.googleapis\.com|fonts\.gstatic\.com|use\.typekit\.net|fonts\.bunny\.net|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com/],
  ['telemetry or crash reporting', /google-analytics\.com|googletagmanager\.com|sentry\.io|api\.segment\.io|posthog\.com|mixpanel\.com|hotjar\.com|bugsnag\.com|datadoghq\.com|newrelic\.com|sendBeacon/],
  ['update feed', /update\.electronjs\.org|latest(?:-mac|-linux)?\.yml|checkForUpdates/],
];

async function builtFiles(): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(WEB_OUT, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && /\.(js|css|html|webmanifest|json)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(WEB_OUT, file), text: await readFile(file, 'utf8') })));
}

test('the built app has no remote fonts, styles or scripts, no telemetry and no update checks', async () => {
  const files = await builtFiles();
  expect(files.some((f) => f.file === 'index.html')).toBe(true);
  expect(files.some((f) => f.file.endsWith('.css'))).toBe(true);
  for (const { file, text } of files) {
    for (const [what, pattern] of FORBIDDEN_IN_BUNDLE) expect(text, `${what} in ${file}`).not.toMatch(pattern);
    if (file.endsWith('.html')) {
      for (const [, url] of text.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(url, `${file}: ${url}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
    }
    if (file.endsWith('.css')) {
      expect(text, `${file}: @import`).not.toMatch(/@import/);
      for (const [, url] of text.matchAll(/url\(\s*['"]?([^'")]*)/g)) expect(url, `${file}: url(${url})`).toMatch(/^(?:data:|\.{0,2}\/?[\w./-]+$|#)/);
    }
  }
});
