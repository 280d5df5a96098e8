import {
  Button,
  ComboBox,
  Dialog,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Modal,
  ModalOverlay,
  Popover,
} from 'react-aria-components';
import type { Theme } from '../../../../../core/index.ts';

/** "t": pick a theme by typing part of its name (or its parent's), then Enter. */
export function TagByNameDialog(props: {
  isOpen: boolean;
  themes: { theme: Theme; path: string }[];
  count: number;
  onPick: (themeId: string) => void;
  onClose: () => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      isDismissable
      onOpenChange={(o) => !o && props.onClose()}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">
            Tag {props.count === 1 ? 'the note' : `${props.count} notes`} with a theme
          </Heading>
          <ComboBox
            autoFocus
            menuTrigger="focus"
            defaultItems={props.themes.map((t) => ({ id: t.theme.id, name: t.path }))}
            onSelectionChange={(key) => {
              if (key === null) return;
              props.onPick(String(key));
            }}
          >
            <Label>Theme</Label>
            <Input className="input" />
            <Popover className="popover">
              <ListBox
                className="listbox"
                renderEmptyState={() => <p className="hint">No theme has that in its name.</p>}
              >
                {(item: { id: string; name: string }) => (
                  <ListBoxItem id={item.id} textValue={item.name} className="listbox-item">
                    {item.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          <div className="row dialog-actions">
            <Button className="button secondary" onPress={props.onClose}>
              Cancel
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
