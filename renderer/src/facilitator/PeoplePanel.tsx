import { useCallback, useEffect, useState } from 'react';
import { erasePerson, listPeople, type PersonListing } from './facilitator-api.ts';

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * The people of a programme and the one thing a facilitator does to a person's record here:
 * erase their words when they ask (by phone or letter, after the session). The server removes
 * their notes, votes and comments from every session and from the database file, and records
 * their consent to keep and quote their words as withdrawn.
 */
export function PeoplePanel(props: { programmeId: string }) {
  const [people, setPeople] = useState<PersonListing[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The person whose erasure is waiting for a second click. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(
    () =>
      listPeople(props.programmeId).then(
        (r) =>
          setPeople(
            // "Resident 2" before "Resident 10", as a facilitator reading down the list expects.
            [...r.participants].sort((a, b) =>
              a.descriptor.localeCompare(b.descriptor, undefined, { numeric: true }),
            ),
          ),
        (e: Error) => setLoadError(e.message),
      ),
    [props.programmeId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const erase = async (p: PersonListing) => {
    setBusy(true);
    setOutcome(null);
    try {
      const { removed } = await erasePerson(p.id);
      setConfirming(null);
      // The list first: the message below says their consent is withdrawn, and the list must not
      // still say "Yes" while it does.
      await load();
      const what =
        removed === 0
          ? 'Nothing of theirs was left to remove'
          : `Removed ${removed} ${removed === 1 ? 'contribution' : 'contributions'}`;
      setOutcome({
        kind: 'done',
        text: `${what} from ${p.descriptor}. Their consent to keep and quote their words is now recorded as withdrawn.`,
      });
    } catch (e) {
      setOutcome({ kind: 'error', text: `Not erased: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <p className="hint">
        If someone asks for their words to be removed, find them here by how reports refer to them.
        Erasing removes everything they wrote or that was captured for them, and their votes and
        comments, from every session of this programme. It cannot be undone.
      </p>
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {outcome && (
        <p className={outcome.kind === 'error' ? 'error' : 'notice'} role="status">
          {outcome.text}
        </p>
      )}
      {people && people.length === 0 && <p>No one has joined or been registered yet.</p>}
      {people && people.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Took part in</th>
                <th scope="col">Words kept</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.descriptor}
                    <br />
                    <span className="hint">{p.cohort}</span>
                  </td>
                  <td>{p.attended.length > 0 ? p.attended.join(', ') : 'No session yet'}</td>
                  <td>{p.keepsWords ? 'Yes' : 'No'}</td>
                  <td>
                    {confirming === p.id ? (
                      <div className="row">
                        <button
                          type="button"
                          className="small"
                          disabled={busy}
                          onClick={() => void erase(p)}
                        >
                          Erase for good<span className="visually-hidden"> {p.descriptor}</span>
                        </button>
                        <button
                          type="button"
                          className="small secondary"
                          disabled={busy}
                          onClick={() => setConfirming(null)}
                        >
                          Keep<span className="visually-hidden"> {p.descriptor}</span>
                        </button>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="small secondary"
                        disabled={busy}
                        onClick={() => {
                          setOutcome(null);
                          setConfirming(p.id);
                        }}
                      >
                        Erase their words&hellip;
                        <span className="visually-hidden"> {p.descriptor}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
