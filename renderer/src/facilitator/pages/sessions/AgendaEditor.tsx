import { useState } from 'react';
import {
  Button,
  GridList,
  GridListItem,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  useDragAndDrop,
  type Selection,
} from 'react-aria-components';
import {
  AGENDA_STEP_LABELS,
  type AgendaStep,
  type AgendaStepType,
  type SessionDoc,
  type Theme,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { StepEditor } from './StepEditor.tsx';
import { newStep, timeBudget } from './step-drafts.ts';

const STEP_TYPES = Object.keys(AGENDA_STEP_LABELS) as AgendaStepType[];

/**
 * The agenda as one list widget (one tab stop, arrow keys, drag or keyboard drag to reorder)
 * beside the editor of the selected step. Every change goes straight into the live session
 * document, one step at a time.
 */
export function AgendaEditor(props: { doc: SessionDoc; themes: Theme[]; lengthMinutes: number }) {
  const { doc } = props;
  const announce = useAnnounce();
  const steps = doc.agenda();
  const persona = doc.persona();
  const notes = doc.notes.all();
  const notesAt = (stepId: string) => notes.filter((n) => n.stepId === stepId).length;
  const [selected, setSelected] = useState<string | null>(steps[0]?.id ?? null);
  const [removing, setRemoving] = useState<AgendaStep | null>(null);
  const [moveNotesTo, setMoveNotesTo] = useState<string>('');
  const current = steps.find((s) => s.id === selected) ?? steps[0] ?? null;
  const index = current ? steps.findIndex((s) => s.id === current.id) : -1;
  const budget = timeBudget(steps, props.lengthMinutes);

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': String(key) })),
    onReorder(e) {
      const moved = [...e.keys].map(String);
      const target = String(e.target.key);
      for (const id of moved) {
        const rest = doc.agenda().filter((s) => s.id !== id);
        const at = rest.findIndex((s) => s.id === target);
        doc.moveStep(id, e.target.dropPosition === 'after' ? at + 1 : at);
      }
      const title = steps.find((s) => s.id === moved[0])?.title ?? 'Step';
      const pos = doc.agenda().findIndex((s) => s.id === moved[0]) + 1;
      announce(`${title} moved to position ${pos} of ${steps.length}.`);
    },
  });

  const add = (type: AgendaStepType) => {
    const step = newStep(type, persona);
    doc.insertStep(step, index + 1);
    setSelected(step.id);
    announce(`${AGENDA_STEP_LABELS[type]} added as step ${index + 2}. Give it a title.`);
    window.setTimeout(() => document.getElementById('step-title')?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="agenda-heading">
      <div className="row section-head">
        <h2 id="agenda-heading">Agenda</h2>
        <span className="spacer" />
        <p className={`budget${budget.over ? ' over' : ''}`} aria-live="polite">
          {budget.text}
        </p>
        <MenuTrigger>
          <Button className="button small">
            Add a step <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="menu-popover" placement="bottom end">
            <Menu className="menu" onAction={(key) => add(key as AgendaStepType)}>
              {STEP_TYPES.map((t) => (
                <MenuItem className="menu-item" key={t} id={t}>
                  {AGENDA_STEP_LABELS[t]}
                </MenuItem>
              ))}
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
      {steps.length === 0 ? (
        <p>This session has no agenda yet. Add its first step.</p>
      ) : (
        <div className="agenda-layout">
          <div>
            <p className="hint" id="agenda-help">
              Arrow keys move through the steps. To reorder, drag a step by its handle, or focus the
              handle and press Enter, then the arrow keys, then Enter.
            </p>
            <GridList
              aria-label="Agenda steps"
              aria-describedby="agenda-help"
              className="step-list"
              items={steps}
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={current ? [current.id] : []}
              onSelectionChange={(keys: Selection) => {
                if (keys !== 'all') {
                  const [first] = [...keys];
                  if (first !== undefined) setSelected(String(first));
                }
              }}
              dragAndDropHooks={dragAndDropHooks}
            >
              {(step) => {
                const n = notesAt(step.id);
                const position = steps.indexOf(step) + 1;
                return (
                  <GridListItem id={step.id} textValue={step.title} className="step-item">
                    <Button
                      slot="drag"
                      className="drag-handle"
                      aria-label={`Reorder ${step.title}`}
                    >
                      <span aria-hidden="true">⠿</span>
                    </Button>
                    <span className="step-number" aria-hidden="true">
                      {position}
                    </span>
                    <span className="step-text">
                      <span className="step-title">{step.title}</span>
                      <span className="hint">
                        {AGENDA_STEP_LABELS[step.type]} · {step.minutes} min
                        {n > 0 && ` · ${n} ${n === 1 ? 'note' : 'notes'}`}
                        {doc.currentStepId() === step.id && ' · on the phones now'}
                      </span>
                    </span>
                  </GridListItem>
                );
              }}
            </GridList>
          </div>
          {current && (
            <StepEditor
              key={current.id}
              step={current}
              index={index}
              count={steps.length}
              persona={persona}
              themes={props.themes}
              notes={notesAt(current.id)}
              isCurrent={doc.currentStepId() === current.id}
              onSave={(step) => {
                doc.updateStep(step);
                announce(`Step ${index + 1} saved.`);
              }}
              onMove={(to) => {
                doc.moveStep(current.id, to);
                announce(`${current.title} is now step ${to + 1} of ${steps.length}.`);
              }}
              onRemove={() => {
                setMoveNotesTo(steps.find((s) => s.id !== current.id)?.id ?? '');
                setRemoving(current);
              }}
            />
          )}
        </div>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title={removing ? `Remove “${removing.title}”?` : ''}
        confirmLabel="Remove step"
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const step = removing;
          setRemoving(null);
          if (!step) return;
          const moved = doc.moveStepNotes(step.id, moveNotesTo || null);
          doc.removeStep(step.id);
          const next = doc.agenda()[Math.max(0, index - 1)];
          setSelected(next?.id ?? null);
          announce(
            moved > 0 ? `Step removed. Its ${moved} notes were kept and moved.` : 'Step removed.',
          );
          window.setTimeout(() => document.querySelector<HTMLElement>('.step-list')?.focus(), 0);
        }}
      >
        {removing && notesAt(removing.id) > 0 ? (
          <div className="stack">
            <p>
              {notesAt(removing.id)} notes were taken at this step. They are kept: choose where they
              go.
            </p>
            <label htmlFor="move-notes-to">Move its notes to</label>
            <select
              id="move-notes-to"
              value={moveNotesTo}
              onChange={(e) => setMoveNotesTo(e.target.value)}
            >
              {steps
                .filter((s) => s.id !== removing.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              <option value="">No step (kept with the session)</option>
            </select>
          </div>
        ) : (
          <p>No notes were taken at this step.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
