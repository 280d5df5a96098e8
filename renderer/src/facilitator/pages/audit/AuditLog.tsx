import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useAnnounce } from '../../ui/announcer.tsx';
import { Field } from '../../ui/Field.tsx';
import type { AuditEntry } from '../../../../../core/index.ts';
import { EMPTY_AUDIT_FILTER, type AuditFilter } from './governance-api.ts';

/** The kinds of change one filters by: the action names' first part. */
const KINDS: { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'participant.', label: 'Erasures and subject access' },
  { value: 'export.', label: 'Exports and downloads' },
  { value: 'consent.', label: 'Consent changes' },
  { value: 'retention.', label: 'Retention' },
  { value: 'session.', label: 'Sessions opened, joined and closed' },
  { value: 'programme.', label: 'Programme changes' },
  { value: 'doc.', label: 'Live edits' },
  { value: 'member.', label: 'Memberships granted and revoked' },
  { value: 'user.', label: 'Accounts' },
];

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** What was done, in words; unknown actions are shown by name. */
const ACTION_WORDS: Record<string, string> = {
  'participant.erase': 'Erased a participant’s words',
  'participant.export': 'Exported everything held about a participant (subject access)',
  'consent.set': 'Consent changed by the participant',
  'retention.set': 'Set the retention periods',
  'retention.contacts-expired': 'Contact details expired and were erased',
  'retention.identifying-expired': 'Identifying data expired and was erased',
  'programme.import': 'Imported the programme',
  'session.open': 'Opened the session for joining',
  'session.close': 'Closed the session',
  'session.join': 'Joined the session',
  'export.download': 'Downloaded an export',
  'auth.login': 'Signed in',
  'export.file': 'Exported a file from the command line',
  'doc.edit': 'Edited live',
  'member.add': 'Made an account a member',
  'member.remove': 'Took an account out of the programme',
  'user.add': 'Added an account',
  'user.role': 'Changed an account’s role',
  'user.disable': 'Disabled an account',
  'user.enable': 'Enabled an account again',
};

/** A short reading of an entry's detail: the export's name, the format, personal data. */
function detailWords(e: AuditEntry): string {
  const d = e.detail;
  const parts: string[] = [];
  for (const key of ['name', 'format', 'role', 'to', 'from', 'user'] as const)
    if (typeof d[key] === 'string') parts.push(`${key}: ${d[key] as string}`);
  if (d.personalData === true) parts.push('includes personal data');
  return parts.join(', ');
}

/**
 * Who changed or exported what, and when, newest first, with filters (kind, who, days, text).
 * The programme's audit page and the administrator's whole log both use it; `load` says which.
 */
export function AuditLog(props: {
  idPrefix: string;
  heading: string;
  load: (filter: AuditFilter) => Promise<{ entries: AuditEntry[] }>;
}) {
  const announce = useAnnounce();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const toRef = useRef<HTMLInputElement>(null);
  const { load: fetchEntries, idPrefix: p } = props;

  const load = useCallback(
    async (f: AuditFilter, say: boolean) => {
      try {
        const r = await fetchEntries(f);
        setEntries(r.entries);
        setProblem(null);
        if (say)
          announce(`${r.entries.length} ${r.entries.length === 1 ? 'entry' : 'entries'} shown.`);
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      }
    },
    [fetchEntries, announce],
  );
  useEffect(() => void load(EMPTY_AUDIT_FILTER, false), [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (filter.from && filter.to && filter.from > filter.to) {
      const message = 'The last day must be on or after the first day.';
      setRangeError(message);
      announce(`Not filtered: ${message}`);
      toRef.current?.focus();
      return;
    }
    setRangeError(undefined);
    void load(filter, true);
  };
  const set = (key: keyof AuditFilter) => (value: string) => setFilter({ ...filter, [key]: value });

  return (
    <section className="card" aria-labelledby={`${p}-title`}>
      <h2 id={`${p}-title`}>{props.heading}</h2>
      <form className="audit-filter" onSubmit={submit} aria-label="Filter the audit log">
        <Field id={`${p}-kind`} label="Show">
          {(c) => (
            <select {...c} value={filter.action} onChange={(e) => set('action')(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${p}-actor`} label="By" hint="Part of an account name, or “retention”, “cli”">
          {(c) => (
            <input
              {...c}
              type="text"
              value={filter.actor}
              onChange={(e) => set('actor')(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${p}-from`} label="From (day)">
          {(c) => (
            <input
              {...c}
              type="date"
              value={filter.from}
              onChange={(e) => set('from')(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${p}-to`} label="To (day)" error={rangeError}>
          {(c) => (
            <input
              {...c}
              ref={toRef}
              type="date"
              value={filter.to}
              onChange={(e) => set('to')(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${p}-q`} label="Containing" hint="Words in what was done or to what">
          {(c) => (
            <input {...c} type="text" value={filter.q} onChange={(e) => set('q')(e.target.value)} />
          )}
        </Field>
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
                  <td>
                    {ACTION_WORDS[e.action] ?? e.action}
                    {detailWords(e) && <span className="hint"> ({detailWords(e)})</span>}
                  </td>
                  <td className="audit-target">{e.targetName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
