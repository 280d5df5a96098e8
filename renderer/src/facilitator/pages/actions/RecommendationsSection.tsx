import { useState } from 'react';
import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import {
  newId,
  type EvidenceNote,
  type ProgrammeDoc,
  type Recommendation,
  type Theme,
} from '../../../../../core/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { RecommendationForm } from './RecommendationForm.tsx';

/**
 * Recommendations in the order the report prints them. Drag a row to move it; by keyboard, the
 * row's drag handle (Enter, arrow keys to a place, Enter) or its "Move up"/"Move down" buttons.
 */
export function RecommendationsSection(props: {
  doc: ProgrammeDoc;
  themes: Theme[];
  evidence: EvidenceNote[] | null;
}) {
  const { doc } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Recommendation | null>(null);
  const announce = useAnnounce();
  const recs = doc.orderedRecommendations();
  const ids = recs.map((r) => r.id);
  const move = (id: string, to: number) => {
    const rest = ids.filter((x) => x !== id);
    rest.splice(Math.max(0, Math.min(to, rest.length)), 0, id);
    doc.reorderRecommendations(rest);
    announce(`Moved to place ${rest.indexOf(id) + 1} of ${rest.length}.`);
  };
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((k) => ({ 'text/plain': String(k) })),
    onReorder(e) {
      const moving = [...e.keys].map(String);
      const rest = ids.filter((x) => !moving.includes(x));
      let at = rest.indexOf(String(e.target.key));
      if (e.target.dropPosition === 'after') at += 1;
      rest.splice(at, 0, ...moving);
      doc.reorderRecommendations(rest);
      announce('Recommendations reordered.');
    },
  });
  const themeName = (id: string) => props.themes.find((t) => t.id === id)?.name ?? '';
  const editingRec = recs.find((r) => r.id === editing) ?? null;
  return (
    <section className="card stack" aria-labelledby="recs-heading">
      <h2 id="recs-heading">Recommendations ({recs.length})</h2>
      {recs.length === 0 ? (
        <p>No recommendations yet.</p>
      ) : (
        <GridList
          className="list-grid"
          aria-label="Recommendations, in report order"
          items={recs}
          dragAndDropHooks={dragAndDropHooks}
        >
          {(r) => {
            const i = ids.indexOf(r.id);
            return (
              <GridListItem textValue={r.text} className="list-row">
                <Button
                  slot="drag"
                  className="button small secondary"
                  aria-label={`Drag to move: ${r.text}`}
                >
                  ≡
                </Button>
                <span className="list-main">
                  <strong>{i + 1}.</strong> {r.text}
                  <br />
                  <span className="hint">
                    {r.themeIds.map(themeName).join(', ') || 'No theme'}
                    {r.noteIds?.length ? ` · ${r.noteIds.length} evidence notes` : ''}
                  </span>
                </span>
                <span className="list-tags">
                  <Button
                    className="button small secondary"
                    isDisabled={i === 0}
                    onPress={() => move(r.id, i - 1)}
                  >
                    Move up
                  </Button>
                  <Button
                    className="button small secondary"
                    isDisabled={i === recs.length - 1}
                    onPress={() => move(r.id, i + 1)}
                  >
                    Move down
                  </Button>
                  <Button className="button small secondary" onPress={() => setEditing(r.id)}>
                    Edit
                  </Button>
                  <Button className="button small secondary" onPress={() => setRemoving(r)}>
                    Remove
                  </Button>
                </span>
              </GridListItem>
            );
          }}
        </GridList>
      )}
      {editingRec ? (
        <div className="card">
          <h3>Edit the recommendation</h3>
          <RecommendationForm
            key={editingRec.id}
            recommendation={editingRec}
            themes={props.themes}
            evidence={props.evidence}
            onSave={(v) => {
              doc.saveRecommendation({ ...editingRec, ...v });
              setEditing(null);
              announce('Recommendation saved.');
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : (
        <div>
          <h3>Add a recommendation</h3>
          <RecommendationForm
            recommendation={null}
            themes={props.themes}
            evidence={props.evidence}
            onSave={(v) => {
              doc.addRecommendation({ id: newId('r'), ...v });
              announce('Recommendation added at the end.');
            }}
          />
        </div>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title="Remove this recommendation?"
        confirmLabel="Remove"
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) doc.removeRecommendation(removing.id);
          setRemoving(null);
          announce('Recommendation removed.');
        }}
      >
        &ldquo;{removing?.text}&rdquo;
      </ConfirmDialog>
    </section>
  );
}
