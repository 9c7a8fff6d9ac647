// `npm run screenshots`: runs the browser tests that take the README's screenshots, writing them to
// docs/screenshots/ (see screenshots.ts). Spawned from Node so the variable is set the same way on Windows.
import { spawnSync } from 'node:child_process';

const specs = process.argv.length > 2 ? process.argv.slice(2) : ['tests/e2e/guided-flow.spec.ts'];
const result = spawnSync('npx', ['playwright', 'test', ...specs], { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ANTAL_UPDATE_SCREENSHOTS: '1' } });
process.exit(result.status ?? 1);
