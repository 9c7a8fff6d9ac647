// The shortcut table and the key filter: what a key press does, and where it must do nothing.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';
import {
  actionOfMenuCommand,
  isTextEntry,
  matchKey,
  MENU_ACCELERATORS,
  SHORTCUT_ACTIONS,
  SHORTCUTS,
  type KeyPress,
  type KeyTarget,
} from '../../../renderer/src/shell/shortcuts';

const body: KeyTarget = { tagName: 'BODY', isContentEditable: false, inDialog: false };
const press = (key: string, target: KeyTarget | null = body, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, target, ...modifiers });

describe('the shortcut table', () => {
  it('has no key sequence twice, and no sequence is the start of another', () => {
    const sequences = SHORTCUTS.map((s) => s.keys.join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const a of SHORTCUTS)
      for (const b of SHORTCUTS) if (a !== b && a.keys.length < b.keys.length) expect(b.keys.slice(0, a.keys.length), `${a.keys} vs ${b.keys}`).not.toEqual(a.keys);
  });

  it('gives every action a shortcut and a label in Swedish and English', () => {
    for (const action of SHORTCUT_ACTIONS) {
      expect(SHORTCUTS.some((s) => s.action === action), action).toBe(true);
      expect(sv.help.shortcuts[action].trim(), action).not.toBe('');
      expect(en.help.shortcuts[action].trim(), action).not.toBe('');
      expect(en.help.shortcuts[action], action).not.toBe(sv.help.shortcuts[action]);
    }
  });

  it('lists the accelerators the desktop menu really has, each sending the command the renderer handles', () => {
    const items = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
    for (const platform of ['win32', 'darwin'] as const) {
      const sent: string[] = [];
      const menu = items(buildMenuTemplate('sv', platform, (c) => sent.push(c), { isDev: false }));
      for (const [action, entry] of Object.entries(MENU_ACCELERATORS)) {
        expect(MENU_COMMANDS).toContain(entry.command);
        const item = menu.find((i) => i.accelerator === entry.accelerator);
        expect(item, `${platform}: ${entry.accelerator}`).toBeDefined();
        sent.length = 0;
        (item!.click as () => void)();
        expect(sent).toEqual([entry.command]);
        expect(actionOfMenuCommand(entry.command)).toBe(action);
      }
    }
    expect(actionOfMenuCommand('about')).toBeNull();
  });
});

describe('matchKey', () => {
  it.each([
    ['n', 'new-request'],
    ['N', 'new-request'],
    ['i', 'import'],
    ['e', 'export-letter'],
    ['/', 'search'],
    ['?', 'help'],
    ['F1', 'help'],
  ] as const)('"%s" on the page → %s', (key, action) => {
    expect(matchKey(press(key), [])).toEqual({ kind: 'action', action });
  });

  it('goes to a page with "g" then a letter, and forgets an unfinished "g" on another key', () => {
    const first = matchKey(press('g'), []);
    expect(first).toEqual({ kind: 'pending', keys: ['g'] });
    expect(matchKey(press('r'), ['g'])).toEqual({ kind: 'action', action: 'go-requests' });
    expect(matchKey(press('d'), ['g'])).toEqual({ kind: 'action', action: 'go-datasets' });
    expect(matchKey(press('s'), ['g'])).toEqual({ kind: 'action', action: 'go-settings' });
    expect(matchKey(press('n'), ['g'])).toEqual({ kind: 'action', action: 'new-request' });
    expect(matchKey(press('x'), ['g'])).toEqual({ kind: 'none' });
    expect(matchKey(press('r'), [])).toEqual({ kind: 'none' });
  });

  it('leaves Ctrl, Alt and Meta combinations to the browser and the system', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(matchKey(press('n', body, { [modifier]: true }), []), modifier).toEqual({ kind: 'none' });
      expect(matchKey(press('F1', body, { [modifier]: true }), []), modifier).toEqual({ kind: 'none' });
    }
  });

  it.each<[string, KeyTarget]>([
    ['a text input', { tagName: 'INPUT', type: 'text', isContentEditable: false, inDialog: false }],
    ['an input without a type', { tagName: 'input', isContentEditable: false, inDialog: false }],
    ['a search field', { tagName: 'INPUT', type: 'search', isContentEditable: false, inDialog: false }],
    ['a number field', { tagName: 'INPUT', type: 'number', isContentEditable: false, inDialog: false }],
    ['a textarea', { tagName: 'TEXTAREA', isContentEditable: false, inDialog: false }],
    ['a select', { tagName: 'SELECT', isContentEditable: false, inDialog: false }],
    ['editable content', { tagName: 'DIV', isContentEditable: true, inDialog: false }],
    ['a combobox', { tagName: 'DIV', role: 'combobox', isContentEditable: false, inDialog: false }],
    ['a listbox', { tagName: 'DIV', role: 'listbox', isContentEditable: false, inDialog: false }],
    ['a button in an open dialog', { tagName: 'BUTTON', isContentEditable: false, inDialog: true }],
  ])('types instead of acting in %s (F1 still opens help)', (_name, target) => {
    expect(isTextEntry(target)).toBe(true);
    for (const key of ['n', 'i', 'e', '/', '?', 'g']) expect(matchKey(press(key, target), []), key).toEqual({ kind: 'none' });
    expect(matchKey(press('r', target), ['g'])).toEqual({ kind: 'none' });
    expect(matchKey(press('F1', target), [])).toEqual({ kind: 'action', action: 'help' });
  });

  it.each<[string, KeyTarget]>([
    ['a checkbox', { tagName: 'INPUT', type: 'checkbox', isContentEditable: false, inDialog: false }],
    ['a button', { tagName: 'BUTTON', isContentEditable: false, inDialog: false }],
    ['a link', { tagName: 'A', isContentEditable: false, inDialog: false }],
  ])('acts on a key pressed on %s', (_name, target) => {
    expect(isTextEntry(target)).toBe(false);
    expect(matchKey(press('n', target), [])).toEqual({ kind: 'action', action: 'new-request' });
  });
});
