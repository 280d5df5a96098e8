import { useEffect, useState } from 'react';
import { SessionDoc, sessionDocName, sortThemes } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { useSession } from '../../app/session-context.tsx';
import { useLiveYDoc } from '../../app/use-live-doc.ts';
import { listPeople, type PersonListing } from '../../facilitator-api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { CaptureForm } from './CaptureForm.tsx';
import { CardsPanel } from './CardsPanel.tsx';
import { JoinPanel } from './JoinPanel.tsx';
import { NotesFeed } from './NotesFeed.tsx';
import { StatusBar } from './StatusBar.tsx';
import { StoryRoundPanel } from './StoryRoundPanel.tsx';
import { ThemeSummary } from './ThemeSummary.tsx';
import { TimerPanel } from './TimerPanel.tsx';
import { usePresence } from './use-presence.ts';
import './live.css';

const SKIPS = [
  ['join-panel', 'Joining'],
  ['agenda-panel', 'Agenda'],
  ['timer-panel', 'Timer'],
  ['capture-panel', 'Capture'],
  ['notes-panel', 'Notes'],
  ['cards-panel', 'Reflect back'],
] as const;

/** The screen a facilitator runs a session from. */
export function RunRoomPage() {
  const { programme, sessions, refresh, doc: programmeDoc } = useProgramme();
  const listing = useSession();
  const live = useLiveYDoc(sessionDocName(listing.id));
  const session = live.ydoc ? new SessionDoc(live.ydoc) : null;
  const presence = usePresence(live.provider);
  const [registered, setRegistered] = useState<PersonListing[]>([]);
  useEffect(() => {
    listPeople(programme.id).then(
      (r) => setRegistered(r.participants),
      () => setRegistered([]),
    );
  }, [programme.id, presence.people.length]);
  const status = sessions.find((s) => s.id === listing.id)?.status ?? listing.status;
  const themes = sortThemes(programmeDoc?.themes.all() ?? []).filter((t) => t.parentId === null);
  const base = `/programmes/${encodeURIComponent(programme.id)}/sessions/${encodeURIComponent(listing.id)}`;
  const step = session?.currentStep() ?? null;
  const notes = session?.notes.all() ?? [];
  return (
    <div className="run-room">
      <PageHeader title={`Run the room: ${listing.title}`} context={programme.title}>
        <StatusBar status={status} online={live.online} presence={presence} />
      </PageHeader>
      <nav aria-label="Panels" className="skip-panels">
        <ul>
          {SKIPS.map(([id, label]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(id)?.focus();
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!session ? (
        <p className="card" role="status">
          Loading the session&hellip;
        </p>
      ) : (
        <div className="run-layout">
          <div className="run-col">
            <JoinPanel
              sessionId={listing.id}
              status={status}
              projectorHref={`${base}/projector`}
              onStatusChanged={refresh}
            />
            <AgendaPanel session={session} />
            <TimerPanel session={session} step={step} />
          </div>
          <div className="run-col">
            <CaptureForm
              sessionId={listing.id}
              stepId={step?.id ?? null}
              open={status === 'open'}
              themes={themes}
              present={presence.people}
              registered={registered}
            />
            {step?.type === 'story-round' && (
              <StoryRoundPanel
                sessionId={listing.id}
                session={session}
                step={step}
                present={presence.people}
                registered={registered}
              />
            )}
            <NotesFeed session={session} themes={themes} registered={registered} />
          </div>
          <div className="run-col">
            <CardsPanel session={session} themes={themes} notes={notes} />
            <ThemeSummary notes={notes} codebook={themes} />
          </div>
        </div>
      )}
    </div>
  );
}
