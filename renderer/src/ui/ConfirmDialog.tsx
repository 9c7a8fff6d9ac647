/**
 * A confirmation before an irreversible, large action (deleting a dataset, replacing the database from a backup):
 * a modal alert dialog with a title, what will be lost in concrete words, the destructive button and Cancel.
 * Focus starts on Cancel, Escape cancels, and focus returns to the control that opened it.
 */
import type { ReactNode } from 'react';
// react-aria-components: the accessible modal, alert dialog, heading and buttons (focus trap, Escape, focus return).
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './actions.css';

export interface ConfirmDialogProps {
  /** Open while true; the caller keeps the state. */
  isOpen: boolean;
  title: string;
  /** What will be lost, in concrete words (names, counts). */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** Disables both buttons while the action runs. */
  busy?: boolean;
  testId?: string;
}

export function ConfirmDialog({ isOpen, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false, testId }: ConfirmDialogProps) {
  return (
    <ModalOverlay
      className="confirm-overlay"
      isOpen={isOpen}
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open && !busy) onCancel();
      }}
    >
      <Modal className="confirm-modal">
        <Dialog role="alertdialog" className="confirm-dialog" data-testid={testId}>
          <Heading slot="title" className="confirm-title">
            {title}
          </Heading>
          <div className="confirm-body">{children}</div>
          <div className="confirm-actions">
            <Button className="button danger" isDisabled={busy} onPress={onConfirm}>
              {confirmLabel}
            </Button>
            <Button className="button" isDisabled={busy} onPress={onCancel} autoFocus>
              {cancelLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
