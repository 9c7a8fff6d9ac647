/**
 * The help overlay: every keyboard shortcut with its desktop-menu accelerator, what browsers keep for
 * themselves, and a link to the method page. Opened by "?", F1, the top bar's "Hjälp" button and the Help menu.
 */
import { useTranslation } from 'react-i18next';
// react-aria-components: the accessible modal dialog (focus trap, Escape closes, focus returns to the opener).
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { routeHash } from '../shell/route';
import { MENU_ACCELERATORS, SHORTCUT_ACTIONS, SHORTCUTS, type ShortcutAction } from '../shell/shortcuts';
import './help.css';
import { DataTable } from '../ui/DataTable';

/** "CmdOrCtrl+N" as the user's platform writes it. */
export function acceleratorText(accelerator: string, mac: boolean): string {
  return accelerator.replace('CmdOrCtrl', mac ? '⌘' : 'Ctrl');
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

function KeySequence({ keys, then }: { keys: readonly string[]; then: string }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={i}>
          {i > 0 && ` ${then} `}
          <kbd>{k.length === 1 ? k.toUpperCase() : k}</kbd>
        </span>
      ))}
    </>
  );
}

export function HelpOverlay({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const mac = isMac();
  const byAction = (action: ShortcutAction) => SHORTCUTS.filter((s) => s.action === action);
  return (
    <ModalOverlay className="help-overlay" isOpen={isOpen} isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="help-modal">
        <Dialog className="help-dialog" data-testid="help-overlay">
          <Heading slot="title">{t('help.overlay.title')}</Heading>
          <p>{t('help.overlay.intro')}</p>
          <DataTable plain testId="shortcut-table" columns={[{ label: t('help.overlay.action') }, { label: t('help.overlay.key') }, { label: t('help.overlay.menu') }]}>
            {SHORTCUT_ACTIONS.map((action) => {
              const menu = MENU_ACCELERATORS[action];
              return (
                <tr key={action} data-action={action}>
                  <th scope="row">{t(`help.shortcuts.${action}`)}</th>
                  <td>
                    {byAction(action).map((s, i) => (
                      <span key={s.keys.join(' ')}>
                        {i > 0 && ` ${t('help.overlay.or')} `}
                        <KeySequence keys={s.keys} then={t('help.overlay.then')} />
                      </span>
                    ))}
                  </td>
                  <td>{menu ? <kbd>{acceleratorText(menu.accelerator, mac)}</kbd> : t('help.overlay.none')}</td>
                </tr>
              );
            })}
          </DataTable>
          <p className="hint">{t('help.overlay.browserNote')}</p>
          <div className="help-actions">
            <a href={`#${routeHash({ page: 'method' })}`} onClick={onClose}>
              {t('help.overlay.method')}
            </a>
            <Button className="button" onPress={onClose} autoFocus>
              {t('help.overlay.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
