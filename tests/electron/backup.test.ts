// Automatic backups in the main process: names that sort by time, rotation that keeps the newest 10 and never
// touches other files, atomic writes that leave no trace when the disk fails, the renderer request with its
// timeout, the quit that waits for the backup, and the IPC channel's sender and argument checks.
import nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_BACKUP_KEEP, IPC_CHANNELS } from '../../shared/ipc/contract';
import {
  autoBackupBytesProblem,
  autoBackupName,
  backupsToRemove,
  type BackupFs,
  createBackupRequester,
  createCloseGuard,
  isDailyBackupDue,
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

const backupBytes = (n: number) => new TextEncoder().encode(`ANTAL-BACKUP/1\n{"n":${n}}\n{}`);
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

describe('rotation', () => {
  const names = (count: number) => Array.from({ length: count }, (_, i) => autoBackupName(new Date(Date.UTC(2026, 0, 1 + i))));

  it('keeps the newest 10 and removes the oldest beyond them, whatever order the folder lists them in', () => {
    const all = names(13);
    expect(backupsToRemove([...all].reverse())).toEqual(all.slice(0, 3));
    expect(backupsToRemove(names(10))).toEqual([]);
    expect(AUTO_BACKUP_KEEP).toBe(10);
  });

  it('never selects a file that is not an automatic backup', () => {
    expect(backupsToRemove([...names(12), 'min-egen-kopia.antalbackup', 'readme.txt'])).not.toContain('min-egen-kopia.antalbackup');
  });

  it('writes the 11th backup and removes the oldest, leaving other files alone', async () => {
    const folder = path.join(dir, 'backups');
    await nodeFs.mkdir(folder);
    for (const name of names(10)) await writeFile(path.join(folder, name), 'old');
    await writeFile(path.join(folder, 'min-egen-kopia.antalbackup'), 'mine');

    const written = await writeAutoBackup(backupBytes(11), { fs: nodeFs, directory: folder, now: () => at('2026-02-01T12:00:00.000Z') });

    expect(written).toEqual({ name: 'antal-auto-20260201T120000000Z.antalbackup', directory: folder, bytes: backupBytes(11).length, kept: 10 });
    const after = (await readdir(folder)).sort();
    expect(after).toHaveLength(11);
    expect(after).toContain('min-egen-kopia.antalbackup');
    expect(after).not.toContain(names(1)[0]);
    expect(await readFile(path.join(folder, written.name), 'utf8')).toBe(new TextDecoder().decode(backupBytes(11)));
  });

  it('creates the folder on first use, and lists nothing when it does not exist', async () => {
    const folder = path.join(dir, 'new', 'backups');
    expect(await listAutoBackups(nodeFs, folder)).toEqual([]);
    await writeAutoBackup(backupBytes(1), { fs: nodeFs, directory: folder, now: () => at('2026-03-01T00:00:00.000Z') });
    expect((await listAutoBackups(nodeFs, folder)).map((e) => e.at)).toEqual([at('2026-03-01T00:00:00.000Z')]);
  });

  it('a failed write (full disk) removes nothing and leaves no temporary file', async () => {
    for (const name of names(10)) await writeFile(path.join(dir, name), 'old');
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
    await expect(writeAutoBackup(backupBytes(11), { fs: fullDisk, directory: dir, now: () => at('2026-02-01T12:00:00.000Z') })).rejects.toThrow(/ENOSPC/);
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('a backup that cannot be removed during rotation does not fail the new backup', async () => {
    for (const name of names(10)) await writeFile(path.join(dir, name), 'old');
    const onRotationError = vi.fn();
    const lockedFs: BackupFs = { ...nodeFs, readdir: (p) => nodeFs.readdir(p), unlink: async () => Promise.reject(errno('EBUSY')) };
    const written = await writeAutoBackup(backupBytes(11), { fs: lockedFs, directory: dir, now: () => at('2026-02-01T12:00:00.000Z'), onRotationError });
    expect(written.kept).toBe(11);
    expect(onRotationError).toHaveBeenCalledWith(names(1)[0], expect.objectContaining({ code: 'EBUSY' }));
  });

  it('refuses bytes that are not a backup file', async () => {
    await expect(writeAutoBackup(new TextEncoder().encode('Region;Antal\n'), { fs: nodeFs, directory: dir, now: () => new Date() })).rejects.toThrow(/not a backup file/);
    expect(await readdir(dir)).toEqual([]);
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
    requester.fulfil(true);
    expect(await first).toBe('written');
    expect(await second).toBe('written');
    expect(timers.count).toBe(0);
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
