// Renders build/icon.svg to build/icon.png (1024×1024, transparent outside the tile) with headless Chromium,
// so the PNG electron-builder turns into .ico/.icns is reproducible from the SVG master.
//   node build/render-icon.mjs            (Chromium at /usr/bin/chromium, or set CHROMIUM_PATH)
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, OFFLINE_CHROMIUM_ARGS } from './chromium-offline.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE = 1024;
const svg = await readFile(join(here, 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: OFFLINE_CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
  );
  await page.screenshot({
    path: join(here, 'icon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: SIZE, height: SIZE },
  });
  process.stdout.write(`wrote ${join(here, 'icon.png')}\n`);
} finally {
  await browser.close();
}
