import { useState } from 'react';
import { GridList, GridListItem, type Selection } from 'react-aria-components';
import {
  sessionRegister,
  type PeopleListing,
  type PersonRecord,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { setAttendance } from './people-api.ts';

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The register of one session, ticked during or after it. One list, one tab stop: arrow keys
 * move between people, Space ticks or unticks "attended". The figures under it are the ones the
 * reports print (core's attendanceTotals), so what is ticked here is what a commissioner reads.
 */
export function AttendanceRegister(props: {
  listing: PeopleListing;
  onChange: (p: PersonRecord) => void;
}) {
  const { listing } = props;
  const firstOpen = listing.sessions.find((s) => s.status === 'open') ?? listing.sessions[0];
  const [sessionId, setSessionId] = useState(firstOpen?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const session = listing.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  const reg = sessionRegister(session, listing.people);
  const attended = new Set(reg.rows.filter((r) => r.attended).map((r) => r.participant.id));

  const change = async (keys: Selection) => {
    const next = keys === 'all' ? new Set(reg.rows.map((r) => r.participant.id)) : keys;
    const changed = reg.rows.filter((r) => next.has(r.participant.id) !== r.attended);
    setError(null);
    for (const r of changed) {
      const now = next.has(r.participant.id);
      try {
        const { person } = await setAttendance(r.participant.id, session.id, { attended: now });
        props.onChange(person as PersonRecord);
        announce(`${r.participant.descriptor} ${now ? 'attended' : 'not marked as attending'}.`);
      } catch (e) {
        setError(`Not saved for ${r.participant.descriptor}: ${(e as Error).message}`);
      }
    }
  };

  const t = reg.totals;
  return (
    <section className="card" aria-labelledby="register-list-heading">
      <h2 id="register-list-heading">Attendance</h2>
      <div className="field">
        <label htmlFor="register-session">Session</label>
        <select
          id="register-session"
          value={sessionId}
          onChange={(e) => setSessionId(e.target.value)}
        >
          {listing.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.date}: {s.title}
              {s.status === 'open' ? ' (open now)' : ''}
            </option>
          ))}
        </select>
      </div>
      <p className="register-totals" aria-live="polite">
        Registered {t.registered} · Attended {t.attended} ·{' '}
        <strong>{plural(t.walkIns, 'person', 'people')} came without registering</strong> ·{' '}
        {t.noShows} registered but did not come
        {t.erased > 0 ? ` · ${t.erased} erased at their request (counted in attendance only)` : ''}
      </p>
      {t.registered > t.registeredRecords && (
        <p className="hint">
          The session plan says {t.registered} registered; {t.registeredRecords} are on this
          register. Reports use the larger figure.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {reg.rows.length === 0 ? (
        <p>No one is registered for this session or in its cohort yet.</p>
      ) : (
        <>
          <p className="hint" id="register-help">
            Tick who came: arrow keys move, Space ticks.
          </p>
          <GridList
            className="list-grid"
            aria-label={`Attendance at ${session.title}`}
            aria-describedby="register-help"
            selectionMode="multiple"
            selectionBehavior="toggle"
            selectedKeys={attended}
            onSelectionChange={(k) => void change(k)}
            items={reg.rows.map((r) => ({ ...r, id: r.participant.id }))}
          >
            {(r) => (
              <GridListItem textValue={r.participant.descriptor} className="list-row">
                {({ isSelected }) => (
                  <>
                    <span className="tick" aria-hidden="true">
                      {isSelected ? '☑' : '☐'}
                    </span>
                    <span className="list-main">
                      <strong>{r.participant.descriptor}</strong>{' '}
                      <span className="hint">{r.participant.cohort || 'No cohort'}</span>
                    </span>
                    <span className="list-tags">
                      {r.walkIn && (
                        <span className="tag tag-walk-in">Came without registering</span>
                      )}
                      {r.registered && !r.attended && <span className="tag">Registered</span>}
                      {r.registered && r.attended && (
                        <span className="tag tag-ok">Registered and came</span>
                      )}
                      {r.erased && <span className="tag">Record erased</span>}
                    </span>
                  </>
                )}
              </GridListItem>
            )}
          </GridList>
        </>
      )}
    </section>
  );
}
