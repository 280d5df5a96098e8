import { useProgramme } from '../../app/programme-context.tsx';
import { useSession } from '../../app/session-context.tsx';
import { useSessionDoc } from '../../app/use-session-doc.ts';
import { patchSession } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { changedFields, problemsFromError } from '../../ui/form-helpers.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LateContributions } from '../sessions-late/LateContributions.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { PersonaEditor } from './PersonaEditor.tsx';
import { SessionDetailsForm } from './SessionDetailsForm.tsx';

/** Plan one session: its details, its agenda step by step, and its persona. */
export function SessionPlannerPage() {
  const { programme, sessions, refresh, doc: programmeDoc } = useProgramme();
  const session = useSession();
  const live = useSessionDoc(session.id);
  const announce = useAnnounce();
  const {
    status: _status,
    archived: _archived,
    docs: _docs,
    present: _present,
    debriefConfirmedAt: _d,
    ...details
  } = session;
  const cohorts = [...new Set(sessions.map((s) => s.cohort).filter(Boolean))].sort();
  const themes = programmeDoc?.themes.all() ?? [];

  return (
    <>
      <PageHeader title={`Plan: ${session.title}`} context={programme.title} />
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <SessionDetailsForm
          key={JSON.stringify(details)}
          initial={details}
          cohorts={cohorts}
          submitLabel="Save details"
          onSubmit={async (next) => {
            const patch = changedFields(details, next);
            delete (patch as { id?: string }).id;
            if (Object.keys(patch).length === 0) {
              announce('Nothing to save: no detail changed.');
              return null;
            }
            try {
              await patchSession(session.id, patch);
              await refresh();
              announce('Session details saved.');
              return null;
            } catch (e) {
              return problemsFromError(e);
            }
          }}
        />
      </section>
      <LateContributions sessionId={session.id} />
      {!live.doc ? (
        <p className="card" role="status">
          Loading the agenda&hellip;
        </p>
      ) : (
        <>
          <AgendaEditor doc={live.doc} themes={themes} lengthMinutes={session.durationMinutes} />
          <PersonaEditor doc={live.doc} />
        </>
      )}
    </>
  );
}
