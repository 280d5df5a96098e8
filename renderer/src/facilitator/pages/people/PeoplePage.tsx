import { useCallback, useEffect, useState } from 'react';
import { GridList, GridListItem } from 'react-aria-components';
import { byDescriptor, type PeopleListing, type PersonRecord } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ImportPeopleLink } from '../imports/PeopleImportPage.tsx';
import { AttendanceRegister } from './AttendanceRegister.tsx';
import { CohortsSection } from './CohortsSection.tsx';
import { PersonPanel } from './PersonPanel.tsx';
import { RegisterForm } from './RegisterForm.tsx';
import { getPeople } from './people-api.ts';
import './people.css';

/**
 * People of a programme: register them, tick attendance, and keep each person's consent,
 * demographics and personal join link. Names and contact details come from the store through
 * the facilitator-only API and never enter a shared document.
 */
export function PeoplePage() {
  const { programme } = useProgramme();
  const [listing, setListing] = useState<PeopleListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      getPeople(programme.id).then(
        (l) => setListing(l),
        (e: Error) => setError(e.message),
      ),
    [programme.id],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const replace = (p: PersonRecord) =>
    setListing((l) =>
      l
        ? {
            ...l,
            people: l.people.some((x) => x.id === p.id)
              ? l.people.map((x) => (x.id === p.id ? p : x))
              : [...l.people, p],
          }
        : l,
    );
  const people = listing ? [...listing.people].sort(byDescriptor) : [];
  const person = people.find((p) => p.id === selected) ?? null;
  return (
    <>
      <PageHeader
        title="People"
        context={programme.title}
        actions={<ImportPeopleLink programmeId={programme.id} />}
      >
        <p className="hint">
          Register people, tick who came, and keep consent and demographics from paper forms.
        </p>
      </PageHeader>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!listing ? (
        !error && <p role="status">Loading people&hellip;</p>
      ) : (
        <>
          <div className="people-top">
            <AttendanceRegister listing={listing} onChange={replace} />
            <RegisterForm programmeId={programme.id} listing={listing} onRegistered={replace} />
          </div>
          <div className="people-layout">
            <section className="card" aria-labelledby="people-list-heading">
              <h2 id="people-list-heading">Everyone ({people.length})</h2>
              {people.length === 0 ? (
                <p>No one has joined or been registered yet.</p>
              ) : (
                <GridList
                  className="list-grid people-list"
                  aria-label="People"
                  selectionMode="single"
                  selectedKeys={selected ? [selected] : []}
                  onSelectionChange={(keys) => {
                    const [k] = keys === 'all' ? [] : [...keys];
                    setSelected(k === undefined ? null : String(k));
                  }}
                  items={people}
                >
                  {(p) => (
                    <GridListItem textValue={p.descriptor} className="list-row">
                      <span className="list-main">
                        <strong>{p.descriptor}</strong>
                        <br />
                        <span className="hint">
                          {p.cohort || 'No cohort'} · attended{' '}
                          {p.attendance.filter((a) => a.attended).length}
                          {p.erasedAt ? ' · erased' : ''}
                        </span>
                      </span>
                    </GridListItem>
                  )}
                </GridList>
              )}
            </section>
            {person ? (
              <PersonPanel
                key={person.id}
                person={person}
                listing={listing}
                programmeTitle={programme.title}
                onChange={replace}
                reload={reload}
              />
            ) : (
              <section className="card">
                <p>Choose someone from the list to see and edit their record.</p>
              </section>
            )}
          </div>
          <CohortsSection programmeId={programme.id} cohorts={listing.cohorts} onSaved={reload} />
        </>
      )}
    </>
  );
}
