import { useState } from 'react';
import type { ConsentKind, PeopleListing, PersonRecord } from '../../../../../core/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { PersonConsent } from './PersonConsent.tsx';
import { PersonDemographics } from './PersonDemographics.tsx';
import { PersonDetailsForm } from './PersonDetailsForm.tsx';
import { PersonalLinkCard } from './PersonalLinkCard.tsx';
import { SubjectAccessCard } from './SubjectAccessCard.tsx';
import { erasePerson, recordConsent, recordDemographics, setAttendance } from './people-api.ts';

/** Everything about one person a facilitator keeps: details, sessions, consent, demographics, link. */
export function PersonPanel(props: {
  person: PersonRecord;
  listing: PeopleListing;
  programmeTitle: string;
  onChange: (p: PersonRecord) => void;
  reload: () => Promise<void>;
}) {
  const { person, listing } = props;
  const [erasing, setErasing] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const announce = useAnnounce();
  const done = (text: string) => {
    setOutcome({ error: false, text });
    announce(text);
  };
  const failed = (e: unknown) => setOutcome({ error: true, text: (e as Error).message });

  return (
    <section className="card stack person-panel" aria-labelledby="person-heading">
      <h2 id="person-heading" tabIndex={-1}>
        {person.descriptor}
        {person.erasedAt && <span className="tag"> Record erased</span>}
      </h2>
      {outcome && (
        <p className={outcome.error ? 'error' : 'notice'} role={outcome.error ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      {person.erasedAt ? (
        <p>
          Their words, demographics and personal link were erased at their request on{' '}
          {new Date(person.erasedAt).toLocaleDateString('en-GB')}. Reports count them in attendance
          figures only.
        </p>
      ) : (
        <>
          <PersonDetailsForm
            key={person.id}
            person={person}
            listing={listing}
            onSaved={(p) => {
              props.onChange(p);
              done(`Details of ${p.descriptor} saved.`);
            }}
          />
          <fieldset>
            <legend>Registered for</legend>
            <div className="checks">
              {listing.sessions.map((s) => {
                const a = person.attendance.find((x) => x.sessionId === s.id);
                return (
                  <label key={s.id} className="choice">
                    <input
                      type="checkbox"
                      checked={a?.registered ?? false}
                      onChange={(e) =>
                        setAttendance(person.id, s.id, { registered: e.target.checked }).then(
                          (r) => {
                            props.onChange(r.person);
                            done(
                              `${person.descriptor} ${e.target.checked ? 'registered for' : 'no longer registered for'} ${s.title}.`,
                            );
                          },
                          failed,
                        )
                      }
                    />
                    <span>
                      {s.title} <span className="hint">({s.date})</span>
                      {a?.attended && !a.registered && (
                        <span className="tag tag-walk-in">Came without registering</span>
                      )}
                      {a?.attended && a.registered && <span className="tag tag-ok">Came</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <PersonConsent
            key={`consent-${person.id}`}
            person={person}
            onSave={async (changes: Partial<Record<ConsentKind, boolean>>) => {
              const r = await recordConsent(person.id, changes);
              props.onChange(r.person);
              done(
                r.removed > 0
                  ? `Consent saved. ${r.removed} of their contributions were erased.`
                  : 'Consent saved.',
              );
            }}
          />
          <PersonDemographics
            key={`demo-${person.id}`}
            personId={person.id}
            value={person.demographics}
            onSave={async (d) => {
              const r = await recordDemographics(person.id, d);
              props.onChange(r.person);
              done('Answers about them saved.');
            }}
          />
          <PersonalLinkCard
            person={person}
            programmeTitle={props.programmeTitle}
            onChanged={(hasPersonalLink) => props.onChange({ ...person, hasPersonalLink })}
          />
          <div className="stack">
            <h3>Erase on request</h3>
            <p className="hint">
              If they ask for their words to be removed: everything they wrote or that was captured
              for them, their votes, comments and demographics go from every session. Reports then
              count them in attendance only. It cannot be undone.
            </p>
            <button type="button" className="danger" onClick={() => setErasing(true)}>
              Erase their words…
            </button>
          </div>
          <ConfirmDialog
            isOpen={erasing}
            title={`Erase ${person.descriptor}'s words?`}
            confirmLabel="Erase"
            destructive
            onCancel={() => setErasing(false)}
            onConfirm={() => {
              setErasing(false);
              erasePerson(person.id).then(async ({ removed }) => {
                await props.reload();
                done(
                  `${removed === 0 ? 'Nothing of theirs was left to remove' : `Removed ${removed} ${removed === 1 ? 'contribution' : 'contributions'}`} from ${person.descriptor}. Their consent to keep and quote their words is now recorded as withdrawn.`,
                );
              }, failed);
            }}
          >
            Their notes, votes, comments and demographics are removed from every session of this
            programme and from the database file.
          </ConfirmDialog>
        </>
      )}
      <SubjectAccessCard key={`access-${person.id}`} person={person} />
    </section>
  );
}
