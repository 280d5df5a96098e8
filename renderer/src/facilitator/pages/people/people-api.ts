import type {
  Cohort,
  Demographics,
  EvidenceNote,
  PeopleListing,
  PersonRecord,
} from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';

const enc = encodeURIComponent;

/** What the server takes for a person's details: blanks for what was not given. */
export interface PersonDetailsBody {
  descriptor: string;
  cohort: string;
  name: string;
  email: string;
  phone: string;
}

export const getPeople = (programmeId: string) =>
  api<PeopleListing>(`/api/programmes/${enc(programmeId)}/people`);
export const registerPerson = (
  programmeId: string,
  body: PersonDetailsBody & { sessionIds: string[] },
) => api<{ person: PersonRecord }>(`/api/programmes/${enc(programmeId)}/people`, { body });
export const editPerson = (id: string, body: PersonDetailsBody) =>
  api<{ person: PersonRecord }>(`/api/people/${enc(id)}`, { method: 'PUT', body });
export const setAttendance = (
  id: string,
  sessionId: string,
  tick: { registered?: boolean; attended?: boolean },
) =>
  api<{ person: PersonRecord }>(`/api/people/${enc(id)}/attendance/${enc(sessionId)}`, {
    method: 'PUT',
    body: tick,
  });
export const recordConsent = (
  id: string,
  body: Partial<Record<'storeWords' | 'quoteAnonymously' | 'recording', boolean>>,
) =>
  api<{ person: PersonRecord; removed: number }>(`/api/people/${enc(id)}/consent`, {
    method: 'PUT',
    body,
  });
export const recordDemographics = (id: string, body: Demographics) =>
  api<{ person: PersonRecord }>(`/api/people/${enc(id)}/demographics`, { method: 'PUT', body });
export const personalLink = (id: string) =>
  api<{ link: string; descriptor: string }>(`/api/people/${enc(id)}/link`, { body: {} });
export const revokePersonalLink = (id: string) =>
  api(`/api/people/${enc(id)}/link`, { method: 'DELETE' });
export const saveCohort = (programmeId: string, body: Cohort) =>
  api<{ cohort: Cohort }>(`/api/programmes/${enc(programmeId)}/cohorts`, { body });
/** The erasure request the app already had (facilitator-api), used from the person's record. */
export { erasePerson } from '../../facilitator-api.ts';
export const getEvidence = (programmeId: string) =>
  api<{ notes: EvidenceNote[] }>(`/api/programmes/${enc(programmeId)}/evidence`);
