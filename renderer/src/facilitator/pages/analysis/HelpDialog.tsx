import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { BOARD_KEYS, LIST_KEYS } from './keys.ts';

/** The board's keys, from the same table that binds them. */
export function HelpDialog(props: { isOpen: boolean; onClose: () => void }) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      isDismissable
      onOpenChange={(o) => !o && props.onClose()}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">Keys on the board</Heading>
          <table className="key-table">
            <caption className="visually-hidden">Keys and what they do</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">What it does</th>
              </tr>
            </thead>
            <tbody>
              {LIST_KEYS.map((k) => (
                <tr key={k.label}>
                  <td>
                    <kbd>{k.label}</kbd>
                  </td>
                  <td>{k.does}</td>
                </tr>
              ))}
              {BOARD_KEYS.map((k) => (
                <tr key={k.label}>
                  <td>
                    <kbd>{k.label}</kbd>
                  </td>
                  <td>{k.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Keys act on the selected notes, or on the note with focus when none is selected.
          </p>
          <div className="row dialog-actions">
            <Button className="button" onPress={props.onClose} autoFocus>
              Close
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
