import type { IncomingMessage } from 'node:http';
import { mayReachProgramme } from '../auth/memberships.ts';
import type { Store } from '../store/index.ts';
import { principalOf, type ApiContext } from './api-context.ts';
import { HttpError } from './http-kit.ts';

/**
 * Programme membership, enforced once for every API path that names a programme's data
 * (issue #20, item 7). Every such path starts with the programme, one of its sessions or one of
 * its people; checking here rather than in each of some sixty routes means a route added later
 * is covered without anyone remembering to. Routes that take a second id (a session in a body,
 * an attendance tick) already refuse one from another programme than the path's.
 */
const SCOPED = /^\/api\/(programmes|sessions|people|participants)\/([A-Za-z0-9_-]{1,64})(?:\/|$)/;

/** The programme a path's data belongs to; null when the path names none (or nothing found). */
export function programmeOfPath(store: Store, pathname: string): string | null {
  const m = SCOPED.exec(pathname);
  if (!m) return null;
  const [, kind, id] = m as unknown as [string, string, string];
  switch (kind) {
    case 'programmes':
      return store.records.hasProgramme(id) ? id : null;
    case 'sessions':
      return store.records.sessionProgrammeId(id);
    default:
      return store.participants.programmeOf(id);
  }
}

/**
 * Refuses a signed-in facilitator or observer who is not a member of the programme the path
 * belongs to. Anyone else passes on to the route, whose own role check answers them (a
 * participant, nobody signed in), and so does a path naming nothing that exists (its 404).
 */
export function guardProgrammeScope(ctx: ApiContext, req: IncomingMessage, url: URL): void {
  if (ctx.mode === 'desktop') return;
  const programmeId = programmeOfPath(ctx.store, url.pathname);
  if (programmeId === null) return;
  const principal = principalOf(ctx, req, url);
  if (!principal || principal.role === 'participant') return;
  if (!mayReachProgramme(ctx.store, principal, programmeId))
    throw new HttpError(
      403,
      'not-a-member',
      'You are not a member of this programme. An administrator can add you to it.',
    );
}
