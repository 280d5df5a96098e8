import type {
  NewProgramme,
  NewSession,
  ProgrammeDetailsPatch,
  SessionPatch,
} from '../../../core/index.ts';
import type { Programme, ProgrammeSummary, Session } from './types.ts';
import { api } from '../shared/http.ts';

export interface Me {
  role: 'facilitator' | 'observer' | 'participant';
  name?: string;
  /** The signed-in account (server mode). */
  userId?: string;
  /** May manage accounts and memberships (server mode). */
  admin?: boolean;
}

export interface SessionListing extends Session {
  docs: { session: string; room: string };
  present: number;
  /** When the group confirmed the debrief, if it has; read from the session document. */
  debriefConfirmedAt?: string | null;
}

export interface JoinDetails {
  code: string;
  codeDisplay: string;
  link: string;
}

/** One person of a programme, as the facilitator's people list shows them (no contact details). */
export interface PersonListing {
  id: string;
  descriptor: string;
  cohort: string;
  /** Titles of the sessions they took part in. */
  attended: string[];
  keepsWords: boolean;
}

export const whoAmI = () => api<Me>('/api/auth/me');
export const signIn = (email: string, password: string) =>
  api('/api/auth/login', { body: { email, password } });
export const signInDesktop = (secret: string) => api('/api/auth/desktop', { body: { secret } });
export const signOut = () => api('/api/auth/logout', { body: {} });
export const listProgrammes = () => api<{ programmes: ProgrammeSummary[] }>('/api/programmes');
export const getProgramme = (id: string) =>
  api<{ programme: Programme; sessions: SessionListing[]; doc: string }>(
    `/api/programmes/${encodeURIComponent(id)}`,
  );
export const openSession = (id: string) =>
  api<JoinDetails & { status: string }>(`/api/sessions/${encodeURIComponent(id)}/open`, {
    body: {},
  });
export const closeSession = (id: string) =>
  api(`/api/sessions/${encodeURIComponent(id)}/close`, { body: {} });
export const joinDetails = (id: string) =>
  api<JoinDetails>(`/api/sessions/${encodeURIComponent(id)}/join`);
export const createProgramme = (request: NewProgramme) =>
  api<{ id: string }>('/api/programmes', { body: request });
export const listPeople = (programmeId: string) =>
  api<{ participants: PersonListing[] }>(
    `/api/programmes/${encodeURIComponent(programmeId)}/participants`,
  );
export const erasePerson = (participantId: string) =>
  api<{ removed: number }>(`/api/participants/${encodeURIComponent(participantId)}/erase`, {
    body: {},
  });

const enc = encodeURIComponent;
export const patchProgramme = (id: string, patch: ProgrammeDetailsPatch) =>
  api<{ programme: Programme }>(`/api/programmes/${enc(id)}`, { method: 'PATCH', body: patch });
export const addSession = (programmeId: string, session: NewSession) =>
  api<{ id: string }>(`/api/programmes/${enc(programmeId)}/sessions`, { body: session });
export const patchSession = (id: string, patch: SessionPatch) =>
  api<{ session: Session }>(`/api/sessions/${enc(id)}`, { method: 'PATCH', body: patch });
export const duplicateSession = (id: string, copyId: string) =>
  api<{ id: string }>(`/api/sessions/${enc(id)}/duplicate`, { body: { id: copyId } });
export const deleteSession = (id: string) =>
  api<{ outcome: 'deleted' | 'archived'; notes: number; people: number }>(
    `/api/sessions/${enc(id)}`,
    { method: 'DELETE' },
  );
export const restoreSession = (id: string) => api(`/api/sessions/${enc(id)}/restore`, { body: {} });
export const swapSessionDates = (programmeId: string, a: string, b: string) =>
  api(`/api/programmes/${enc(programmeId)}/sessions/swap`, { body: { a, b } });
