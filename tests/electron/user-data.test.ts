// Where the data lives: the local (non-roaming) Windows profile for new installations, an existing installation's
// roaming folder kept where it is (IndexedDB is keyed by the folder: switching would look like losing every
// dataset), ANTAL_DATA_DIR when the user or IT chooses a folder, Electron's local default on macOS and Linux.
import { describe, expect, it } from 'vitest';
import { chooseUserDataPath, type UserDataInputs } from '../../electron/main/user-data';

const windows = (overrides: Partial<UserDataInputs> = {}): UserDataInputs => ({
  platform: 'win32',
  isPackaged: true,
  env: { LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local', APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' },
  appData: 'C:\\Users\\anna\\AppData\\Roaming',
  home: 'C:\\Users\\anna',
  exists: () => false,
  ...overrides,
});

const existing = (...paths: string[]) => (path: string) => paths.includes(path);

describe('chooseUserDataPath', () => {
  it('Windows, new installation: %LOCALAPPDATA%\\Antal, not the roaming profile', () => {
    expect(chooseUserDataPath(windows())).toEqual({ path: 'C:\\Users\\anna\\AppData\\Local\\Antal', reason: 'local-profile' });
  });

  it('Windows without LOCALAPPDATA in the environment: the profile\'s AppData\\Local', () => {
    expect(chooseUserDataPath(windows({ env: {} })).path).toBe('C:\\Users\\anna\\AppData\\Local\\Antal');
    expect(chooseUserDataPath(windows({ env: { LOCALAPPDATA: 'relative\\path' } })).path).toBe('C:\\Users\\anna\\AppData\\Local\\Antal');
  });

  it('Windows, an existing installation with its database in the roaming profile keeps it there', () => {
    const roamingDb = 'C:\\Users\\anna\\AppData\\Roaming\\Antal\\IndexedDB';
    expect(chooseUserDataPath(windows({ exists: existing(roamingDb) }))).toEqual({ path: 'C:\\Users\\anna\\AppData\\Roaming\\Antal', reason: 'existing-roaming' });
    // Only automatic backups there (the database was deleted): still that installation's folder.
    expect(chooseUserDataPath(windows({ exists: existing('C:\\Users\\anna\\AppData\\Roaming\\Antal\\backups') })).reason).toBe('existing-roaming');
  });

  it('Windows: a roaming folder without data (only window state or crash dumps) does not hold anyone back', () => {
    expect(chooseUserDataPath(windows({ exists: existing('C:\\Users\\anna\\AppData\\Roaming\\Antal') })).reason).toBe('local-profile');
  });

  it('Windows: once the local folder holds data it wins, even if an old roaming copy is still there', () => {
    const both = existing('C:\\Users\\anna\\AppData\\Roaming\\Antal\\IndexedDB', 'C:\\Users\\anna\\AppData\\Local\\Antal\\IndexedDB');
    expect(chooseUserDataPath(windows({ exists: both })).reason).toBe('local-profile');
  });

  it('development builds use their own folder, so they never open a real installation\'s database', () => {
    expect(chooseUserDataPath(windows({ isPackaged: false })).path).toBe('C:\\Users\\anna\\AppData\\Local\\Antal-dev');
    expect(chooseUserDataPath({ ...windows({ isPackaged: false }), platform: 'linux', appData: '/home/anna/.config', home: '/home/anna' }).path).toBe('/home/anna/.config/Antal-dev');
  });

  it('ANTAL_DATA_DIR chooses the folder (an absolute path); anything else is ignored and said why', () => {
    expect(chooseUserDataPath(windows({ env: { ANTAL_DATA_DIR: 'D:\\Antal-data', LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local' } }))).toEqual({ path: 'D:\\Antal-data', reason: 'chosen' });
    const relative = chooseUserDataPath(windows({ env: { ANTAL_DATA_DIR: 'data', LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local' } }));
    expect(relative).toMatchObject({ path: 'C:\\Users\\anna\\AppData\\Local\\Antal', reason: 'local-profile', ignored: 'ANTAL_DATA_DIR must be an absolute path, got "data"' });
    expect(chooseUserDataPath({ ...windows(), platform: 'linux', env: { ANTAL_DATA_DIR: '/srv/antal/../antal-data' }, appData: '/home/anna/.config' })).toEqual({ path: '/srv/antal-data', reason: 'chosen' });
  });

  it('macOS and Linux: Electron\'s own folder, which is local there', () => {
    expect(chooseUserDataPath({ ...windows(), platform: 'darwin', appData: '/Users/anna/Library/Application Support', home: '/Users/anna' })).toEqual({
      path: '/Users/anna/Library/Application Support/Antal',
      reason: 'platform-default',
    });
    expect(chooseUserDataPath({ ...windows(), platform: 'linux', appData: '/home/anna/.config', home: '/home/anna' }).path).toBe('/home/anna/.config/Antal');
  });
});
