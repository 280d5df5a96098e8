import { newId } from '../model/index.ts';
import type { JoinRequest, JoinResponse, ParticipantWrite, WriteResponse } from './messages.ts';

/** The fetch the client uses: the browser's, Node's, or a test's. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** The network failed or the answer was not the server's: the write may or may not have landed. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export class JoinError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'JoinError';
  }
}

/**
 * Joins a session with a code (as typed; spaces are fine) or the key from a join link.
 *
 * @example
 *   const joined = await joinSession(fetch, 'https://cohear.example.org', { code: '4821 0937 5562' });
 */
export async function joinSession(
  fetchFn: FetchLike,
  baseUrl: string,
  request: JoinRequest,
): Promise<JoinResponse> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(`${baseUrl}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (e) {
    throw new NetworkError(`could not reach the server: ${String(e)}`);
  }
  const body = (await res.json()) as
    | (JoinResponse & { ok: true })
    | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };
  if (!body.ok)
    throw new JoinError(res.status, body.error.code, body.error.message, body.error.retryAfterMs);
  return body;
}

/** Sends one participant write; throws NetworkError when the outcome is unknown. */
export function participantTransport(fetchFn: FetchLike, baseUrl: string, token: string) {
  return async (write: ParticipantWrite): Promise<WriteResponse> => {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await fetchFn(`${baseUrl}/api/participant/writes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(write),
      });
    } catch (e) {
      throw new NetworkError(`could not reach the server: ${String(e)}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new NetworkError(`the server answered ${res.status} without a result`);
    }
    if (!body || typeof body !== 'object' || !('ok' in body))
      throw new NetworkError(`unexpected answer (${res.status})`);
    return body as WriteResponse;
  };
}

/** Builders that make the client-side ids, so every write is idempotent from the start. */
export const writes = {
  addNote(
    text: string,
    extra: Partial<Extract<ParticipantWrite, { type: 'note.add' }>['note']> = {},
  ): ParticipantWrite {
    return { writeId: newId('w'), type: 'note.add', note: { id: newId('n'), text, ...extra } };
  },
  editNote(noteId: string, text: string): ParticipantWrite {
    return { writeId: newId('w'), type: 'note.edit', noteId, text };
  },
  withdrawNote(noteId: string): ParticipantWrite {
    return { writeId: newId('w'), type: 'note.withdraw', noteId };
  },
  vote(cardId: string, vote: 'agree' | 'not-quite' | 'disagree' | null): ParticipantWrite {
    return { writeId: newId('w'), type: 'card.vote', cardId, vote };
  },
  comment(cardId: string, text: string): ParticipantWrite {
    return { writeId: newId('w'), type: 'card.comment', cardId, comment: { id: newId('c'), text } };
  },
  consent(consent: {
    storeWords?: boolean;
    quoteAnonymously?: boolean;
    recording?: boolean;
  }): ParticipantWrite {
    return { writeId: newId('w'), type: 'consent.set', consent };
  },
};
