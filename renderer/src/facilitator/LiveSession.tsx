import { useState } from 'react';
import { AgendaPanel } from './AgendaPanel.tsx';
import { CaptureForm } from './CaptureForm.tsx';
import { CardsPanel } from './CardsPanel.tsx';
import type { SessionListing } from './facilitator-api.ts';
import { JoinPanel } from './JoinPanel.tsx';
import { NotesFeed } from './NotesFeed.tsx';
import { ThemeSummary } from './ThemeSummary.tsx';
import { useLiveDocs } from './use-live-docs.ts';

/** The screen a facilitator runs a session from. */
export function LiveSession(props: {
  programmeId: string;
  listing: SessionListing;
  facilitator: string;
}) {
  const { session, programme, online, present } = useLiveDocs(props.programmeId, props.listing.id);
  const [status, setStatus] = useState(props.listing.status);
  const codebook = programme?.themes.all() ?? [];
  return (
    <>
      <div className="row">
        <h1 id="page-title" tabIndex={-1}>
          Run the room
        </h1>
        <span className="spacer" />
        <span role="status">
          <span className={`status-dot${online ? ' online' : ''}`} aria-hidden="true" />{' '}
          {online ? 'Live' : 'Connecting'} · {present.length}{' '}
          {present.length === 1 ? 'participant' : 'participants'} here
        </span>
      </div>
      {!session ? (
        <p className="card">Loading the session&hellip;</p>
      ) : (
        <div className="live-layout">
          <div>
            <JoinPanel
              sessionId={props.listing.id}
              status={status}
              onStatus={(s) => setStatus(s as typeof status)}
            />
            <AgendaPanel session={session} />
          </div>
          <div>
            <CaptureForm session={session} facilitator={props.facilitator} />
            <NotesFeed session={session} codebook={codebook} />
          </div>
          <div>
            <ThemeSummary notes={session.notes.all()} codebook={codebook} />
            <CardsPanel session={session} codebook={codebook} />
          </div>
        </div>
      )}
    </>
  );
}
