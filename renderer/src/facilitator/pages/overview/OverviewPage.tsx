import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { SESSION_KIND_LABELS, daysUntil } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { debriefStatus, localToday } from '../sessions/debrief-status.ts';
import { STATUS_LABELS, formatSessionDate } from '../sessions/session-labels.ts';
import { ProgrammeDetailsForm } from './ProgrammeDetailsForm.tsx';

/** A programme at a glance: its details (editable), its sessions in time, what is due. */
export function OverviewPage() {
  const { programme, sessions, refresh, doc } = useProgramme();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const base = `/programmes/${encodeURIComponent(programme.id)}`;
  const today = localToday();
  const planned = sessions.filter((s) => !s.archived).sort((a, b) => a.date.localeCompare(b.date));
  const past = planned.filter((s) => s.date <= today);
  const coming = planned.filter((s) => s.date > today);
  const actions = (doc?.actions.all() ?? [])
    .filter((a) => (a.status === 'open' || a.status === 'in-progress') && a.due !== null)
    .map((a) => ({ ...a, days: daysUntil(a.due as string, today) }))
    .filter((a) => a.days <= 14)
    .sort((a, b) => a.days - b.days);

  const sessionItem = (s: (typeof planned)[number]) => {
    const debrief =
      s.date <= today && s.kind !== 'planning' ? debriefStatus(s, programme, today) : null;
    return (
      <li key={s.id} className="timeline-item">
        <span className="timeline-date">{formatSessionDate(s.date)}</span>
        <span className="timeline-body">
          <Link to={`${base}/sessions/${encodeURIComponent(s.id)}`}>{s.title}</Link>{' '}
          <span className="hint">
            {SESSION_KIND_LABELS[s.kind]}
            {s.cohort && ` · ${s.cohort}`} · {STATUS_LABELS[s.status]}
          </span>
          {debrief && (
            <span className={`debrief-status tone-${debrief.tone}`}>
              <Link to={`${base}/sessions/${encodeURIComponent(s.id)}/debrief`}>
                {debrief.text}
              </Link>
            </span>
          )}
        </span>
      </li>
    );
  };

  return (
    <>
      <PageHeader title={programme.title} context="Overview">
        <p className="hint">
          {programme.organisation}
          {programme.commissioner && ` for ${programme.commissioner}`}
          {programme.region && `, ${programme.region}`}
        </p>
      </PageHeader>
      <div className="overview-grid">
        <section className="card" aria-labelledby="details-heading">
          <div className="row section-head">
            <h2 id="details-heading">Programme details</h2>
            <span className="spacer" />
            {!editing && (
              <button
                type="button"
                ref={editButton}
                className="small secondary"
                onClick={() => {
                  setEditing(true);
                  window.setTimeout(() => document.getElementById('programme-title')?.focus(), 0);
                }}
              >
                Edit details
              </button>
            )}
          </div>
          {editing ? (
            <ProgrammeDetailsForm
              programme={programme}
              onSaved={refresh}
              onDone={() => {
                setEditing(false);
                window.setTimeout(() => editButton.current?.focus(), 0);
              }}
            />
          ) : (
            <dl className="details-list">
              <dt>Organisation</dt>
              <dd>{programme.organisation}</dd>
              <dt>Commissioner</dt>
              <dd>{programme.commissioner || <span className="hint">Not set</span>}</dd>
              <dt>Region</dt>
              <dd>{programme.region || <span className="hint">Not set</span>}</dd>
              <dt>Dates</dt>
              <dd>
                {programme.startDate ? formatSessionDate(programme.startDate) : 'Start not set'} to{' '}
                {programme.endDate ? formatSessionDate(programme.endDate) : 'end not set'}
              </dd>
              <dt>Aims</dt>
              <dd>
                {programme.aims.length === 0 ? (
                  <span className="hint">None written yet</span>
                ) : (
                  <ul>
                    {programme.aims.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          )}
        </section>
        <section className="card" aria-labelledby="due-heading">
          <h2 id="due-heading">Actions due soon</h2>
          {actions.length === 0 ? (
            <p className="hint">No open action is due in the next two weeks.</p>
          ) : (
            <ul className="plain-list stack">
              {actions.map((a) => (
                <li key={a.id}>
                  <span
                    className={`debrief-status tone-${a.days < 0 ? 'overdue' : a.days <= 3 ? 'soon' : 'later'}`}
                  >
                    {a.days < 0
                      ? `Overdue by ${-a.days} ${a.days === -1 ? 'day' : 'days'}`
                      : a.days === 0
                        ? 'Due today'
                        : `Due in ${a.days} ${a.days === 1 ? 'day' : 'days'}`}
                  </span>{' '}
                  {a.heard}
                  {a.owner && <span className="hint"> ({a.owner})</span>}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`${base}/actions`}>All actions and recommendations</Link>
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="timeline-heading">
        <div className="row section-head">
          <h2 id="timeline-heading">Sessions</h2>
          <span className="spacer" />
          <Link to={`${base}/sessions`}>Plan sessions</Link>
        </div>
        <div className="timeline-columns">
          <div>
            <h3>Coming up</h3>
            {coming.length === 0 ? (
              <p className="hint">No session is planned after today.</p>
            ) : (
              <ol className="timeline">{coming.map(sessionItem)}</ol>
            )}
          </div>
          <div>
            <h3>Held</h3>
            {past.length === 0 ? (
              <p className="hint">No session has taken place yet.</p>
            ) : (
              <ol className="timeline">{[...past].reverse().map(sessionItem)}</ol>
            )}
          </div>
        </div>
      </section>
    </>
  );
}
