/**
 * The main-process side of the bridge: one typed handler map derived from `AntalBridge`, registered on the
 * fixed channels of `IPC_CHANNELS`. Every call is checked in the same order before a handler runs:
 *   1. the sender is the app's own top-level page (checklist #17), else `forbidden-sender`;
 *   2. the arguments have exactly the contract's shape, types and sizes, else `invalid-argument`;
 *   3. a handler that throws becomes `io` (file-system errors) or `internal` — nothing throws across the bridge.
 */
import {
  IPC_CHANNELS,
  type AntalBridge,
  type BridgeError,
  type FileFilter,
  type OpenFileRequest,
  type Result,
  type SaveFileRequest,
} from '../../shared/ipc/contract';
import { autoBackupBytesProblem } from './backup';
import { describeError, errorCode, MAX_SAVE_FILE_BYTES } from './files';
import { isFileFilterKey, isDialogTitleKey, isLanguage } from './i18n';
import { isRendererUrl } from './trusted-url';

/** Request/response methods; `onMenuCommand` is a main → renderer event, not an invoke. */
export type InvokeMethod = Exclude<keyof AntalBridge, 'onMenuCommand' | 'onAutoBackupRequest'>;
export type BridgeArgument<K extends InvokeMethod> = Parameters<AntalBridge[K]> extends [infer A] ? A : undefined;
export type BridgeValue<K extends InvokeMethod> = Awaited<ReturnType<AntalBridge[K]>> extends Result<infer V> ? V : never;

export interface CallContext<Sender> {
  /** The sender's web contents (Electron's `event.sender`), e.g. to find the parent window of a dialog. */
  sender: Sender;
}

export type Handlers<Sender> = {
  [K in InvokeMethod]: (argument: BridgeArgument<K>, context: CallContext<Sender>) => Promise<Result<BridgeValue<K>>>;
};

export const INVOKE_CHANNELS = {
  getAppInfo: IPC_CHANNELS.getAppInfo,
  openFile: IPC_CHANNELS.openFile,
  saveFile: IPC_CHANNELS.saveFile,
  setLanguage: IPC_CHANNELS.setLanguage,
  writeAutoBackup: IPC_CHANNELS.writeAutoBackup,
} as const satisfies Record<InvokeMethod, string>;

export const INVOKE_METHODS = Object.keys(INVOKE_CHANNELS) as InvokeMethod[];

// ---------------------------------------------------------------------------------------------------------
// Sender validation

export interface IpcSenderFrame {
  url: string;
  /** null for the top-level frame. */
  parent: unknown;
}

export interface IpcInvokeEventLike<Sender = unknown> {
  /** null when the frame has navigated away or been destroyed since it sent the message. */
  senderFrame: IpcSenderFrame | null;
  sender: Sender;
}

/**
 * The sender must be the top-level frame of a page on app://antal (or, in development only, the dev server).
 * A sub-frame, or a page that somehow navigated elsewhere, gets nothing.
 */
export function createSenderCheck(devServerUrl: string | undefined): (event: IpcInvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && frame.parent === null && isRendererUrl(frame.url, devServerUrl);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Argument validation

type Validation<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

const MAX_FILTERS = 16;
const MAX_EXTENSIONS = 32;
const MAX_FILE_NAME_LENGTH = 200;
const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;
// Characters no file name may contain on Windows (and separators anywhere); control characters included.
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]/;
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function invalid(detail: string): { ok: false; error: BridgeError } {
  return { ok: false, error: { code: 'invalid-argument', detail } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Exactly these keys: an extra key means the renderer and the contract disagree, which we want to hear about. */
function checkKeys(value: Record<string, unknown>, keys: readonly string[], where: string): string | null {
  const unexpected = Object.keys(value).filter((key) => !keys.includes(key));
  if (unexpected.length > 0) return `${where}: unexpected ${unexpected.map((k) => JSON.stringify(k)).join(', ')}`;
  const missing = keys.filter((key) => !(key in value));
  return missing.length > 0 ? `${where}: missing ${missing.join(', ')}` : null;
}

/** A name for the save dialog's name field: no directories, nothing Windows would refuse or reinterpret. */
export function isSafeFileName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= MAX_FILE_NAME_LENGTH &&
    !UNSAFE_FILE_NAME_CHARS.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED_NAME.test(name)
  );
}

function validateFilters(value: unknown, where: string): Validation<FileFilter[]> {
  if (!Array.isArray(value)) return invalid(`${where}: expected an array`);
  if (value.length > MAX_FILTERS) return invalid(`${where}: at most ${MAX_FILTERS} filters`);
  const filters: FileFilter[] = [];
  for (const [index, filter] of value.entries()) {
    const at = `${where}[${index}]`;
    if (!isPlainObject(filter)) return invalid(`${at}: expected an object`);
    const keyProblem = checkKeys(filter, ['nameKey', 'extensions'], at);
    if (keyProblem) return invalid(keyProblem);
    const { nameKey, extensions } = filter;
    if (typeof nameKey !== 'string' || !isFileFilterKey(nameKey)) return invalid(`${at}.nameKey: unknown file filter key ${JSON.stringify(nameKey)}`);
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) {
      return invalid(`${at}.extensions: expected 1–${MAX_EXTENSIONS} extensions`);
    }
    for (const [i, extension] of extensions.entries()) {
      if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
        return invalid(`${at}.extensions[${i}]: expected "*" or 1–16 letters/digits without a dot`);
      }
    }
    filters.push({ nameKey, extensions: [...(extensions as string[])] });
  }
  return { ok: true, value: filters };
}

function single(args: readonly unknown[], method: string): Validation<unknown> {
  return args.length === 1 ? { ok: true, value: args[0] } : invalid(`${method}: expected exactly one argument, got ${args.length}`);
}

function validateOpenFile(args: readonly unknown[]): Validation<OpenFileRequest> {
  const arg = single(args, 'openFile');
  if (!arg.ok) return arg;
  const request = arg.value;
  if (!isPlainObject(request)) return invalid('openFile: expected a request object');
  const keyProblem = checkKeys(request, ['titleKey', 'filters'], 'openFile');
  if (keyProblem) return invalid(keyProblem);
  if (typeof request.titleKey !== 'string' || !isDialogTitleKey(request.titleKey)) {
    return invalid(`openFile.titleKey: unknown dialog title key ${JSON.stringify(request.titleKey)}`);
  }
  const filters = validateFilters(request.filters, 'openFile.filters');
  if (!filters.ok) return filters;
  return { ok: true, value: { titleKey: request.titleKey, filters: filters.value } };
}

function validateSaveFile(args: readonly unknown[]): Validation<SaveFileRequest> {
  const arg = single(args, 'saveFile');
  if (!arg.ok) return arg;
  const request = arg.value;
  if (!isPlainObject(request)) return invalid('saveFile: expected a request object');
  const keyProblem = checkKeys(request, ['titleKey', 'suggestedName', 'filters', 'bytes'], 'saveFile');
  if (keyProblem) return invalid(keyProblem);
  const { titleKey, suggestedName, bytes } = request;
  if (typeof titleKey !== 'string' || !isDialogTitleKey(titleKey)) {
    return invalid(`saveFile.titleKey: unknown dialog title key ${JSON.stringify(titleKey)}`);
  }
  if (!isSafeFileName(suggestedName)) {
    return invalid('saveFile.suggestedName: expected a file name (no folders, no <>:"/\\|?*, at most 200 characters)');
  }
  const filters = validateFilters(request.filters, 'saveFile.filters');
  if (!filters.ok) return filters;
  if (!(bytes instanceof Uint8Array)) return invalid('saveFile.bytes: expected a Uint8Array');
  if (bytes.byteLength > MAX_SAVE_FILE_BYTES) {
    return { ok: false, error: { code: 'too-large', detail: `${bytes.byteLength} bytes; the limit is ${MAX_SAVE_FILE_BYTES}` } };
  }
  return { ok: true, value: { titleKey, suggestedName, filters: filters.value, bytes } };
}

export const ARGUMENT_VALIDATORS: { [K in InvokeMethod]: (args: readonly unknown[]) => Validation<BridgeArgument<K>> } = {
  getAppInfo: (args) => (args.length === 0 ? { ok: true, value: undefined } : invalid('getAppInfo: expected no arguments')),
  openFile: validateOpenFile,
  saveFile: validateSaveFile,
  setLanguage: (args) => {
    const arg = single(args, 'setLanguage');
    if (!arg.ok) return arg;
    return isLanguage(arg.value) ? { ok: true, value: arg.value } : invalid(`setLanguage: expected "sv" or "en", got ${JSON.stringify(arg.value)}`);
  },
  writeAutoBackup: (args) => {
    const arg = single(args, 'writeAutoBackup');
    if (!arg.ok) return arg;
    const problem = autoBackupBytesProblem(arg.value);
    if (problem === null) return { ok: true, value: arg.value as Uint8Array };
    return arg.value instanceof Uint8Array && arg.value.byteLength > MAX_SAVE_FILE_BYTES
      ? { ok: false, error: { code: 'too-large', detail: problem } }
      : invalid(`writeAutoBackup: ${problem}`);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Registration

/** The part of Electron's `ipcMain` we use. */
export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions {
  /** For the log: a handler threw (the renderer only sees the error code and detail). */
  onHandlerError?(method: InvokeMethod, error: unknown): void;
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden-sender' } };

export function registerIpcHandlers<Event extends IpcInvokeEventLike>(
  ipcMain: IpcMainLike<Event>,
  handlers: Handlers<Event['sender']>,
  isTrustedSender: (event: Event) => boolean,
  options: RegisterOptions = {},
): void {
  const bind = <K extends InvokeMethod>(method: K): void => {
    const validate = ARGUMENT_VALIDATORS[method];
    const handler = handlers[method];
    ipcMain.handle(INVOKE_CHANNELS[method], async (event, ...args): Promise<Result<BridgeValue<K>>> => {
      try {
        if (!isTrustedSender(event)) return FORBIDDEN;
        const argument = validate(args);
        if (!argument.ok) return argument;
        return await handler(argument.value, { sender: event.sender });
      } catch (error) {
        options.onHandlerError?.(method, error);
        return { ok: false, error: { code: errorCode(error) ? 'io' : 'internal', detail: describeError(error) } };
      }
    });
  };
  for (const method of INVOKE_METHODS) bind(method);
}
