/**
 * Every string the main process shows to a person: menu labels, native dialog titles and file-filter names.
 *
 * The renderer owns the rest of the UI's text. It sends *keys* (never free text) for dialog titles and
 * filters, so a compromised or buggy renderer cannot put arbitrary text into a native dialog, and the
 * dialogs follow the same language as the menus.
 *
 * A `&` before a letter marks the Windows/Linux menu mnemonic (Alt+letter); `menu.ts` strips it on macOS.
 */
import type { Language } from '../../shared/text/language';

const sv = {
  // Top-level menus.
  'menu.file': '&Arkiv',
  'menu.edit': '&Redigera',
  'menu.view': '&Visa',
  'menu.window': '&Fönster',
  'menu.help': '&Hjälp',

  // Application commands sent to the renderer.
  'menu.about': 'Om Antal',
  'menu.home': 'Start',
  'menu.requests': 'Förfrågningar',
  'menu.datasets': 'Dataset',
  'menu.settings': 'Inställningar…',
  'menu.website': 'Antals webbplats',
  'menu.newRequest': 'Ny förfrågan',
  'menu.importFile': 'Importera fil…',
  'menu.exportLetter': 'Exportera svarsbrev…',
  'menu.searchRequests': 'Sök förfrågningar',
  'menu.shortcuts': 'Kortkommandon och hjälp',

  // Standard roles. Electron's built-in role labels are English only, so we label them ourselves.
  'menu.quit': 'Avsluta',
  'menu.quitMac': 'Avsluta Antal',
  'menu.undo': 'Ångra',
  'menu.redo': 'Gör om',
  'menu.cut': 'Klipp ut',
  'menu.copy': 'Kopiera',
  'menu.paste': 'Klistra in',
  'menu.selectAll': 'Markera allt',
  'menu.resetZoom': 'Faktisk storlek',
  'menu.zoomIn': 'Zooma in',
  'menu.zoomOut': 'Zooma ut',
  'menu.fullScreen': 'Helskärm',
  'menu.reload': 'Läs in igen',
  'menu.forceReload': 'Tvinga omläsning',
  'menu.devTools': 'Utvecklarverktyg',
  'menu.minimize': 'Minimera',
  'menu.zoomWindow': 'Zooma',
  'menu.closeWindow': 'Stäng fönster',
  'menu.bringAllToFront': 'Lägg alla överst',
  'menu.services': 'Tjänster',
  'menu.hide': 'Göm Antal',
  'menu.hideOthers': 'Göm övriga',
  'menu.unhide': 'Visa alla',

  // Native dialog titles the renderer may request (OpenFileRequest/SaveFileRequest.titleKey).
  'dialogs.open': 'Öppna fil',
  'dialogs.openDataset': 'Importera dataset',
  'dialogs.openRequest': 'Öppna förfrågan',
  'dialogs.openBackup': 'Återställ från säkerhetskopia',
  'dialogs.save': 'Spara fil',
  'dialogs.saveLetter': 'Spara svarsbrev',
  'dialogs.saveAnswer': 'Spara svarsfil',
  'dialogs.saveBackup': 'Spara säkerhetskopia',
  'dialogs.export': 'Exportera',

  // File-filter names (FileFilter.nameKey).
  'files.table': 'Tabeller (CSV, TSV, Excel)',
  'files.csv': 'CSV-filer',
  'files.tsv': 'TSV-filer',
  'files.xlsx': 'Excel-arbetsböcker',
  'files.pdf': 'PDF-dokument',
  'files.json': 'JSON-filer',
  'files.backup': 'Antal-säkerhetskopior',
  'files.all': 'Alla filer',

  // Shown by the main process itself when the app cannot start (the renderer is not available then).
  'errors.startup': 'Antal kunde inte starta.',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'menu.file': '&File',
  'menu.edit': '&Edit',
  'menu.view': '&View',
  'menu.window': '&Window',
  'menu.help': '&Help',

  'menu.about': 'About Antal',
  'menu.home': 'Home',
  'menu.requests': 'Requests',
  'menu.datasets': 'Datasets',
  'menu.settings': 'Settings…',
  'menu.website': 'Antal website',
  'menu.newRequest': 'New Request',
  'menu.importFile': 'Import File…',
  'menu.exportLetter': 'Export Reply Letter…',
  'menu.searchRequests': 'Search Requests',
  'menu.shortcuts': 'Keyboard Shortcuts and Help',

  'menu.quit': 'Exit',
  'menu.quitMac': 'Quit Antal',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.resetZoom': 'Actual Size',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.fullScreen': 'Full Screen',
  'menu.reload': 'Reload',
  'menu.forceReload': 'Force Reload',
  'menu.devTools': 'Developer Tools',
  'menu.minimize': 'Minimize',
  'menu.zoomWindow': 'Zoom',
  'menu.closeWindow': 'Close Window',
  'menu.bringAllToFront': 'Bring All to Front',
  'menu.services': 'Services',
  'menu.hide': 'Hide Antal',
  'menu.hideOthers': 'Hide Others',
  'menu.unhide': 'Show All',

  'dialogs.open': 'Open file',
  'dialogs.openDataset': 'Import dataset',
  'dialogs.openRequest': 'Open request',
  'dialogs.openBackup': 'Restore from backup',
  'dialogs.save': 'Save file',
  'dialogs.saveLetter': 'Save response letter',
  'dialogs.saveAnswer': 'Save answer file',
  'dialogs.saveBackup': 'Save backup',
  'dialogs.export': 'Export',

  'files.table': 'Tables (CSV, TSV, Excel)',
  'files.csv': 'CSV files',
  'files.tsv': 'TSV files',
  'files.xlsx': 'Excel workbooks',
  'files.pdf': 'PDF documents',
  'files.json': 'JSON files',
  'files.backup': 'Antal backups',
  'files.all': 'All files',

  'errors.startup': 'Antal could not start.',
};

export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { sv, en };

export const UI_LANGUAGES: readonly Language[] = ['sv', 'en'];

export function translate(language: Language, key: MessageKey): string {
  return MESSAGES[language][key];
}

function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

/** Keys the renderer may name in a dialog request: titles (`dialogs.*`) and filter names (`files.*`), nothing else. */
export type DialogTitleKey = Extract<MessageKey, `dialogs.${string}`>;
export type FileFilterKey = Extract<MessageKey, `files.${string}`>;

export function isDialogTitleKey(key: string): key is DialogTitleKey {
  return key.startsWith('dialogs.') && hasMessage(key);
}

export function isFileFilterKey(key: string): key is FileFilterKey {
  return key.startsWith('files.') && hasMessage(key);
}

export const DIALOG_TITLE_KEYS = Object.keys(sv).filter(isDialogTitleKey);
export const FILE_FILTER_KEYS = Object.keys(sv).filter(isFileFilterKey);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The menu language before the renderer has said which one the user chose: Swedish for any Swedish
 * system locale (sv, sv-SE, sv-FI), otherwise English. The first preferred language decides.
 */
export function pickInitialLanguage(preferredLanguages: readonly string[]): Language {
  const first = preferredLanguages[0]?.toLowerCase() ?? '';
  return first === 'sv' || first.startsWith('sv-') || first.startsWith('sv_') ? 'sv' : 'en';
}
