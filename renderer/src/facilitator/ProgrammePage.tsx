import { useEffect, useState } from 'react';
import { SESSION_KIND_LABELS } from '../../../core/index.ts';
import { Downloads } from './Downloads.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { getProgramme, type SessionListing } from './facilitator-api.ts';
import type { Programme } from './types.ts';

const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  open: 'Open now',
  closed: 'Closed',
};

export function ProgrammePage(props: { id: string; onSessions: (s: SessionListing[]) => void }) {
  const [data, setData] = useState<{ programme: Programme; sessions: SessionListing[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const { onSessions } = props;
  useEffect(() => {
    getProgramme(props.id).then(
      (r) => {
        setData(r);
        onSessions(r.sessions);
      },
      (e: Error) => setError(e.message),
    );
  }, [props.id, onSessions]);
  if (error)
    return (
      <main>
        <p className="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!data) return <main>Loading&hellip;</main>;
  const { programme, sessions } = data;
  return (
    <main>
      <p>
        <a href="#/">&larr; All programmes</a>
      </p>
      <h1>{programme.title}</h1>
      <p className="hint">
        {programme.organisation}
        {programme.commissioner && ` for ${programme.commissioner}`}
        {programme.region && `, ${programme.region}`}
      </p>
      {programme.aims.length > 0 && (
        <section className="card">
          <h2>Aims</h2>
          <ul>
            {programme.aims.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>Sessions</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Session</th>
              <th scope="col">Cohort</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.date}</td>
                <td>
                  {s.title}
                  <br />
                  <span className="hint">
                    {SESSION_KIND_LABELS[s.kind]}, {s.mode.replace('-', ' ')}
                  </span>
                </td>
                <td>{s.cohort}</td>
                <td>{STATUS_LABELS[s.status] ?? s.status}</td>
                <td>
                  <a
                    className="button small secondary"
                    href={`#/session/${encodeURIComponent(programme.id)}/${encodeURIComponent(s.id)}`}
                  >
                    Run<span className="visually-hidden"> {s.title}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Downloads programmeId={programme.id} />
      <PeoplePanel programmeId={programme.id} />
    </main>
  );
}
