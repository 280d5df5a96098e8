import { LIVE_STATUS_LABELS, liveStatus, type Session } from '../../../../../core/index.ts';
import type { Presence } from './use-presence.ts';

/**
 * The truth about the room: "Live" only when the session is open and this screen is connected,
 * and the number of participants (people, not facilitators) with who they are by descriptor.
 */
export function StatusBar(props: {
  status: Session['status'];
  online: boolean;
  presence: Presence;
}) {
  const state = liveStatus(props.status, props.online);
  const n = props.presence.count ?? props.presence.people.length;
  return (
    <div className="live-status" role="status">
      <span className={`status-dot status-${state}`} aria-hidden="true" />{' '}
      <strong>{LIVE_STATUS_LABELS[state]}</strong>
      {props.status === 'open' && (
        <>
          {' · '}
          <span data-testid="present-count">
            {n} {n === 1 ? 'participant' : 'participants'} connected
          </span>
          {props.presence.people.length > 0 && (
            <span className="hint">
              {': '}
              {props.presence.people.map((p) => p.descriptor).join(', ')}
            </span>
          )}
        </>
      )}
    </div>
  );
}
