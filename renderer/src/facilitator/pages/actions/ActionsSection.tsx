import { useState } from 'react';
import { Button, GridList, GridListItem } from 'react-aria-components';
import {
  ACTION_STATUS_LABELS,
  ACTION_TERM_LABELS,
  type Action,
  type EvidenceNote,
  type ProgrammeDoc,
  type Theme,
} from '../../../../../core/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ActionForm } from './ActionForm.tsx';

/**
 * "You said, we did": every action in one list (one tab stop; arrow keys move, Tab reaches a
 * row's buttons), a form to add one, and the same form in place to edit one. Written straight
 * into the live programme document, so a second facilitator sees it at once and shared actions
 * reach participants' phones through the room projection.
 */
export function ActionsSection(props: {
  doc: ProgrammeDoc;
  themes: Theme[];
  evidence: EvidenceNote[] | null;
}) {
  const { doc } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Action | null>(null);
  const announce = useAnnounce();
  const themeName = (id: string) => props.themes.find((t) => t.id === id)?.name ?? '';
  const actions = doc.actions
    .all()
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id));
  const editingAction = actions.find((a) => a.id === editing) ?? null;
  return (
    <section className="card stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">You said, we did ({actions.length})</h2>
      {actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <GridList className="list-grid" aria-label="Actions" items={actions}>
          {(a) => (
            <GridListItem textValue={a.heard} className="list-row action-row">
              <span className="list-main">
                <strong>You said:</strong> {a.heard}
                {a.done && (
                  <>
                    <br />
                    <strong>We did:</strong> {a.done}
                  </>
                )}
                <br />
                <span className="hint">
                  {ACTION_STATUS_LABELS[a.status]} · {ACTION_TERM_LABELS[a.term]}
                  {a.owner ? ` · ${a.owner}` : ''}
                  {a.due ? ` · due ${a.due}` : ''}
                  {a.themeIds.length > 0 ? ` · ${a.themeIds.map(themeName).join(', ')}` : ''}
                  {a.noteIds?.length ? ` · ${a.noteIds.length} evidence notes` : ''}
                </span>
              </span>
              <span className="list-tags">
                {a.shared ? (
                  <span className="tag tag-ok">Shown to participants</span>
                ) : (
                  <span className="tag">Not shown</span>
                )}
                <Button className="button small secondary" onPress={() => setEditing(a.id)}>
                  Edit
                </Button>
                <Button className="button small secondary" onPress={() => setRemoving(a)}>
                  Remove
                </Button>
              </span>
            </GridListItem>
          )}
        </GridList>
      )}
      {editingAction ? (
        <div className="card">
          <h3>Edit the action</h3>
          <ActionForm
            key={editingAction.id}
            action={editingAction}
            themes={props.themes}
            evidence={props.evidence}
            onSave={(a) => {
              doc.saveAction(a);
              setEditing(null);
              announce('Action saved.');
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : (
        <div>
          <h3>Add an action</h3>
          <ActionForm
            action={null}
            themes={props.themes}
            evidence={props.evidence}
            onSave={(a) => {
              doc.saveAction(a);
              announce('Action added.');
            }}
          />
        </div>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title="Remove this action?"
        confirmLabel="Remove"
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) doc.removeAction(removing.id);
          setRemoving(null);
          announce('Action removed.');
        }}
      >
        &ldquo;{removing?.heard}&rdquo;
        {removing?.shared ? ' It also goes from participants’ phones.' : ''}
      </ConfirmDialog>
    </section>
  );
}
