// Browser end-to-end tests of the web build in Debian's Chromium (Playwright cannot download browsers here).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, OFFLINE_CHROMIUM_ARGS } from './build/chromium-offline.mjs';

// ANTAL_E2E_PORT / ANTAL_WEB_OUT let several checkouts or sessions run browser tests side by side.
const port = Number(process.env.ANTAL_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.ANTAL_E2E_PORT ? `test-results/e2e-${port}` : 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: OFFLINE_CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The built web app (npm run web:build runs first in `npm run test:e2e`), served as `npm run web` serves it.
    command: `npx vite preview --config vite.web.config.mts --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
