// The browser implementation of the platform adapter: file input for opening, a download for saving.
import { MAX_OPEN_FILE_BYTES } from '../../../shared/ipc/contract';
import type { AppInfo, OpenFileRequest, OpenedFile, Result, SaveFileRequest, SavedFile } from '../../../shared/ipc/contract';
import { appVersion } from 'virtual:antal-build-info';
import type { Platform } from './platform';

function pickFile(request: OpenFileRequest): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    async getAppInfo(): Promise<Result<AppInfo>> {
      return {
        ok: true,
        value: { name: 'Antal', version: appVersion, electron: '', chrome: '', node: '', platform: navigator.userAgent },
      };
    },
    async openFile(request): Promise<Result<OpenedFile>> {
      const file = await pickFile(request);
      if (!file) return { ok: false, error: { code: 'cancelled' } };
      if (file.size > MAX_OPEN_FILE_BYTES) return { ok: false, error: { code: 'too-large', detail: `${file.name}: ${file.size} bytes` } };
      return { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
    },
    async saveFile(request: SaveFileRequest): Promise<Result<SavedFile>> {
      // A browser cannot write atomically to a chosen path; a download is the closest equivalent.
      const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>]);
      const url = URL.createObjectURL(blob);
      try {
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = request.suggestedName;
        anchor.click();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { ok: true, value: { path: request.suggestedName, bytes: request.bytes.byteLength } };
    },
    async setLanguage() {
      return { ok: true, value: null };
    },
    onMenuCommand() {
      return () => undefined; // the browser build has no application menu
    },
  };
}
