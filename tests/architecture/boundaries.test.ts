// The folder boundaries are enforced by lint: a wrong import fails `npm test`, not a code review.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import path from 'path';", 'Node built-ins'],
    ["import { app } from 'electron';", 'electron'],
    ["import { useState } from 'react';", 'UI or storage'],
    ["import Dexie from 'dexie';", 'UI or storage'],
    ["import { App } from '../renderer/src/App';", 'imports only shared/'],
  ])('shared/ refuses %s', async (line, reason) => {
    const errors = await restrictedImportErrors(`${line}\nexport const x = 1;\n`, 'shared/probe.ts');
    expect(errors.join('\n')).toContain(reason);
  });

  it('shared/ refuses DOM and Node globals', async () => {
    const errors = await restrictedImportErrors('export const x = [window.location, process.env, document.title];\n', 'shared/probe.ts');
    expect(errors).toHaveLength(3);
  });

  it('shared/ may import its own modules, including folders whose names look like Node built-ins', async () => {
    expect(await restrictedImportErrors("import { sha256Hex } from './utils/sha256';\nexport const x = sha256Hex;\n", 'shared/probe.ts')).toEqual([]);
  });

  it.each([
    ["import { ipcRenderer } from 'electron';", 'preload bridge'],
    ["import { writeFile } from 'node:fs/promises';", 'Node built-ins'],
    ["import { registerIpcHandlers } from '../../electron/main/ipc';", 'imports shared/'],
  ])('renderer/ refuses %s', async (line, reason) => {
    const errors = await restrictedImportErrors(`${line}\nexport const x = 1;\n`, 'renderer/src/probe.ts');
    expect(errors.join('\n')).toContain(reason);
  });

  it.each([
    ["import { runFullBench } from '../tests/bench/bench-estimate';", 'cli/ imports shared/ and itself only'],
    ["import { App } from '../renderer/src/shell/App';", 'cli/ imports shared/ and itself only'],
  ])('cli/ refuses %s', async (line, reason) => {
    const errors = await restrictedImportErrors(`${line}\nexport const x = 1;\n`, 'cli/probe.ts');
    expect(errors.join('\n')).toContain(reason);
  });

  it('electron/ refuses renderer code', async () => {
    const errors = await restrictedImportErrors("import { App } from '../../renderer/src/shell/App';\nexport const x = App;\n", 'electron/main/probe.ts');
    expect(errors.join('\n')).toContain('must not import renderer code');
  });
});
