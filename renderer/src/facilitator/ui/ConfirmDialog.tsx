import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * Asks before something that cannot be taken back. react-aria's Modal traps focus inside, closes
 * on Escape and returns focus to whatever opened it.
 * @example <ConfirmDialog isOpen={asking} title="Delete this session?" confirmLabel="Delete"
 *   onConfirm={remove} onCancel={() => setAsking(false)}>It has no notes.</ConfirmDialog>
 */
export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      isDismissable
      onOpenChange={(open) => {
        if (!open) props.onCancel();
      }}
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title">{props.title}</Heading>
          {props.children && <div className="dialog-body">{props.children}</div>}
          <div className="row dialog-actions">
            <Button className="button secondary" onPress={props.onCancel} autoFocus>
              {props.cancelLabel ?? 'Cancel'}
            </Button>
            <Button
              className={`button${props.destructive ? ' danger' : ''}`}
              onPress={props.onConfirm}
            >
              {props.confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
