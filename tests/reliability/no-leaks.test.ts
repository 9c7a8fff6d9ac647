/**
 * Nothing leaked: request content never reaches a log, and no code path talks to the network.
 *   - Every console call in the app's sources is one of the few known, each explained below; none of them is
 *     handed request or dataset content.
 *   - Backups, restores (good and damaged files) and a refused import log nothing at all, although they handle the
 *     whole database: checked by watching every console method while they run on a confidential request.
 *   - The main process and the renderer contain no network client, telemetry, crash reporter or update check.
 * The built web app is scanned in tests/e2e/navigation-guard.spec.ts (it exists only after the web build).
 */
import './browser-globals';
import 'fake-indexeddb/auto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, prepareRestore } from '../../renderer/src/backup/backup';
import { importFile } from '../../shared/import/import-file';
import { deleteDatabases, freshDb } from '../renderer/import/import-helpers';

afterEach(deleteDatabases);

const repo = path.resolve(__dirname, '../..');

async function sources(dir: string): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(path.join(repo, dir), { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(repo, file).split(path.sep).join('/'), text: await readFile(file, 'utf8') })));
}

/** The console calls the app makes, each with why it cannot carry request content. */
const SANCTIONED_CONSOLE_CALLS: Record<string, string> = {
  // Start-up failure before the UI exists: the error of opening the database or loading i18n, no user data.
  'renderer/src/main.tsx': 'console.error(error)',
  // The main process's log sink; main-process.ts's log helper builds every message: fixed text plus an error
  // description (codes, paths, blocked URLs), checked below.
  'electron/main/index.ts': 'console.error(message)',
};

describe('logging', () => {
  it('the app logs only through the sanctioned calls', async () => {
    const found: string[] = [];
    for (const dir of ['renderer/src', 'shared', 'electron', 'cli']) {
      for (const { file, text } of await sources(dir)) {
        for (const match of text.matchAll(/console\.(log|info|warn|error|debug|trace|dir|table)\s*\(/g)) {
          const line = text.slice(match.index, text.indexOf('\n', match.index)).trim();
          // The CLI prints its answers to the terminal on purpose: that is its output, not a log.
          if (file.startsWith('cli/')) continue;
          found.push(`${file}: ${line}`);
        }
      }
    }
    expect(found).toHaveLength(Object.keys(SANCTIONED_CONSOLE_CALLS).length);
    for (const [file, call] of Object.entries(SANCTIONED_CONSOLE_CALLS)) {
      expect(found.some((f) => f.startsWith(`${file}: `) && f.includes(call)), `${file}: ${call}`).toBe(true);
    }
  });

  it('the main process logs no request content: every log() call is a fixed message, a blocked URL or an error', async () => {
    const main = await readFile(path.join(repo, 'electron/main/main-process.ts'), 'utf8');
    expect(main).toContain('host.log(`[antal] ${message}${error === undefined ? \'\' : `: ${describeError(error)}`}`);');
    // The helper's own `host.log(…)` is the sink checked above; every other call goes through `log(…)`.
    const calls = [...main.matchAll(/(?<![.\w])log\(/g)].map((m) => main.slice(m.index, main.indexOf('\n', m.index)));
    expect(calls.length).toBeGreaterThan(3);
    // A literal message, optionally with the blocked URL, a backup's name, a method or an outcome, then an error.
    const safe = /^log\(\s*([`'])(?:(?!\1)[^$]|\$\{(?:url|name|method|outcome)\})*\1(?:\s*,\s*error)?\s*\)/;
    for (const call of calls) expect(call, call).toMatch(safe);
  });

  const SECRET = 'KONFIDENTIELLT-Sponsor-X-protokoll-4711';
  const spies = () => (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));

  it('a backup, a restore, a damaged restore and a refused import of confidential content log nothing', async () => {
    const watched = spies();
    try {
      const db = freshDb('leaks');
      await db.settings.put({ key: 'unitProfile', value: { unitName: SECRET } });
      await db.studies.put({ id: 's1', title: SECRET, updatedAt: '2026-11-30T10:00:00.000Z', datasetIds: [], study: { id: 's1', title: SECRET } as never });
      const { bytes } = await createBackup(db, { now: new Date('2026-11-30T16:00:00Z'), appVersion: '0.1.0' });
      await (await prepareRestore(db, bytes)).commit();
      const damaged = bytes.slice();
      damaged[damaged.length - 5]! ^= 1;
      await prepareRestore(db, damaged).catch(() => undefined);
      await importFile({ name: `${SECRET}.csv`, bytes: new TextEncoder().encode(`Region;År;Antal\n${SECRET};2021;12\n`) }, undefined, { publisher: SECRET }).catch(() => undefined);
      for (const spy of watched) expect(spy.mock.calls, spy.getMockName()).toEqual([]);
    } finally {
      for (const spy of watched) spy.mockRestore();
    }
  });
});

describe('no network, no telemetry, no update checks in the code', () => {
  const NETWORK = [
    /\bfetch\s*\(/,
    /new\s+WebSocket\b/,
    /new\s+EventSource\b/,
    /sendBeacon/,
    /\bnet\.request\b|from 'node:https?'|require\(['"]https?['"]\)/,
    /autoUpdater|electron-updater|crashReporter/,
    /google-analytics|googletagmanager|sentry|segment\.io|posthog|mixpanel|hotjar|fonts\.googleapis|fonts\.gstatic/i,
  ];

  it('the patterns catch what they are meant to (the scan is not vacuous)', () => {
    for (const [i, example] of ["fetch('https://x')", 'new WebSocket(u)', 'new EventSource(u)', 'navigator.sendBeacon(u)', "import https from 'node:https'", 'autoUpdater.checkForUpdates()', '@import url(https://fonts.googleapis.com/css2)'].entries()) {
      expect(NETWORK[i]!.test(example), example).toBe(true);
    }
  });

  it('neither the renderer, the domain core nor the main process has a network client', async () => {
    const offenders: string[] = [];
    for (const dir of ['renderer/src', 'shared', 'electron']) {
      for (const { file, text } of await sources(dir)) {
        for (const pattern of NETWORK) if (pattern.test(text)) offenders.push(`${file}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
