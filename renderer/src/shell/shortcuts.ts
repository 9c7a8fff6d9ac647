/**
 * The keyboard shortcuts for the main actions, as a pure table, and the pure rules deciding when a
 * key press is a shortcut. Single keys only fire outside text entry and without Ctrl/Alt/Meta, so they never
 * steal a typed letter or a browser/system shortcut; on the desktop the same actions have menu accelerators.
 */
import type { MenuCommand } from '../../../shared/ipc/contract';

export const SHORTCUT_ACTIONS = ['help', 'new-request', 'import', 'export-letter', 'search', 'go-requests', 'go-datasets', 'go-settings'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface Shortcut {
  /** The keys pressed one after another (KeyboardEvent.key values), e.g. ['g', 'r']. */
  keys: readonly string[];
  action: ShortcutAction;
}

/** Every shortcut; an action may have several (help: "?" and F1). */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], action: 'help' },
  { keys: ['F1'], action: 'help' },
  { keys: ['n'], action: 'new-request' },
  { keys: ['i'], action: 'import' },
  { keys: ['e'], action: 'export-letter' },
  { keys: ['/'], action: 'search' },
  { keys: ['g', 'r'], action: 'go-requests' },
  { keys: ['g', 'd'], action: 'go-datasets' },
  { keys: ['g', 's'], action: 'go-settings' },
];

/** The desktop menu item with an accelerator for an action (see electron/main/menu.ts), if there is one. */
export const MENU_ACCELERATORS: Partial<Record<ShortcutAction, { command: MenuCommand; accelerator: string }>> = {
  help: { command: 'show-shortcuts', accelerator: 'F1' },
  'new-request': { command: 'new-request', accelerator: 'CmdOrCtrl+N' },
  import: { command: 'import-file', accelerator: 'CmdOrCtrl+I' },
  'export-letter': { command: 'export-letter', accelerator: 'CmdOrCtrl+E' },
  search: { command: 'search-requests', accelerator: 'CmdOrCtrl+F' },
};

/** The action a menu command stands for (the renderer handles both the same way). */
export function actionOfMenuCommand(command: MenuCommand): ShortcutAction | null {
  for (const action of SHORTCUT_ACTIONS) if (MENU_ACCELERATORS[action]?.command === command) return action;
  return null;
}

/** What the key filter needs to know about the element a key press happened in. */
export interface KeyTarget {
  tagName: string;
  /** The `type` attribute of an input. */
  type?: string;
  isContentEditable: boolean;
  role?: string | null;
  /** Inside an open modal dialog (its own keys come first). */
  inDialog: boolean;
}

/** Inputs a letter cannot be typed into: a shortcut there is safe. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'listbox', 'option', 'slider', 'menu', 'menuitem', 'grid']);

/** True where a key press is typing or choosing (text fields, selects, editable content, listboxes, dialogs). */
export function isTextEntry(target: KeyTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  if (target.isContentEditable) return true;
  if (target.role && TEXT_ROLES.has(target.role)) return true;
  return target.inDialog;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: KeyTarget | null;
}

export type KeyResult = { kind: 'action'; action: ShortcutAction } | { kind: 'pending'; keys: string[] } | { kind: 'none' };

/**
 * Decides what a key press does given the keys already pressed of an unfinished sequence (`pending`). F1 works
 * even in a text field (it types nothing); every other shortcut only outside text entry, without modifiers.
 */
export function matchKey(press: KeyPress, pending: readonly string[], shortcuts: readonly Shortcut[] = SHORTCUTS): KeyResult {
  if (press.ctrlKey || press.altKey || press.metaKey) return { kind: 'none' };
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (isTextEntry(press.target) && key !== 'F1') return { kind: 'none' };
  for (const prefix of [pending, []]) {
    const sequence = [...prefix, key];
    const exact = shortcuts.find((s) => s.keys.length === sequence.length && s.keys.every((k, i) => k === sequence[i]));
    if (exact) return { kind: 'action', action: exact.action };
    if (shortcuts.some((s) => s.keys.length > sequence.length && sequence.every((k, i) => s.keys[i] === k))) return { kind: 'pending', keys: sequence };
    if (prefix.length === 0) break;
  }
  return { kind: 'none' };
}
