import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useProgramme } from '../../app/programme-context.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getAudit, type AuditEntry } from './governance-api.ts';
import { RetentionSection } from './RetentionSection.tsx';
import './audit.css';

/** The kinds of change a facilitator filters by: the action names' first part. */
const KINDS: { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'participant.', label: 'Erasures and exports of personal data' },
  { value: 'consent.', label: 'Consent changes' },
  { value: 'retention.', label: 'Retention' },
  { value: 'session.', label: 'Sessions opened, joined and closed' },
  { value: 'export.', label: 'Downloads of exports' },
  { value: 'programme.', label: 'Programme changes' },
];

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** What was done, in words; unknown actions are shown by name. */
const ACTION_WORDS: Record<string, string> = {
  'participant.erase': 'Erased a participant’s words',
  'participant.export': 'Exported everything held about a participant',
  'consent.set': 'Consent changed by the participant',
  'retention.set': 'Set the retention periods',
  'retention.contacts-expired': 'Contact details expired and were erased',
  'retention.identifying-expired': 'Identifying data expired and was erased',
  'programme.import': 'Imported the programme',
  'session.open': 'Opened the session for joining',
  'session.close': 'Closed the session',
  'session.join': 'Joined the session',
  'export.download': 'Downloaded an export',
};

/** Who changed or exported what, and when, in this programme; and its retention periods. */
export function AuditPage() {
  const { programme } = useProgramme();
  const announce = useAnnounce();
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    async (f: { action: string; actor: string }, say: boolean) => {
      try {
        const r = await getAudit(programme.id, f);
        setEntries(r.entries);
        setProblem(null);
        if (say) announce(`${r.entries.length} entries shown.`);
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      }
    },
    [programme.id, announce],
  );
  useEffect(() => void load({ action: '', actor: '' }, false), [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filter, true);
  };

  return (
    <>
      <PageHeader title="Audit log" context={programme.title}>
        <p className="hint">
          Who changed or exported what in this programme, and when, newest first.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Changes and exports</h2>
        <form className="audit-filter" onSubmit={submit}>
          <div className="field">
            <label htmlFor="audit-kind">Show</label>
            <select
              id="audit-kind"
              value={filter.action}
              onChange={(e) => setFilter({ ...filter, action: e.target.value })}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">By (account name, “retention” or “desktop”)</label>
            <input
              id="audit-actor"
              value={filter.actor}
              onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
            />
          </div>
          <button type="submit">Filter</button>
        </form>
        {problem && <p role="alert">Could not read the audit log: {problem}</p>}
        {entries && entries.length === 0 && <p>Nothing recorded matches.</p>}
        {entries && entries.length > 0 && (
          <div className="table-scroll">
            <table className="audit-table">
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Of</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td>
                      <time dateTime={e.at}>{when(e.at)}</time>
                    </td>
                    <td>{e.actorName}</td>
                    <td>{ACTION_WORDS[e.action] ?? e.action}</td>
                    <td className="audit-target">{e.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <RetentionSection programmeId={programme.id} />
    </>
  );
}
