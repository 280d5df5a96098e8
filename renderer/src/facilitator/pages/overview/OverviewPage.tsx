import { Link } from 'react-router';
import { SESSION_KIND_LABELS } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { Downloads } from '../../Downloads.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  open: 'Open now',
  closed: 'Closed',
};

export function OverviewPage() {
  const { programme, sessions } = useProgramme();
  const base = `/programmes/${encodeURIComponent(programme.id)}`;
  return (
    <>
      <PageHeader title={programme.title} context="Overview">
        <p className="hint">
          {programme.organisation}
          {programme.commissioner && ` for ${programme.commissioner}`}
          {programme.region && `, ${programme.region}`}
        </p>
      </PageHeader>
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
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.date}</td>
                <td>
                  <Link to={`${base}/sessions/${encodeURIComponent(s.id)}`}>{s.title}</Link>
                  <br />
                  <span className="hint">
                    {SESSION_KIND_LABELS[s.kind]}, {s.mode.replace('-', ' ')}
                  </span>
                </td>
                <td>{s.cohort}</td>
                <td>{STATUS_LABELS[s.status] ?? s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Downloads programmeId={programme.id} />
    </>
  );
}
