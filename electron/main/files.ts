/**
 * Reading and writing the user's files: native open/save dialogs, a size-limited read, and an atomic write
 * (a crash, a full disk or a power cut leaves either the old file or the new one, never half of each).
 */
import { randomUUID } from 'node:crypto';
import nodeFs from 'node:fs/promises';
import nodePath from 'node:path';
import type {
  FileFilter as NativeFileFilter,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import {
  MAX_OPEN_FILE_BYTES,
  type FileFilter,
  type OpenedFile,
  type OpenFileRequest,
  type Result,
  type SavedFile,
  type SaveFileRequest,
} from '../../shared/ipc/contract';
import { isDialogTitleKey, isFileFilterKey, translate } from './i18n';
import type { Language } from '../../shared/text/language';

/** Largest file the renderer may ask us to save (a letter, an answer file, a backup). */
export const MAX_SAVE_FILE_BYTES = MAX_OPEN_FILE_BYTES;

// ---------------------------------------------------------------------------------------------------------
// File system seam: `node:fs/promises` satisfies these; tests wrap it to inject failures.

export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number; isFile(): boolean }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FsLike {
  open(path: string, flags: string): Promise<FileHandleLike>;
  rename(oldPath: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function describeError(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

// ---------------------------------------------------------------------------------------------------------
// Atomic write

export interface AtomicWriteDeps {
  fs: FsLike;
  /** Windows needs retries when a virus scanner or the search indexer briefly holds the new file. */
  platform: NodeJS.Platform;
  sleep(ms: number): Promise<void>;
}

const defaultDeps: AtomicWriteDeps = {
  fs: nodeFs,
  platform: process.platform,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Error codes a directory fsync may give where the OS or file system does not support it: Windows cannot
// open a directory as a file (EISDIR/EPERM/EACCES), some network and FUSE file systems reject it (EINVAL,
// ENOTSUP). The rename has already happened by then, so these are not failures of the save.
const UNSUPPORTED_DIR_FSYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_RETRY_DELAYS_MS = [20, 50, 100, 200, 400, 800];

/** Same directory as the target (a rename across file systems is not atomic), unique, recognisable. */
export function temporaryPathFor(target: string): string {
  const base = nodePath.basename(target).slice(0, 64);
  return nodePath.join(nodePath.dirname(target), `.${base}.${randomUUID()}.tmp`);
}

async function removeQuietly(fs: FsLike, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch {
    // Already gone, or the disk is in trouble; the original error is the one worth reporting.
  }
}

async function renameWithRetry(deps: AtomicWriteDeps, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.fs.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      const retryable = deps.platform === 'win32' && TRANSIENT_RENAME_ERRORS.has(errorCode(error) ?? '');
      if (!retryable || delay === undefined) throw error;
      await deps.sleep(delay);
    }
  }
}

async function syncDirectory(fs: FsLike, directory: string): Promise<void> {
  let handle: FileHandleLike | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED_DIR_FSYNC.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Write `bytes` to `target` atomically: temp file in the same directory → fsync → close → rename over the
 * target → fsync the directory (so the rename itself survives a power cut). On any failure before the
 * rename, the temp file is removed and the target is untouched.
 *
 * If `target` is a symbolic link, the link is replaced by a regular file.
 */
export async function atomicWriteFile(target: string, bytes: Uint8Array, deps: Partial<AtomicWriteDeps> = {}): Promise<void> {
  const d: AtomicWriteDeps = { ...defaultDeps, ...deps };
  const temporary = temporaryPathFor(target);
  // 'wx': fail rather than follow or reuse anything that already has this name.
  const handle = await d.fs.open(temporary, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(d, temporary, target);
  } catch (error) {
    await removeQuietly(d.fs, temporary);
    throw error;
  }
  await syncDirectory(d.fs, nodePath.dirname(target));
}

// ---------------------------------------------------------------------------------------------------------
// Size-limited read

/**
 * Read a whole regular file of at most `maxBytes`. Checks the size before reading (so a 5 GB file is refused
 * without touching memory), refuses devices and pipes (whose size says nothing), and fails if the file
 * changes length while it is read (e.g. an export still being written), instead of importing half of it.
 */
export async function readFileLimited(path: string, maxBytes: number, fs: FsLike = nodeFs): Promise<Result<Uint8Array>> {
  const handle = await fs.open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, error: { code: 'io', detail: 'not a regular file' } };
    if (stats.size > maxBytes) {
      return { ok: false, error: { code: 'too-large', detail: `${stats.size} bytes; the limit is ${maxBytes}` } };
    }
    const bytes = new Uint8Array(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    const probe = new Uint8Array(1);
    const { bytesRead: extra } = await handle.read(probe, 0, 1, offset);
    if (offset !== bytes.length || extra !== 0) {
      return { ok: false, error: { code: 'io', detail: 'the file changed while it was being read' } };
    }
    return { ok: true, value: bytes };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Native dialogs

/** The parts of Electron's `dialog` we use; `W` is the parent window type (BaseWindow in the app). */
export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

type Translated<T> = { ok: true; value: T } | { ok: false; error: { code: 'invalid-argument'; detail: string } };

function translateTitle(language: Language, key: string): Translated<string> {
  if (!isDialogTitleKey(key)) return { ok: false, error: { code: 'invalid-argument', detail: `unknown dialog title key "${key}"` } };
  return { ok: true, value: translate(language, key) };
}

function translateFilters(language: Language, filters: readonly FileFilter[]): Translated<NativeFileFilter[]> {
  const translated: NativeFileFilter[] = [];
  for (const filter of filters) {
    if (!isFileFilterKey(filter.nameKey)) {
      return { ok: false, error: { code: 'invalid-argument', detail: `unknown file filter key "${filter.nameKey}"` } };
    }
    translated.push({ name: translate(language, filter.nameKey), extensions: [...filter.extensions] });
  }
  return { ok: true, value: translated };
}

export interface OpenFileOptions {
  language: Language;
  maxBytes?: number;
  fs?: FsLike;
}

export async function openFileWithDialog<W>(
  dialog: DialogLike<W>,
  window: W,
  request: OpenFileRequest,
  options: OpenFileOptions,
): Promise<Result<OpenedFile>> {
  const title = translateTitle(options.language, request.titleKey);
  if (!title.ok) return title;
  const filters = translateFilters(options.language, request.filters);
  if (!filters.ok) return filters;

  const choice = await dialog.showOpenDialog(window, { title: title.value, filters: filters.value, properties: ['openFile'] });
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { ok: false, error: { code: 'cancelled' } };

  try {
    const read = await readFileLimited(filePath, options.maxBytes ?? MAX_OPEN_FILE_BYTES, options.fs);
    if (!read.ok) return read;
    // Only the base name crosses to the renderer; it has no use for the user's directory layout.
    return { ok: true, value: { name: nodePath.basename(filePath), bytes: read.value } };
  } catch (error) {
    return { ok: false, error: { code: 'io', detail: describeError(error) } };
  }
}

export interface SaveFileOptions {
  language: Language;
  /** Where the dialog starts, e.g. app.getPath('documents'). */
  defaultDirectory: string;
  write?: (target: string, bytes: Uint8Array) => Promise<void>;
}

export async function saveFileWithDialog<W>(
  dialog: DialogLike<W>,
  window: W,
  request: SaveFileRequest,
  options: SaveFileOptions,
): Promise<Result<SavedFile>> {
  const title = translateTitle(options.language, request.titleKey);
  if (!title.ok) return title;
  const filters = translateFilters(options.language, request.filters);
  if (!filters.ok) return filters;
  if (request.bytes.byteLength > MAX_SAVE_FILE_BYTES) {
    return { ok: false, error: { code: 'too-large', detail: `${request.bytes.byteLength} bytes; the limit is ${MAX_SAVE_FILE_BYTES}` } };
  }

  const choice = await dialog.showSaveDialog(window, {
    title: title.value,
    defaultPath: nodePath.join(options.defaultDirectory, request.suggestedName),
    filters: filters.value,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) return { ok: false, error: { code: 'cancelled' } };

  try {
    await (options.write ?? atomicWriteFile)(choice.filePath, request.bytes);
    return { ok: true, value: { path: choice.filePath, bytes: request.bytes.byteLength } };
  } catch (error) {
    return { ok: false, error: { code: 'io', detail: describeError(error) } };
  }
}
