import type { Session } from './session.ts';

export type LiveStatus = 'live' | 'connecting' | 'planned' | 'closed';

export const LIVE_STATUS_LABELS: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Open, connecting…',
  planned: 'Planned: not open yet',
  closed: 'Closed',
};

/**
 * What a session's status light says: "Live" only when the session is open and this screen is
 * connected; a planned or closed session says so whatever the connection.
 */
export function liveStatus(status: Session['status'], connected: boolean): LiveStatus {
  if (status === 'planned' || status === 'closed') return status;
  return connected ? 'live' : 'connecting';
}
