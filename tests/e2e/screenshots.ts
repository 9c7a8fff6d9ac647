// Where browser tests save the screenshots the README shows. An ordinary test run writes them under
// test-results/ (so `npm test` leaves the working tree as it found it); `npm run screenshots` sets
// ANTAL_UPDATE_SCREENSHOTS=1 and writes them to docs/screenshots/, the files the README links.
import { mkdirSync } from 'node:fs';

export function screenshotDir(): string {
  const dir = process.env.ANTAL_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return dir;
}
