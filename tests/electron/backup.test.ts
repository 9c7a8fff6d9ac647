// Automatic backups in the main process: names that sort by time, retention by age (the newest 3, one per day for
// 7 days, one per ISO week for 4 weeks) that never touches other files, the SHA-256 check before anything is
// written, atomic writes that leave no trace when the disk fails, the renderer request (answered once) with its
// timeout, the quit that waits for the backup, and the IPC channel's argument checks. The wiring's side (only a
// requested backup is accepted) is in main-process.test.ts.
import nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { backupFileOf } from '../shared/backup/backup-file';
import { AUTO_BACKUP_RETENTION, IPC_CHANNELS } from '../../shared/ipc/contract';
import {
  autoBackupBytesProblem,
  autoBackupFileProblem,
  autoBackupName,
  backupsToKeep,
  backupsToRemove,
  type BackupFs,
  createBackupRequester,
  createCloseGuard,
  isDailyBackupDue,
  isoWeekOf,
  listAutoBackups,
  parseAutoBackupName,
  writeAutoBackup,
} from '../../electron/main/backup';
import { ARGUMENT_VALIDATORS } from '../../electron/main/ipc';
import { createBridge } from '../../electron/preload/bridge';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'antal-backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A complete backup file with a correct SHA-256 (its payload says which one it is). */
const backupBytes = (n: number): Uint8Array => backupFileOf({ n });
const at = (iso: string) => new Date(iso);
const errno = (code: string) => Object.assign(new Error(`${code}: injected failure`), { code });

describe('names', () => {
  it('name a backup by its UTC time to the millisecond and read the time back', () => {
    const when = at('2026-11-30T15:41:29.123Z');
    expect(autoBackupName(when)).toBe('antal-auto-20261130T154129123Z.antalbackup');
    expect(parseAutoBackupName(autoBackupName(when))).toEqual(when);
  });

  it('recognise only their own names', () => {
    for (const other of ['notes.txt', 'antal-2026-11-30-1541.antalbackup', 'antal-auto-20261130T154129123Z.antalbackup.tmp', '.antal-auto-20261130T154129123Z.antalbackup.5f.tmp', 'antal-auto-20261399T154129123Z.antalbackup']) {
      expect(parseAutoBackupName(other), other).toBeNull();
    }
  });
});

describe('ISO weeks (the weekly bucket)', () => {
  it('follows ISO 8601: weeks start on Monday and week 1 holds the year\'s first Thursday', () => {
    // Published calendar facts: 2026 starts on a Thursday (so it has 53 weeks); 2021-01-03 is a Sunday in 2020's week 53.
    expect(isoWeekOf(at('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(at('2025-12-29T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(at('2025-12-28T23:59:59Z'))).toBe('2025-W52');
    expect(isoWeekOf(at('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(at('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekOf(at('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeekOf(at('2026-02-08T23:59:59Z'))).toBe('2026-W06');
    expect(isoWeekOf(at('2026-02-09T00:00:00Z'))).toBe('2026-W07');
  });
});

describe('retention by age', () => {
  const daily = (from: string, days: number) => Array.from({ length: days }, (_, i) => autoBackupName(new Date(Date.parse(from) + i * 86_400_000)));
  const name = (iso: string) => autoBackupName(at(iso));

  it('keeps the newest 3, the newest of each of the last 7 days and of each of the last 4 ISO weeks with a backup', () => {
    expect(AUTO_BACKUP_RETENTION).toEqual({ last: 3, daily: 7, weekly: 4 });
    // One backup a day at noon from Thursday 1 January to Tuesday 10 February 2026, and two more on 10 February.
    const all = [...daily('2026-01-01T12:00:00.000Z', 41), name('2026-02-10T08:00:00.000Z'), name('2026-02-10T16:00:00.000Z')];
    // By hand: the 3 newest are the three of 10 February; the days are 10 (16:00), 9, 8, 7, 6, 5 and 4 February;
    // the weeks are W07 (9–15 Feb: 10 Feb 16:00), W06 (2–8 Feb: Sunday 8 Feb), W05 (26 Jan–1 Feb: 1 Feb),
    // W04 (19–25 Jan: 25 Jan).
    const expected = [
      '2026-01-25T12:00:00.000Z',
      '2026-02-01T12:00:00.000Z',
      '2026-02-04T12:00:00.000Z',
      '2026-02-05T12:00:00.000Z',
      '2026-02-06T12:00:00.000Z',
      '2026-02-07T12:00:00.000Z',
      '2026-02-08T12:00:00.000Z',
      '2026-02-09T12:00:00.000Z',
      '2026-02-10T08:00:00.000Z',
      '2026-02-10T12:00:00.000Z',
      '2026-02-10T16:00:00.000Z',
    ].map(name);
    expect([...backupsToKeep([...all].reverse())].sort()).toEqual(expected);
    expect(backupsToRemove(all)).toEqual(all.filter((n) => !expected.includes(n)).sort());
  });

  it('counts only days and weeks that have a backup: a month away from the app does not empty the folder', () => {
    const old = daily('2026-01-01T12:00:00.000Z', 10);
    const back = name('2026-03-15T09:00:00.000Z');
    const kept = backupsToKeep([...old, back]);
    // 3 newest: 15 Mar, 10 Jan, 9 Jan; days: 15 Mar, 10 … 5 Jan; weeks: W11 (15 Mar), W02 (5–11 Jan: 10 Jan), W01 (1–4 Jan: 4 Jan).
    expect([...kept].sort()).toEqual([...daily('2026-01-04T12:00:00.000Z', 7), back].sort());
  });

  it('never selects a file that is not an automatic backup', () => {
    const names = [...daily('2026-01-01T12:00:00.000Z', 60), 'min-egen-kopia.antalbackup', 'readme.txt', 'antal-auto-20260230T120000000Z.antalbackup'];
    const removed = backupsToRemove(names);
    expect(removed.length).toBeGreaterThan(40);
    expect(removed).not.toContain('min-egen-kopia.antalbackup');
    expect(removed).not.toContain('readme.txt');
    expect(removed).not.toContain('antal-auto-20260230T120000000Z.antalbackup');
  });

  it('ten quick backups in one day replace only that day\'s: last week\'s and last month\'s stay', async () => {
    const folder = path.join(dir, 'backups');
    await nodeFs.mkdir(folder);
    const before = daily('2026-01-01T12:00:00.000Z', 41);
    for (const n of before) await writeFile(path.join(folder, n), 'good');
    const keptBefore = backupsToKeep(before);
    let clock = Date.parse('2026-02-11T09:00:00.000Z');
    for (let i = 0; i < 10; i++) {
      await writeAutoBackup(backupBytes(i), { fs: nodeFs, directory: folder, sha256, now: () => new Date((clock += 60_000)) });
    }
    const after = await readdir(folder);
    // By hand: before, the kept ones were 4–10 February (days) and 1 February and 25 January (weeks W05, W04).
    // 11 February is a new day in the same week as 10 February (W07), so only the oldest of the 7 days, 4 February,
    // gives way; every older week's backup stays, however many backups the new day brings.
    const survivors = before.filter((n) => after.includes(n));
    expect(survivors.sort()).toEqual([...keptBefore].filter((n) => n !== name('2026-02-04T12:00:00.000Z')).sort());
    expect(survivors).toEqual(expect.arrayContaining([name('2026-02-01T12:00:00.000Z'), name('2026-01-25T12:00:00.000Z')]));
    expect(after.filter((n) => n.startsWith('antal-auto-20260211'))).toHaveLength(3);
  });

  it('writes a backup and thins out the old ones, leaving other files alone', async () => {
    const folder = path.join(dir, 'backups');
    await nodeFs.mkdir(folder);
    for (const n of daily('2026-01-01T12:00:00.000Z', 20)) await writeFile(path.join(folder, n), 'old');
    await writeFile(path.join(folder, 'min-egen-kopia.antalbackup'), 'mine');

    const written = await writeAutoBackup(backupBytes(21), { fs: nodeFs, directory: folder, sha256, now: () => at('2026-02-01T12:00:00.000Z') });

    // Kept, by hand: 3 newest (1 Feb, 20 Jan, 19 Jan); days 1 Feb, 20 … 15 Jan; weeks W05 (1 Feb), W04 (19–20 Jan:
    // 20 Jan), W03 (12–18 Jan: 18 Jan), W02 (5–11 Jan: 11 Jan). Together 1 Feb, 20 … 15 Jan and 11 Jan: 8.
    expect(written).toEqual({ name: 'antal-auto-20260201T120000000Z.antalbackup', directory: folder, bytes: backupBytes(21).length, kept: 8 });
    const after = (await readdir(folder)).sort();
    expect(after).toEqual([...daily('2026-01-11T12:00:00.000Z', 1), ...daily('2026-01-15T12:00:00.000Z', 6), written.name, 'min-egen-kopia.antalbackup'].sort());
    expect(Buffer.compare(await readFile(path.join(folder, written.name)), Buffer.from(backupBytes(21)))).toBe(0);
  });

  it('creates the folder on first use, and lists nothing when it does not exist', async () => {
    const folder = path.join(dir, 'new', 'backups');
    expect(await listAutoBackups(nodeFs, folder)).toEqual([]);
    await writeAutoBackup(backupBytes(1), { fs: nodeFs, directory: folder, sha256, now: () => at('2026-03-01T00:00:00.000Z') });
    expect((await listAutoBackups(nodeFs, folder)).map((e) => e.at)).toEqual([at('2026-03-01T00:00:00.000Z')]);
  });

  const names = (count: number) => Array.from({ length: count }, (_, i) => autoBackupName(new Date(Date.UTC(2026, 0, 1 + i))));

  it('a failed write (full disk) removes nothing and leaves no temporary file', async () => {
    for (const name of names(30)) await writeFile(path.join(dir, name), 'old');
    const before = (await readdir(dir)).sort();
    const fullDisk: BackupFs = {
      ...nodeFs,
      open: async (p, flags) => {
        const handle = await nodeFs.open(p, flags);
        return {
          writeFile: async (data: Uint8Array) => {
            await handle.writeFile(data.subarray(0, 3));
            throw errno('ENOSPC');
          },
          read: (b, o, l, pos) => handle.read(b, o, l, pos),
          stat: () => handle.stat(),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename: nodeFs.rename,
      unlink: nodeFs.unlink,
      mkdir: nodeFs.mkdir,
      readdir: (p) => nodeFs.readdir(p),
    };
    await expect(writeAutoBackup(backupBytes(11), { fs: fullDisk, directory: dir, sha256, now: () => at('2026-02-01T12:00:00.000Z') })).rejects.toThrow(/ENOSPC/);
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('a backup that cannot be removed during rotation does not fail the new backup', async () => {
    for (const name of names(30)) await writeFile(path.join(dir, name), 'old');
    const onRotationError = vi.fn();
    const lockedFs: BackupFs = { ...nodeFs, readdir: (p) => nodeFs.readdir(p), unlink: async () => Promise.reject(errno('EBUSY')) };
    const written = await writeAutoBackup(backupBytes(11), { fs: lockedFs, directory: dir, sha256, now: () => at('2026-02-01T12:00:00.000Z'), onRotationError });
    expect(written.kept).toBe(31);
    expect(onRotationError).toHaveBeenCalledWith(names(1)[0], expect.objectContaining({ code: 'EBUSY' }));
  });

  it('refuses bytes that are not a complete backup with a matching SHA-256, and writes nothing', async () => {
    const deps = { fs: nodeFs, directory: dir, sha256, now: () => new Date() };
    await expect(writeAutoBackup(new TextEncoder().encode('Region;Antal\n'), deps)).rejects.toThrow(/not a backup file/);
    // Only the magic line: what the old check let through.
    await expect(writeAutoBackup(new TextEncoder().encode('ANTAL-BACKUP/1\n{"n":1}\n{}'), deps)).rejects.toThrow(/not a backup file: bad-header/);
    const flipped = backupBytes(1);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x20;
    await expect(writeAutoBackup(flipped, deps)).rejects.toThrow(/not a backup file: checksum/);
    await expect(writeAutoBackup(backupBytes(1).subarray(0, -1), deps)).rejects.toThrow(/not a backup file: truncated/);
    expect(await readdir(dir)).toEqual([]);
    expect(await autoBackupFileProblem(backupBytes(1), sha256)).toBeNull();
    expect(autoBackupBytesProblem('ANTAL-BACKUP/1\n')).toBe('expected a Uint8Array');
    expect(autoBackupBytesProblem(backupBytes(1))).toBeNull();
  });
});

describe('isDailyBackupDue', () => {
  const now = at('2026-11-30T12:00:00.000Z');
  it('is due with no backup, 24 h after the last one, and when the clock went back by more than a day', () => {
    expect(isDailyBackupDue(null, now)).toBe(true);
    expect(isDailyBackupDue(at('2026-11-29T12:00:00.000Z'), now)).toBe(true);
    expect(isDailyBackupDue(at('2026-11-29T12:00:00.001Z'), now)).toBe(false);
    expect(isDailyBackupDue(at('2026-12-05T12:00:00.000Z'), now)).toBe(true);
  });
});

/** Timers the test fires by hand. */
function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (callback: () => void) => {
      timers.set(next, callback);
      return next++;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    fireAll: () => {
      for (const [id, callback] of [...timers]) {
        timers.delete(id);
        callback();
      }
    },
    get count() {
      return timers.size;
    },
  };
}

describe('createBackupRequester', () => {
  it('asks the renderer once, resolves when the backup is written, and clears its timeout', async () => {
    const timers = manualTimers();
    const send = vi.fn(() => true);
    const requester = createBackupRequester({ send, timeoutMs: 20_000, ...timers });
    const first = requester.request();
    const second = requester.request();
    expect(send).toHaveBeenCalledTimes(1);
    expect(requester.claim()).toBe(true);
    requester.fulfil(true);
    expect(await first).toBe('written');
    expect(await second).toBe('written');
    expect(timers.count).toBe(0);
  });

  it('lets exactly one write answer each request: none before a request, none after its answer arrived', async () => {
    const requester = createBackupRequester({ send: () => true, timeoutMs: 20_000, ...manualTimers() });
    expect(requester.claim()).toBe(false);
    requester.fulfil(true); // a write nobody asked for settles nothing
    const waiting = requester.request();
    expect(requester.claim()).toBe(true);
    expect(requester.claim()).toBe(false);
    requester.fulfil(false);
    expect(await waiting).toBe('failed');
    expect(requester.claim()).toBe(false);
  });

  it('gives up after the timeout, and fails at once when there is no renderer to ask', async () => {
    const timers = manualTimers();
    const requester = createBackupRequester({ send: () => true, timeoutMs: 20_000, ...timers });
    const waiting = requester.request();
    timers.fireAll();
    expect(await waiting).toBe('timeout');
    const noWindow = createBackupRequester({ send: () => false, timeoutMs: 20_000, ...manualTimers() });
    expect(await noWindow.request()).toBe('failed');
  });
});

describe('createCloseGuard (backup on quit)', () => {
  it('holds the first close until the backup is written, ignores further clicks, then closes for real once', async () => {
    const timers = manualTimers();
    const send = vi.fn(() => true);
    const requester = createBackupRequester({ send, timeoutMs: 20_000, ...timers });
    const outcomes: string[] = [];
    const guard = createCloseGuard(requester, (o) => outcomes.push(o));
    const proceed = vi.fn();
    const event = () => ({ preventDefault: vi.fn() });

    const first = event();
    guard(first, proceed);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
    const impatient = event();
    guard(impatient, proceed);
    expect(impatient.preventDefault).toHaveBeenCalled();
    expect(proceed).not.toHaveBeenCalled();

    expect(requester.claim()).toBe(true);
    requester.fulfil(true);
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    expect(outcomes).toEqual(['written']);
    // The real close that follows is let through.
    const final = event();
    guard(final, proceed);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('closes anyway when the renderer never answers (timeout): a hung page never traps the user', async () => {
    const timers = manualTimers();
    const requester = createBackupRequester({ send: () => true, timeoutMs: 20_000, ...timers });
    const proceed = vi.fn();
    createCloseGuard(requester)({ preventDefault: vi.fn() }, proceed);
    timers.fireAll();
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
  });
});

describe('the writeAutoBackup channel', () => {
  it('accepts exactly one backup file and refuses anything else', () => {
    const validate = ARGUMENT_VALIDATORS.writeAutoBackup;
    expect(validate([backupBytes(1)])).toEqual({ ok: true, value: backupBytes(1) });
    expect(validate([])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(validate([backupBytes(1), 'extra'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(validate(['ANTAL-BACKUP/1\n'])).toMatchObject({ ok: false, error: { code: 'invalid-argument', detail: 'writeAutoBackup: expected a Uint8Array' } });
    expect(validate([new TextEncoder().encode('%PDF-1.7')])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('the preload forwards the bytes on its own channel and the request event without its IPC event', async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipc = {
      invoke: vi.fn(async () => ({ ok: true, value: null })),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void listeners.set(channel, listener)),
      removeListener: vi.fn((channel: string) => void listeners.delete(channel)),
    };
    const bridge = createBridge(ipc);
    await bridge.writeAutoBackup(backupBytes(1));
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.writeAutoBackup, backupBytes(1));
    const listener = vi.fn();
    const unsubscribe = bridge.onAutoBackupRequest(listener);
    listeners.get(IPC_CHANNELS.autoBackupRequest)!({ sender: 'secret' }, 'ignored');
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    expect(listeners.has(IPC_CHANNELS.autoBackupRequest)).toBe(false);
  });
});
