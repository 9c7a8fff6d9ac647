/**
 * The platform adapter: the only place where the desktop app and the browser build differ. Every feature
 * calls these functions; none reaches Electron or a browser-only API directly.
 */
import type {
  AppInfo,
  MenuCommand,
  OpenFileRequest,
  OpenedFile,
  Result,
  SaveFileRequest,
  SavedFile,
} from '../../../shared/ipc/contract';
import type { Language } from '../../../shared/text/language';

export interface Platform {
  kind: 'electron' | 'web';
  getAppInfo(): Promise<Result<AppInfo>>;
  openFile(request: OpenFileRequest): Promise<Result<OpenedFile>>;
  saveFile(request: SaveFileRequest): Promise<Result<SavedFile>>;
  setLanguage(language: Language): Promise<Result<null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
