import {
  joinSession,
  participantTransport,
  type FetchLike,
  type JoinResponse,
  type ParticipantWrite,
  type WriteResponse,
} from '../../../core/client/index.ts';
import type { Consent, DemographicFieldDef, Demographics } from '../../../core/index.ts';
import { api } from '../shared/http.ts';

export interface MyView {
  sessionId: string;
  participantId: string;
  descriptor: string;
  consent: Consent;
  demographics: Demographics;
  /** The questions this programme asks (older servers did not send them). */
  demographicFields?: DemographicFieldDef[];
  notes: {
    id: string;
    text: string;
    withdrawn: boolean;
    stepId: string | null;
    createdAt: string;
  }[];
}

const pageFetch: FetchLike = (url, init) => fetch(url, init);

/** Joins with a typed code or the key from a join link; the answer carries this device's token. */
export function join(request: { code: string } | { link: string }): Promise<JoinResponse> {
  return joinSession(pageFetch, location.origin, request);
}

export function me(token: string): Promise<MyView> {
  return api<MyView>('/api/participant/me', { token });
}

/** The outbox's transport: throws NetworkError when the outcome is unknown, so it retries. */
export function transport(token: string): (w: ParticipantWrite) => Promise<WriteResponse> {
  return participantTransport(pageFetch, location.origin, token);
}
