import nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { MAX_OPEN_FILE_BYTES } from '../../shared/ipc/contract';
import {
  atomicWriteFile,
  MAX_SAVE_FILE_BYTES,
  openFileWithDialog,
  readFileLimited,
  saveFileWithDialog,
  type DialogLike,
  type FileHandleLike,
  type FsLike,
} from '../../electron/main/files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'antal-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const errno = (code: string) => Object.assign(new Error(`${code}: injected failure`), { code });

type Step = 'open' | 'write' | 'sync' | 'close' | 'rename' | 'dir-open' | 'dir-sync';

/** Real node:fs/promises with one step made to fail, the way a full disk, a yanked USB stick or a locked file would. */
function failingFs(step: Step, code = 'EIO'): FsLike & { renames: number } {
  const state = { renames: 0 };
  const isDir = (p: string) => p === dir;
  return {
    get renames() {
      return state.renames;
    },
    async open(p, flags) {
      if (step === 'open' && !isDir(p)) throw errno(code);
      if (step === 'dir-open' && isDir(p)) throw errno(code);
      const handle = await nodeFs.open(p, flags);
      const wrapped: FileHandleLike = {
        writeFile: async (data) => {
          if (step === 'write') {
            // Half the data reaches the disk before the failure.
            await handle.writeFile(data.subarray(0, Math.floor(data.length / 2)));
            throw errno(code);
          }
          await handle.writeFile(data);
        },
        read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
        stat: () => handle.stat(),
        sync: async () => {
          if ((step === 'sync' && !isDir(p)) || (step === 'dir-sync' && isDir(p))) throw errno(code);
          await handle.sync();
        },
        close: async () => {
          await handle.close();
          if (step === 'close' && !isDir(p)) throw errno(code);
        },
      };
      return wrapped;
    },
    async rename(from, to) {
      state.renames++;
      if (step === 'rename') throw errno(code);
      await nodeFs.rename(from, to);
    },
    unlink: (p) => nodeFs.unlink(p),
  };
}

describe('atomicWriteFile', () => {
  it('creates a new file with exactly the bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'brev.pdf');
    await atomicWriteFile(target, bytes('%PDF-1.7 new'));
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 new');
    expect(await readdir(dir)).toEqual(['brev.pdf']);
  });

  it('replaces an existing file completely (longer content first, then shorter)', async () => {
    const target = path.join(dir, 'svar.json');
    await writeFile(target, 'x'.repeat(10_000));
    await atomicWriteFile(target, bytes('{"ok":true}'));
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}');
    expect(await readdir(dir)).toEqual(['svar.json']);
  });

  it.each<Step>(['open', 'write', 'sync', 'close', 'rename'])(
    'a failure at "%s" leaves the original file intact and no temp file behind',
    async (step) => {
      const target = path.join(dir, 'säkerhetskopia.antal');
      await writeFile(target, 'ORIGINAL CONTENT');
      await expect(atomicWriteFile(target, bytes('NEW CONTENT THAT MUST NOT APPEAR'), { fs: failingFs(step) })).rejects.toMatchObject({
        code: 'EIO',
      });
      expect(await readFile(target, 'utf8')).toBe('ORIGINAL CONTENT');
      expect(await readdir(dir)).toEqual(['säkerhetskopia.antal']);
    },
  );

  it('a failure creates nothing when the target did not exist', async () => {
    const target = path.join(dir, 'new.pdf');
    await expect(atomicWriteFile(target, bytes('x'), { fs: failingFs('write', 'ENOSPC') })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails (and creates nothing) when the directory does not exist', async () => {
    await expect(atomicWriteFile(path.join(dir, 'missing', 'x.pdf'), bytes('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])('ignores an unsupported directory fsync (%s, e.g. on Windows)', async (code) => {
    const target = path.join(dir, 'a.txt');
    await atomicWriteFile(target, bytes('saved'), { fs: failingFs('dir-open', code) });
    expect(await readFile(target, 'utf8')).toBe('saved');
    await atomicWriteFile(target, bytes('saved again'), { fs: failingFs('dir-sync', code) });
    expect(await readFile(target, 'utf8')).toBe('saved again');
  });

  it('reports a real directory fsync failure (the rename may not survive a power cut)', async () => {
    await expect(atomicWriteFile(path.join(dir, 'a.txt'), bytes('x'), { fs: failingFs('dir-sync', 'EIO') })).rejects.toMatchObject({
      code: 'EIO',
    });
  });

  it('on Windows, retries a rename blocked for a moment (virus scanner, indexer) and then succeeds', async () => {
    const target = path.join(dir, 'brev.pdf');
    await writeFile(target, 'old');
    let failures = 2;
    const fs: FsLike = {
      ...nodeFs,
      open: (p, flags) => nodeFs.open(p, flags),
      rename: async (from, to) => {
        if (failures-- > 0) throw errno('EPERM');
        await nodeFs.rename(from, to);
      },
    };
    const sleep = vi.fn(async () => undefined);
    await atomicWriteFile(target, bytes('new'), { fs, platform: 'win32', sleep });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(await readdir(dir)).toEqual(['brev.pdf']);
  });

  it('on Windows, gives up after the retries and cleans up', async () => {
    const target = path.join(dir, 'open-in-acrobat.pdf');
    await writeFile(target, 'old');
    const fs = failingFs('rename', 'EBUSY');
    const sleep = vi.fn(async () => undefined);
    await expect(atomicWriteFile(target, bytes('new'), { fs, platform: 'win32', sleep })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(fs.renames).toBeGreaterThan(1);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['open-in-acrobat.pdf']);
  });

  it('does not retry elsewhere (EACCES on Linux is a real permission error)', async () => {
    const fs = failingFs('rename', 'EACCES');
    const sleep = vi.fn(async () => undefined);
    await expect(atomicWriteFile(path.join(dir, 'x'), bytes('x'), { fs, platform: 'linux', sleep })).rejects.toMatchObject({ code: 'EACCES' });
    expect(fs.renames).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('concurrent writes to one target end with one complete version, never a mix', async () => {
    const target = path.join(dir, 'state.json');
    const versions = Array.from({ length: 8 }, (_, i) => String(i).repeat(50_000 + i));
    await Promise.all(versions.map((v) => atomicWriteFile(target, bytes(v))));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});

describe('readFileLimited', () => {
  it('reads a whole file', async () => {
    const file = path.join(dir, 'counts.csv');
    await writeFile(file, 'region;antal\n01;12\n');
    const result = await readFileLimited(file, 1024);
    expect(result.ok && new TextDecoder().decode(result.value)).toBe('region;antal\n01;12\n');
  });

  it('reads an empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    await writeFile(file, '');
    const result = await readFileLimited(file, 1024);
    expect(result.ok && result.value.length).toBe(0);
  });

  it('refuses a file over the limit before reading it, and accepts one exactly at the limit', async () => {
    const file = path.join(dir, 'big.csv');
    await writeFile(file, 'x'.repeat(101));
    expect(await readFileLimited(file, 100)).toEqual({ ok: false, error: { code: 'too-large', detail: '101 bytes; the limit is 100' } });
    expect((await readFileLimited(file, 101)).ok).toBe(true);
  });

  it('refuses something that is not a regular file', async () => {
    expect(await readFileLimited(dir, 1024)).toMatchObject({ ok: false, error: { code: 'io', detail: 'not a regular file' } });
  });

  it('fails if the file grows while it is read (an export still being written)', async () => {
    const file = path.join(dir, 'growing.csv');
    await writeFile(file, 'a;b\n1;2\n3;4\n');
    // stat() reports the size from before the writer appended more.
    const fs: FsLike = {
      ...nodeFs,
      open: async (p, flags) => {
        const handle = await nodeFs.open(p, flags);
        return {
          writeFile: (d) => handle.writeFile(d),
          read: (b, o, l, pos) => handle.read(b, o, l, pos),
          stat: async () => ({ size: 4, isFile: () => true }),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    expect(await readFileLimited(file, 1024, fs)).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

/** A dialog that records what it was asked and answers as told. */
function fakeDialog(answer: { open?: string[]; save?: string }) {
  const asked: { open?: OpenDialogOptions; save?: SaveDialogOptions; window?: unknown } = {};
  const dialog: DialogLike<{ id: string }> = {
    showOpenDialog: async (window, options) => {
      asked.window = window;
      asked.open = options;
      return answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (window, options) => {
      asked.window = window;
      asked.save = options;
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
  };
  return { dialog, asked };
}

const window = { id: 'main' };

describe('openFileWithDialog', () => {
  const request = { titleKey: 'dialogs.openDataset', filters: [{ nameKey: 'files.table', extensions: ['csv', 'tsv', 'xlsx'] }] };

  it('shows a translated, single-file dialog parented to the window and returns the name and bytes', async () => {
    const file = path.join(dir, 'Region Skåne 2023.csv');
    await writeFile(file, 'län;antal\n');
    const { dialog, asked } = fakeDialog({ open: [file] });
    const result = await openFileWithDialog(dialog, window, request, { language: 'sv' });
    expect(asked.window).toBe(window);
    expect(asked.open).toEqual({
      title: 'Importera dataset',
      filters: [{ name: 'Tabeller (CSV, TSV, Excel)', extensions: ['csv', 'tsv', 'xlsx'] }],
      properties: ['openFile'],
    });
    expect(result.ok && result.value.name).toBe('Region Skåne 2023.csv');
    expect(result.ok && new TextDecoder().decode(result.value.bytes)).toBe('län;antal\n');
  });

  it('uses English when the menus are English', async () => {
    const { dialog, asked } = fakeDialog({});
    await openFileWithDialog(dialog, window, request, { language: 'en' });
    expect(asked.open?.title).toBe('Import dataset');
    expect(asked.open?.filters?.[0]?.name).toBe('Tables (CSV, TSV, Excel)');
  });

  it('reports cancel as "cancelled"', async () => {
    const { dialog } = fakeDialog({});
    expect(await openFileWithDialog(dialog, window, request, { language: 'sv' })).toEqual({ ok: false, error: { code: 'cancelled' } });
  });

  it('refuses files over the limit with "too-large" (default limit is MAX_OPEN_FILE_BYTES)', async () => {
    const file = path.join(dir, 'big.csv');
    await writeFile(file, 'x'.repeat(2048));
    const { dialog } = fakeDialog({ open: [file] });
    expect(await openFileWithDialog(dialog, window, request, { language: 'sv', maxBytes: 1024 })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(MAX_OPEN_FILE_BYTES).toBe(512 * 1024 * 1024);
  });

  it('reports a vanished file as an io error instead of throwing', async () => {
    const { dialog } = fakeDialog({ open: [path.join(dir, 'gone.csv')] });
    expect(await openFileWithDialog(dialog, window, request, { language: 'sv' })).toMatchObject({
      ok: false,
      error: { code: 'io', detail: expect.stringContaining('ENOENT') },
    });
  });

  it('shows no dialog for an unknown title or filter key', async () => {
    const { dialog, asked } = fakeDialog({});
    expect(await openFileWithDialog(dialog, window, { ...request, titleKey: 'menu.quit' }, { language: 'sv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(
      await openFileWithDialog(dialog, window, { ...request, filters: [{ nameKey: 'files.exe', extensions: ['exe'] }] }, { language: 'sv' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(asked.open).toBeUndefined();
  });
});

describe('saveFileWithDialog', () => {
  const request = {
    titleKey: 'dialogs.saveLetter',
    suggestedName: 'Svar STUDY-1.pdf',
    filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }],
    bytes: bytes('%PDF-1.7 letter'),
  };

  it('suggests the name in the default directory and writes the chosen file atomically', async () => {
    const chosen = path.join(dir, 'Svar STUDY-1.pdf');
    const { dialog, asked } = fakeDialog({ save: chosen });
    const result = await saveFileWithDialog(dialog, window, request, { language: 'sv', defaultDirectory: '/home/k/Dokument' });
    expect(asked.save).toMatchObject({
      title: 'Spara svarsbrev',
      defaultPath: path.join('/home/k/Dokument', 'Svar STUDY-1.pdf'),
      filters: [{ name: 'PDF-dokument', extensions: ['pdf'] }],
    });
    expect(asked.save?.properties).toContain('showOverwriteConfirmation');
    expect(result).toEqual({ ok: true, value: { path: chosen, bytes: request.bytes.byteLength } });
    expect(await readFile(chosen, 'utf8')).toBe('%PDF-1.7 letter');
    expect(await readdir(dir)).toEqual(['Svar STUDY-1.pdf']);
  });

  it('reports cancel as "cancelled" and writes nothing', async () => {
    const write = vi.fn(async () => undefined);
    const { dialog } = fakeDialog({});
    expect(await saveFileWithDialog(dialog, window, request, { language: 'sv', defaultDirectory: dir, write })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(write).not.toHaveBeenCalled();
  });

  it('reports a failed write as an io error with the cause', async () => {
    const { dialog } = fakeDialog({ save: path.join(dir, 'x.pdf') });
    const write = async () => {
      throw errno('ENOSPC');
    };
    expect(await saveFileWithDialog(dialog, window, request, { language: 'sv', defaultDirectory: dir, write })).toMatchObject({
      ok: false,
      error: { code: 'io', detail: expect.stringContaining('ENOSPC') },
    });
  });

  it('refuses more than MAX_SAVE_FILE_BYTES without showing a dialog', async () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_SAVE_FILE_BYTES + 1 });
    const { dialog, asked } = fakeDialog({ save: path.join(dir, 'x.pdf') });
    expect(await saveFileWithDialog(dialog, window, { ...request, bytes: huge }, { language: 'sv', defaultDirectory: dir })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(asked.save).toBeUndefined();
  });
});
