import type { AntalBridge } from '../../../shared/ipc/contract';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

declare global {
  interface Window {
    /** Present only in the desktop app: the preload script's narrow, typed bridge. */
    antal?: AntalBridge;
  }
}

export function detectPlatform(): Platform {
  const bridge = window.antal;
  if (bridge) {
    return {
      kind: 'electron',
      getAppInfo: () => bridge.getAppInfo(),
      openFile: (request) => bridge.openFile(request),
      saveFile: (request) => bridge.saveFile(request),
      setLanguage: (language) => bridge.setLanguage(language),
      onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    };
  }
  return createWebPlatform();
}

export type { Platform };
