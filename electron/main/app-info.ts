/**
 * Versions for the About dialog (rendered by the renderer) and for bug reports from clinics: which app,
 * Electron, Chromium and Node versions a coordinator is running matters when a security fix ships.
 */
import type { AppInfo } from '../../shared/ipc/contract';

export interface AppIdentity {
  getName(): string;
  getVersion(): string;
}

export interface RuntimeVersions {
  electron?: string | undefined;
  chrome?: string | undefined;
  node?: string | undefined;
}

export function collectAppInfo(app: AppIdentity, versions: RuntimeVersions, platform: string): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electron: versions.electron ?? 'unknown',
    chrome: versions.chrome ?? 'unknown',
    node: versions.node ?? 'unknown',
    platform,
  };
}
