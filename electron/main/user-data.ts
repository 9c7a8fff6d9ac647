/**
 * Where Antal keeps its data (userData: IndexedDB with every dataset and assessment, the automatic backups, the
 * window state). Decided once at start-up, before anything opens a file there.
 *
 * Windows: the local, non-roaming profile (%LOCALAPPDATA%\Antal). Electron's default is the roaming profile
 * (%APPDATA%), which many hospital networks copy to a server at every logon and logoff or redirect to a network
 * share: a database of hundreds of megabytes there makes logons slow, can hit profile quotas, and a database on
 * a network share can be corrupted when the connection drops.
 *
 * Existing installations keep their folder: IndexedDB is keyed by the profile folder as well as the origin, so
 * silently switching an existing user to a new, empty folder would look exactly like losing every dataset.
 * Moving a database folder while the app might be running (or while an older Antal on the same PC still uses it)
 * is not something to do unasked at start-up, so a user whose data is in the roaming profile keeps it there and
 * can move it by hand (the README says how).
 *
 * The user (or the IT department, through the environment) may choose another folder with ANTAL_DATA_DIR.
 * macOS and Linux keep Electron's default (~/Library/Application Support/Antal, ~/.config/Antal): both are local.
 */
import nodePath from 'node:path';

/** The environment variable with which a user or IT department chooses the data folder (an absolute path). */
export const DATA_DIR_VARIABLE = 'ANTAL_DATA_DIR';

export interface UserDataInputs {
  platform: NodeJS.Platform;
  /** Development builds use their own folder, so experiments never touch a real installation's data. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('appData') (%APPDATA% on Windows). */
  appData: string;
  /** Electron's app.getPath('home'). */
  home: string;
  /** Synchronous existence check (this runs before the app is ready; nothing else happens meanwhile). */
  exists(path: string): boolean;
}

export type UserDataReason =
  /** ANTAL_DATA_DIR. */
  | 'chosen'
  /** Windows: %LOCALAPPDATA%\Antal. */
  | 'local-profile'
  /** Windows: an existing installation's data in %APPDATA%\Antal, kept where it is. */
  | 'existing-roaming'
  /** macOS, Linux: Electron's own (local) folder. */
  | 'platform-default';

export interface UserDataChoice {
  path: string;
  reason: UserDataReason;
  /** Why ANTAL_DATA_DIR was not used, when it was set but unusable (for the log). */
  ignored?: string;
}

/** The folder name under the profile: pinned, because a rename would start every update with an empty database. */
export function userDataFolderName(isPackaged: boolean): string {
  return isPackaged ? 'Antal' : 'Antal-dev';
}

/** Subfolders that mean a folder holds Antal data (the database, the automatic backups). */
const DATA_MARKERS = ['IndexedDB', 'backups'];

export function chooseUserDataPath(inputs: UserDataInputs): UserDataChoice {
  const path = inputs.platform === 'win32' ? nodePath.win32 : nodePath.posix;
  const folder = userDataFolderName(inputs.isPackaged);
  let ignored: string | undefined;

  const chosen = inputs.env[DATA_DIR_VARIABLE]?.trim();
  if (chosen) {
    if (path.isAbsolute(chosen) && !(inputs.platform === 'win32' && /^\\\\[?.]\\/.test(chosen))) return { path: path.normalize(chosen), reason: 'chosen' };
    ignored = `${DATA_DIR_VARIABLE} must be an absolute path, got ${JSON.stringify(chosen)}`;
  }
  const withIgnored = (choice: UserDataChoice): UserDataChoice => (ignored ? { ...choice, ignored } : choice);

  if (inputs.platform !== 'win32') return withIgnored({ path: path.join(inputs.appData, folder), reason: 'platform-default' });

  const localAppData = inputs.env['LOCALAPPDATA'];
  const localRoot = localAppData && path.isAbsolute(localAppData) ? localAppData : path.join(inputs.home, 'AppData', 'Local');
  const local = path.join(localRoot, folder);
  const roaming = path.join(inputs.appData, folder);
  const holdsData = (dir: string) => DATA_MARKERS.some((marker) => inputs.exists(path.join(dir, marker)));
  if (path.normalize(local).toLowerCase() !== path.normalize(roaming).toLowerCase() && !holdsData(local) && holdsData(roaming)) {
    return withIgnored({ path: roaming, reason: 'existing-roaming' });
  }
  return withIgnored({ path: local, reason: 'local-profile' });
}
