import {
  participantTransport,
  type FetchLike,
  type ParticipantWrite,
  type WriteResponse,
} from '../../../core/client/index.ts';
import type { Consent, DemographicFieldDef, Demographics, Vote } from '../../../core/index.ts';
import { api } from '../shared/http.ts';

export interface MyView {
  sessionId: string;
  participantId: string;
  descriptor: string;
  sessionStatus: 'planned' | 'open' | 'closed';
  /** Until when words sent after close are still taken (marked late), or null. */
  lateUntil: string | null;
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
    late: boolean;
  }[];
  votes: Record<string, Vote>;
  comments: { id: string; cardId: string; text: string }[];
}

/**
 * A write whose answer has not come in this long is given up and sent again (the outbox's
 * writeId makes the resend harmless): over a silently dropped network a request can otherwise
 * hang for minutes and hold every later note behind it.
 */
const WRITE_TIMEOUT_MS = 20_000;

const pageFetch: FetchLike = async (url, init) => {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), WRITE_TIMEOUT_MS);
  try {
    // The body is read here, inside the time limit, so a stalled answer counts too.
    const res = await fetch(url, { ...init, signal: abort.signal });
    const text = await res.text();
    return { status: res.status, json: async () => JSON.parse(text) as unknown };
  } finally {
    clearTimeout(timer);
  }
};

export function me(token: string): Promise<MyView> {
  return api<MyView>('/api/participant/me', { token });
}

/** The outbox's transport: throws NetworkError when the outcome is unknown, so it retries. */
export function transport(token: string): (w: ParticipantWrite) => Promise<WriteResponse> {
  return participantTransport(pageFetch, location.origin, token);
}
