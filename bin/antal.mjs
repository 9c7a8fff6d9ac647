#!/usr/bin/env node
// Entry point of the `antal` command: loads the TypeScript CLI through tsx, so the checkout runs without a
// build step (`npx antal demo`, `node bin/antal.mjs demo`). tsImport (from tsx/esm/api) is used rather than
// a global register(): the package is not "type": "module", so a registered loader would treat the .ts
// files as CommonJS and miss their extensionless imports; tsImport loads them as ES modules.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
