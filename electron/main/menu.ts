/**
 * The application menu, in Swedish or English. Commands that belong to the UI (navigation, About) are sent
 * to the renderer as `MenuCommand`s; only standard editing/window roles are handled by Electron itself.
 * Reload and developer tools exist only in development: a reload in production could drop unsaved edits,
 * and devtools would give anyone at the keyboard a console inside the app's origin.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { translate, type MessageKey } from './i18n';
import type { Language } from '../../shared/text/language';

export interface MenuOptions {
  isDev: boolean;
  /** Opens the project homepage through the trusted-URL allow-list. */
  openHomepage?: () => void;
}

/** `&` marks a Windows/Linux mnemonic; macOS has none, so it is removed there (`&&` is a literal `&`). */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return label;
  return label.replace(/&(&?)/g, (_match, literal: string) => literal);
}

export function buildMenuTemplate(
  language: Language,
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const t = (key: MessageKey): string => menuLabel(translate(language, key), platform);
  const command = (key: MessageKey, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
    click: () => send(menuCommand),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Antal',
    submenu: [
      command('menu.about', 'about'),
      separator,
      command('menu.settings', 'navigate-settings', 'Cmd+,'),
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide') },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.unhide') },
      separator,
      { role: 'quit', label: t('menu.quitMac') },
    ],
  };

  // The main actions: the renderer handles these commands exactly like its single-key shortcuts.
  const actionItems: MenuItemConstructorOptions[] = [
    command('menu.newRequest', 'new-request', 'CmdOrCtrl+N'),
    command('menu.importFile', 'import-file', 'CmdOrCtrl+I'),
    command('menu.exportLetter', 'export-letter', 'CmdOrCtrl+E'),
  ];

  const fileMenu: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: isMac
      ? [...actionItems, separator, { role: 'close', label: t('menu.closeWindow') }]
      : [...actionItems, separator, command('menu.settings', 'navigate-settings', 'Ctrl+,'), separator, { role: 'quit', label: t('menu.quit') }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      separator,
      { role: 'selectAll', label: t('menu.selectAll') },
      separator,
      command('menu.searchRequests', 'search-requests', 'CmdOrCtrl+F'),
    ],
  };

  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        separator,
        { role: 'reload', label: t('menu.reload') },
        { role: 'forceReload', label: t('menu.forceReload') },
        { role: 'toggleDevTools', label: t('menu.devTools') },
      ]
    : [];

  const viewMenu: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      command('menu.home', 'navigate-home', 'CmdOrCtrl+1'),
      command('menu.requests', 'navigate-requests', 'CmdOrCtrl+2'),
      command('menu.datasets', 'navigate-datasets', 'CmdOrCtrl+3'),
      separator,
      // Zoom stays in production: it is how people with low vision read dense tables.
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...devItems,
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window'),
    ...(isMac ? { role: 'windowMenu' as const } : {}),
    submenu: isMac
      ? [
          { role: 'minimize', label: t('menu.minimize') },
          { role: 'zoom', label: t('menu.zoomWindow') },
          separator,
          { role: 'front', label: t('menu.bringAllToFront') },
        ]
      : [
          { role: 'minimize', label: t('menu.minimize') },
          { role: 'close', label: t('menu.closeWindow') },
        ],
  };

  const websiteItem: MenuItemConstructorOptions[] = options.openHomepage
    ? [{ label: t('menu.website'), click: options.openHomepage }]
    : [];
  // On macOS "About" lives in the application menu.
  const shortcutsItem = command('menu.shortcuts', 'show-shortcuts', 'F1');
  const helpItems = isMac
    ? [shortcutsItem, ...(websiteItem.length > 0 ? [separator, ...websiteItem] : [])]
    : [shortcutsItem, separator, ...websiteItem, ...(websiteItem.length > 0 ? [separator] : []), command('menu.about', 'about')];
  const helpMenu: MenuItemConstructorOptions[] = [{ label: t('menu.help'), role: 'help', submenu: helpItems }];

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, ...helpMenu];
}
