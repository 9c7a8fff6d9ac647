import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract';
import {
  DIALOG_TITLE_KEYS,
  FILE_FILTER_KEYS,
  isDialogTitleKey,
  isFileFilterKey,
  MESSAGES,
  pickInitialLanguage,
  UI_LANGUAGES,
} from '../../electron/main/i18n';
import { buildMenuTemplate, menuLabel } from '../../electron/main/menu';
import type { Language } from '../../shared/text/language';

describe('i18n table', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.sv).sort());
  });

  it.each(UI_LANGUAGES)('%s has no empty or untrimmed strings', (language) => {
    for (const [key, text] of Object.entries(MESSAGES[language])) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.trim());
    }
  });

  it('really is translated (not a copy of the other language)', () => {
    const same = Object.keys(MESSAGES.sv).filter((k) => MESSAGES.sv[k as keyof typeof MESSAGES.sv] === MESSAGES.en[k as keyof typeof MESSAGES.en]);
    expect(same.length).toBeLessThan(Object.keys(MESSAGES.sv).length / 4);
  });

  it('lets the renderer name only dialog titles and file filters', () => {
    expect(DIALOG_TITLE_KEYS.length).toBeGreaterThan(0);
    expect(FILE_FILTER_KEYS).toContain('files.csv');
    expect(isDialogTitleKey('dialogs.openDataset')).toBe(true);
    expect(isFileFilterKey('files.pdf')).toBe(true);
    expect(isDialogTitleKey('menu.quit')).toBe(false);
    expect(isDialogTitleKey('dialogs.nonexistent')).toBe(false);
    expect(isFileFilterKey('dialogs.open')).toBe(false);
    expect(isDialogTitleKey('__proto__')).toBe(false);
    expect(isFileFilterKey('files.constructor')).toBe(false);
  });

  it.each([
    [['sv-SE', 'en-US'], 'sv'],
    [['sv'], 'sv'],
    [['SV-fi'], 'sv'],
    [['en-GB', 'sv-SE'], 'en'],
    [['fi-FI'], 'en'],
    [['svc'], 'en'],
    [[], 'en'],
  ] as const)('pickInitialLanguage(%j) → %s', (preferred, language) => {
    expect(pickInitialLanguage(preferred)).toBe(language);
  });
});

/** Every item of a template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(language: Language, platform: NodeJS.Platform, isDev = false) {
  const sent: MenuCommand[] = [];
  const openHomepage = vi.fn();
  const template = buildMenuTemplate(language, platform, (command) => sent.push(command), { isDev, openHomepage });
  const items = flatten(template);
  const click = (label: string) => {
    const item = items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no clickable item "${label}"`);
    (item.click as () => void)();
  };
  return { template, items, sent, click, openHomepage };
}

describe('buildMenuTemplate', () => {
  it('Windows, Swedish: Arkiv, Redigera, Visa, Fönster, Hjälp with mnemonics', () => {
    const { template } = build('sv', 'win32');
    expect(template.map((m) => m.label)).toEqual(['&Arkiv', '&Redigera', '&Visa', '&Fönster', '&Hjälp']);
  });

  it('Linux, English: File, Edit, View, Window, Help', () => {
    const { template } = build('en', 'linux');
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('macOS: an application menu first, no mnemonics', () => {
    const { template, items } = build('sv', 'darwin');
    expect(template.map((m) => m.label)).toEqual(['Antal', 'Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    expect(items.some((i) => i.label?.includes('&'))).toBe(false);
    const appMenu = flatten([template[0] as MenuItemConstructorOptions]);
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(appMenu.find((i) => i.role === 'quit')?.label).toBe('Avsluta Antal');
  });

  it.each([
    ['sv', 'Förfrågningar', 'navigate-requests'],
    ['sv', 'Dataset', 'navigate-datasets'],
    ['sv', 'Inställningar…', 'navigate-settings'],
    ['sv', 'Start', 'navigate-home'],
    ['sv', 'Om Antal', 'about'],
    ['en', 'Requests', 'navigate-requests'],
    ['en', 'Datasets', 'navigate-datasets'],
    ['en', 'Settings…', 'navigate-settings'],
    ['en', 'Home', 'navigate-home'],
    ['en', 'About Antal', 'about'],
  ] as const)('%s: "%s" sends %s to the renderer', (language, label, command) => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { sent, click } = build(language, platform);
      click(label);
      expect(sent, platform).toEqual([command]);
    }
  });

  it('can send every menu command the contract defines', () => {
    const sent = new Set<MenuCommand>();
    for (const platform of ['win32', 'darwin'] as const) {
      const { items, sent: s } = build('en', platform);
      for (const item of items) if (item.click && !item.role) (item.click as () => void)();
      for (const c of s) sent.add(c);
    }
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it.each([
    ['sv', 'Ny förfrågan', 'new-request', 'CmdOrCtrl+N'],
    ['sv', 'Importera fil…', 'import-file', 'CmdOrCtrl+I'],
    ['sv', 'Exportera svarsbrev…', 'export-letter', 'CmdOrCtrl+E'],
    ['sv', 'Sök förfrågningar', 'search-requests', 'CmdOrCtrl+F'],
    ['sv', 'Kortkommandon och hjälp', 'show-shortcuts', 'F1'],
    ['en', 'New Request', 'new-request', 'CmdOrCtrl+N'],
    ['en', 'Import File…', 'import-file', 'CmdOrCtrl+I'],
    ['en', 'Export Reply Letter…', 'export-letter', 'CmdOrCtrl+E'],
    ['en', 'Search Requests', 'search-requests', 'CmdOrCtrl+F'],
    ['en', 'Keyboard Shortcuts and Help', 'show-shortcuts', 'F1'],
  ] as const)('%s: the main action "%s" sends %s and has the accelerator %s on every platform', (language, label, command, accelerator) => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { sent, click, items } = build(language, platform);
      expect(items.find((i) => i.label === label)?.accelerator, platform).toBe(accelerator);
      click(label);
      expect(sent, platform).toEqual([command]);
    }
  });

  it('has the shortcuts item in Help even without a homepage opener', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const template = buildMenuTemplate('en', platform, () => undefined, { isDev: false });
      const help = template.find((m) => m.role === 'help');
      expect(flatten(help ? [help] : []).map((i) => i.label), platform).toContain('Keyboard Shortcuts and Help');
    }
  });

  it('opens the homepage from Help through the injected (allow-listed) opener', () => {
    const { click, openHomepage, sent } = build('en', 'win32');
    click('Antal website');
    expect(openHomepage).toHaveBeenCalledOnce();
    expect(sent).toEqual([]);
  });

  it('labels every standard role in the chosen language (Electron would show English)', () => {
    const { items } = build('sv', 'win32');
    for (const item of items.filter((i) => i.role)) expect(item.label, item.role).toBeTruthy();
    expect(items.find((i) => i.role === 'copy')?.label).toBe('Kopiera');
    expect(items.find((i) => i.role === 'quit')?.label).toBe('Avsluta');
  });

  it.each(['win32', 'darwin', 'linux'] as const)('%s: reload and developer tools only in development', (platform) => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    const production = build('sv', platform, false).items.map((i) => i.role);
    const development = build('sv', platform, true).items.map((i) => i.role);
    for (const role of devOnly) {
      expect(production, role).not.toContain(role);
      expect(development, role).toContain(role);
    }
    // Editing and quitting work in production too.
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']) expect(production, role).toContain(role);
  });

  it('has no duplicate accelerators', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const accelerators = build('sv', platform, true).items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });
});

describe('menuLabel', () => {
  it('keeps mnemonics on Windows/Linux and removes them on macOS, keeping a literal &&', () => {
    expect(menuLabel('&Arkiv', 'win32')).toBe('&Arkiv');
    expect(menuLabel('&Arkiv', 'darwin')).toBe('Arkiv');
    expect(menuLabel('Import && export', 'darwin')).toBe('Import & export');
  });
});
