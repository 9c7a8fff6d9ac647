/**
 * The keyboard shortcuts and the desktop menu's action commands, wired to the app: one `run(action)` for both, the
 * help overlay's open state, and a status message (shown in a live region) when an action cannot be done here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { useServices } from '../context';
import { useCreateRequest } from '../requests/new-request';
import type { Route } from './route';
import { actionOfMenuCommand, matchKey, type KeyTarget, type ShortcutAction } from './shortcuts';

/** A "g" waits this long for its second key. */
const SEQUENCE_MS = 1500;
/** How long to wait for a page's control to appear after navigating to it. */
const FIND_MS = 5000;

function keyTarget(target: EventTarget | null): KeyTarget | null {
  if (!(target instanceof Element)) return null;
  const html = target as HTMLElement;
  return {
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: html.isContentEditable === true,
    role: target.getAttribute('role'),
    inDialog: target.closest('[role="dialog"], [role="alertdialog"], [aria-modal="true"]') !== null,
  };
}

/** Resolves with the first element `find` returns, checking each frame until FIND_MS has passed (then null). */
function waitFor<T>(find: () => T | null): Promise<T | null> {
  const start = performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const found = find();
      if (found || performance.now() - start > FIND_MS) resolve(found);
      else requestAnimationFrame(look);
    };
    look();
  });
}

function buttonWithText(root: ParentNode, text: string): HTMLButtonElement | null {
  return Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text) ?? null;
}

export interface AppCommands {
  isOpen: boolean;
  open(): void;
  close(): void;
  /** Why the last action could not be done (empty when it could). */
  message: string;
  run(action: ShortcutAction): void;
}

export function useAppCommands(navigate: (route: Route) => void): AppCommands {
  const { t } = useTranslation();
  const { platform } = useServices();
  const createRequest = useCreateRequest();
  const [isOpen, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const pending = useRef<{ keys: string[]; at: number } | null>(null);

  const run = useCallback(
    (action: ShortcutAction) => {
      setMessage('');
      switch (action) {
        case 'help':
          setOpen(true);
          return;
        case 'new-request':
          createRequest().then(
            (request) => navigate({ page: 'guide', requestId: request.id, step: 'request' }),
            (e: unknown) => setMessage(t('help.live.newRequestFailed', { detail: e instanceof Error ? e.message : String(e) })),
          );
          return;
        case 'import':
          navigate({ page: 'datasets' });
          void waitFor(() => document.querySelector<HTMLButtonElement>('[data-testid="import-drop-area"] button')).then((button) => {
            if (button) requestAnimationFrame(() => button.focus());
            else setMessage(t('help.live.noImport'));
          });
          return;
        case 'search':
          navigate({ page: 'requests' });
          void waitFor(() => document.querySelector<HTMLInputElement>('main [role="search"] input[type="search"]')).then((input) => {
            if (input) requestAnimationFrame(() => input.focus());
            else setMessage(t('help.live.noSearch'));
          });
          return;
        case 'export-letter': {
          // The letter panel's code loads after the answer is shown: on a page whose panel is still loading, wait for it.
          const loading = document.querySelector('[data-testid="letter-panel-loading"]') !== null;
          void (loading ? waitFor(() => document.querySelector('[data-testid="letter-panel"]')) : Promise.resolve(document.querySelector('[data-testid="letter-panel"]'))).then((panel) => {
            const button = panel ? buttonWithText(panel, t('letter.export')) : null;
            if (!button) setMessage(t('help.live.noLetter'));
            else if (button.disabled) {
              const reason = panel?.querySelector('[data-testid="letter-status"]')?.textContent?.trim();
              setMessage(t('help.live.letterDisabled', { reason: reason || t('help.live.letterBusy') }));
            } else {
              button.focus();
              button.click();
            }
          });
          return;
        }
        case 'go-requests':
          navigate({ page: 'requests' });
          return;
        case 'go-datasets':
          navigate({ page: 'datasets' });
          return;
        case 'go-settings':
          navigate({ page: 'settings' });
          return;
      }
    },
    [createRequest, navigate, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMessage('');
      if (event.defaultPrevented || event.repeat) return;
      const now = performance.now();
      const waiting = pending.current && now - pending.current.at < SEQUENCE_MS ? pending.current.keys : [];
      const result = matchKey({ key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, target: keyTarget(event.target) }, waiting);
      pending.current = result.kind === 'pending' ? { keys: result.keys, at: now } : null;
      if (result.kind === 'none') return;
      event.preventDefault();
      if (result.kind === 'action') run(result.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  // A message about the page the user was on is stale once they are elsewhere.
  useEffect(() => {
    const clear = () => setMessage('');
    window.addEventListener('hashchange', clear);
    return () => window.removeEventListener('hashchange', clear);
  }, []);

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        const action = actionOfMenuCommand(command);
        if (action) run(action);
      }),
    [platform, run],
  );

  return { isOpen, open: useCallback(() => setOpen(true), []), close: useCallback(() => setOpen(false), []), message, run };
}

/** The study the method page describes: the one last opened on an answer page (none yet: the last edited). */
export function useLastOpenedStudy(route: Route): string | undefined {
  const [studyId, setStudyId] = useState<string | undefined>(route.page === 'home' ? route.studyId : undefined);
  const current = route.page === 'home' ? route.studyId : undefined;
  if (route.page === 'home' && current !== studyId) setStudyId(current);
  return studyId;
}
