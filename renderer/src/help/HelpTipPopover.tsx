/**
 * The help tip's popover, loaded the first time a tip opens: React Aria's popover and dialog (focus moves in,
 * Escape or a click outside closes, focus returns to the "?" button). Kept apart from the button so the first
 * screen does not load React Aria.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
// react-aria-components: the accessible popover and dialog.
import { Dialog, Popover } from 'react-aria-components';

export interface HelpTipPopoverProps {
  /** The question the tip answers (the dialog's name and first line). */
  label: string;
  text: string;
  /** The method page's fuller section. */
  href: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

export function HelpTipPopover({ label, text, href, triggerRef, onClose }: HelpTipPopoverProps) {
  const { t } = useTranslation();
  // Inside <main>, so the popover's content (and React Aria's hidden dismiss buttons) stay in a landmark.
  const container = document.getElementById('main') ?? undefined;
  return (
    <Popover
      className="help-popover"
      placement="bottom start"
      offset={6}
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      UNSTABLE_portalContainer={container}
    >
      <Dialog className="help-tip-dialog" aria-label={label}>
        <p className="help-tip-question">{label}</p>
        <p>{text}</p>
        <a href={href}>{t('help.tip.readMore')}</a>
      </Dialog>
    </Popover>
  );
}
