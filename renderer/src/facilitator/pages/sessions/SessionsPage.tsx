import { useRef, useState } from 'react';
import {
  Button,
  Dialog,
  Heading,
  Menu,
  MenuItem,
  MenuTrigger,
  Modal,
  ModalOverlay,
  Popover,
} from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { SESSION_KIND_LABELS, newId, type NewSession } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import {
  addSession,
  deleteSession,
  duplicateSession,
  restoreSession,
  swapSessionDates,
  type SessionListing,
} from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { problemsFromError } from '../../ui/form-helpers.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MODE_LABELS, SessionDetailsForm } from './SessionDetailsForm.tsx';
import { STATUS_LABELS, formatSessionDate } from './session-labels.ts';

function nextDate(sessions: SessionListing[]): string {
  const last = sessions
    .map((s) => s.date)
    .sort()
    .at(-1);
  const d = last ? new Date(`${last}T00:00:00Z`) : new Date();
  if (last) d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** The programme's sessions: add, edit, duplicate, reorder, delete (or archive), restore. */
export function SessionsPage() {
  const { programme, sessions, refresh } = useProgramme();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [adding, setAdding] = useState<NewSession | null>(null);
  const [deleting, setDeleting] = useState<SessionListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const base = `/programmes/${encodeURIComponent(programme.id)}`;
  const planned = sessions.filter((s) => !s.archived);
  const archived = sessions.filter((s) => s.archived);
  const cohorts = [...new Set(sessions.map((s) => s.cohort).filter(Boolean))].sort();

  const act = async (what: string, fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      await refresh();
      announce(done);
    } catch (e) {
      setError(`Could not ${what}: ${(e as Error).message}`);
    }
  };

  const onAction = (s: SessionListing, index: number, key: string) => {
    const enc = encodeURIComponent(s.id);
    if (key === 'plan') navigate(`${base}/sessions/${enc}`);
    else if (key === 'run') navigate(`${base}/sessions/${enc}/run`);
    else if (key === 'debrief') navigate(`${base}/sessions/${enc}/debrief`);
    else if (key === 'duplicate')
      void act(
        'duplicate the session',
        () => duplicateSession(s.id, newId('session')),
        `Made a copy of ${s.title}. It is planned for the same date.`,
      );
    else if (key === 'earlier' || key === 'later') {
      const other = planned[key === 'earlier' ? index - 1 : index + 1];
      if (other)
        void act(
          'move the session',
          () => swapSessionDates(programme.id, s.id, other.id),
          `${s.title} now takes place on ${formatSessionDate(other.date)}, and ${other.title} on ${formatSessionDate(s.date)}.`,
        );
    } else if (key === 'delete') setDeleting(s);
  };

  return (
    <>
      <PageHeader
        title="Sessions"
        context={programme.title}
        actions={
          <button
            type="button"
            onClick={() =>
              setAdding({
                id: newId('session'),
                title: '',
                kind: 'focus-group',
                mode: 'in-person',
                date: nextDate(sessions),
                startTime: null,
                durationMinutes: 120,
                venue: '',
                cohort: '',
                registeredCount: 0,
                facilitators: [],
                recordingAgreed: false,
              })
            }
          >
            Add a session
          </button>
        }
      >
        <p className="hint">
          {planned.length} {planned.length === 1 ? 'session' : 'sessions'} planned, in date order.
          Open a session to plan its agenda and persona, run it, or write its debrief.
        </p>
      </PageHeader>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" tabIndex={-1} ref={listHeading} className="visually-hidden">
          Planned sessions
        </h2>
        {planned.length === 0 ? (
          <p>No sessions are planned yet. Add the first one.</p>
        ) : (
          <div className="table-wrap">
            <table className="sessions-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Session</th>
                  <th scope="col">Cohort</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {planned.map((s, i) => (
                  <tr key={s.id}>
                    <td className="nowrap">
                      {formatSessionDate(s.date)}
                      {s.startTime && (
                        <>
                          <br />
                          <span className="hint">
                            {s.startTime}, {s.durationMinutes} min
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      <Link to={`${base}/sessions/${encodeURIComponent(s.id)}`}>{s.title}</Link>
                      <br />
                      <span className="hint">
                        {SESSION_KIND_LABELS[s.kind]} · {MODE_LABELS[s.mode]}
                      </span>
                    </td>
                    <td>{s.cohort || <span className="hint">Anyone</span>}</td>
                    <td>
                      <span className={`status-tag status-${s.status}`}>
                        {STATUS_LABELS[s.status]}
                      </span>
                    </td>
                    <td>
                      <MenuTrigger>
                        <Button
                          className="button small secondary"
                          aria-label={`Actions for ${s.title}`}
                        >
                          Actions <span aria-hidden="true">▾</span>
                        </Button>
                        <Popover className="menu-popover" placement="bottom end">
                          <Menu
                            className="menu"
                            onAction={(key) => onAction(s, i, String(key))}
                            disabledKeys={[
                              ...(i === 0 ? ['earlier'] : []),
                              ...(i === planned.length - 1 ? ['later'] : []),
                            ]}
                          >
                            <MenuItem className="menu-item" id="plan">
                              Plan agenda and details
                            </MenuItem>
                            <MenuItem className="menu-item" id="run">
                              Run the room
                            </MenuItem>
                            <MenuItem className="menu-item" id="debrief">
                              Debrief
                            </MenuItem>
                            <MenuItem className="menu-item" id="duplicate">
                              Duplicate
                            </MenuItem>
                            <MenuItem className="menu-item" id="earlier">
                              Move earlier (swap dates)
                            </MenuItem>
                            <MenuItem className="menu-item" id="later">
                              Move later (swap dates)
                            </MenuItem>
                            <MenuItem className="menu-item danger" id="delete">
                              Delete…
                            </MenuItem>
                          </Menu>
                        </Popover>
                      </MenuTrigger>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {archived.length > 0 && (
        <section className="card" aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived sessions</h2>
          <p className="hint">
            Kept because they hold notes or attendance. They are left out of the plan but their
            words still count in the analysis and reports.
          </p>
          <ul>
            {archived.map((s) => (
              <li key={s.id} className="row">
                <span>
                  {s.title} ({formatSessionDate(s.date)})
                </span>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() =>
                    void act(
                      'restore the session',
                      () => restoreSession(s.id),
                      `${s.title} is back in the plan.`,
                    )
                  }
                >
                  Restore<span className="visually-hidden"> {s.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ModalOverlay
        className="modal-overlay"
        isOpen={adding !== null}
        isDismissable
        onOpenChange={(open) => {
          if (!open) setAdding(null);
        }}
      >
        <Modal className="modal wide">
          <Dialog className="dialog" aria-labelledby="add-session-heading">
            <Heading slot="title" id="add-session-heading">
              Add a session
            </Heading>
            {adding && (
              <SessionDetailsForm
                initial={adding}
                cohorts={cohorts}
                submitLabel="Add session"
                onCancel={() => setAdding(null)}
                onSubmit={async (session) => {
                  try {
                    await addSession(programme.id, session);
                    await refresh();
                    setAdding(null);
                    announce(`Added ${session.title}.`);
                    navigate(`${base}/sessions/${encodeURIComponent(session.id)}`);
                    return null;
                  } catch (e) {
                    return problemsFromError(e);
                  }
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={deleting ? `Delete ${deleting.title}?` : ''}
        confirmLabel="Delete session"
        destructive
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const s = deleting;
          setDeleting(null);
          if (!s) return;
          void (async () => {
            setError(null);
            try {
              const r = await deleteSession(s.id);
              await refresh();
              announce(
                r.outcome === 'archived'
                  ? `${s.title} holds ${r.notes} notes and ${r.people} attendance records, so it was archived, not deleted.`
                  : `${s.title} was deleted.`,
              );
            } catch (e) {
              setError(`Could not delete the session: ${(e as Error).message}`);
            }
            listHeading.current?.focus();
          })();
        }}
      >
        <p>
          Its plan (details, agenda and persona) goes. If anyone has said anything in it, or
          attendance was recorded, it is archived instead, and nothing they said is lost.
        </p>
      </ConfirmDialog>
    </>
  );
}
