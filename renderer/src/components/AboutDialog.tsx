import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { appVersion, credits } from 'virtual:antal-build-info';
import type { Platform } from '../platform';

/** The About dialog: versions and third-party credits (generated from the installed packages at build time). */
export function AboutDialog({ open, onClose, platform }: { open: boolean; onClose: () => void; platform: Platform }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

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
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
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
      <ul className="credits">
        {credits.map((c) => (
          <li key={c.name}>
            {c.name} {c.version} — {c.license}
          </li>
        ))}
      </ul>
      <p className="hint">{t('about.mapAttribution')}</p>
      <form method="dialog">
        <button type="submit" className="button primary">
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
