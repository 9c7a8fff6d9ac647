import { useEffect, useState } from 'react';
// React Aria dialog: focus trapped inside, Escape and the backdrop close it, focus returns to what opened it.
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { appVersion, credits } from 'virtual:antal-build-info';
import type { Platform } from '../platform';

/**
 * The About dialog: versions and third-party credits (generated from the installed packages at build time).
 * The reference for the app's dialogs: ModalOverlay > Modal > Dialog with a Heading in the title slot.
 */
export function AboutDialog({ open, onClose, platform }: { open: boolean; onClose: () => void; platform: Platform }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void platform.getAppInfo().then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, [open, platform]);

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={open}
      isDismissable
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" level={2}>{t('about.title')}</Heading>
          <p>{t('app.tagline')}</p>
          <p>{t('about.version', { version: info?.version ?? appVersion })}</p>
          <h3>{t('about.runtime')}</h3>
          <p>
            {platform.kind === 'electron' && info
              ? t('about.electron', { electron: info.electron, chrome: info.chrome, node: info.node, platform: info.platform })
              : t('about.web', { agent: info?.platform ?? '' })}
          </p>
          <h3>{t('about.credits')}</h3>
          <p>{t('about.creditsIntro')}</p>
          {/* Scrollable list: reachable by keyboard so its overflow can be scrolled without a mouse. */}
          <ul className="credits" tabIndex={0} aria-label={t('about.credits')}>
            {credits.map((c) => (
              <li key={c.name}>
                {c.name} {c.version} — {c.license}
              </li>
            ))}
          </ul>
          <p className="hint">{t('about.mapAttribution')}</p>
          <div className="dialog-actions">
            <Button className="button primary" onPress={onClose} autoFocus>
              {t('about.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
