import type {
  JoinResponse,
  ParticipantWrite,
  WriteResponse,
} from '../../../core/client/messages.ts';
import type { Consent, Demographics } from '../../../core/index.ts';
import { api } from '../shared/http.ts';

export interface MyView {
  sessionId: string;
  participantId: string;
  descriptor: string;
  consent: Consent;
  demographics: Demographics;
  notes: {
    id: string;
    text: string;
    withdrawn: boolean;
    stepId: string | null;
    createdAt: string;
  }[];
}

/** Joins with a typed code or the key from a join link; the answer carries this device's token. */
export function join(request: { code: string } | { link: string }): Promise<JoinResponse> {
  return api<JoinResponse>('/api/join', { body: request });
}

export function me(token: string): Promise<MyView> {
  return api<MyView>('/api/participant/me', { token });
}

/**
 * Sends one write. Refusals come back as a WriteResponse (not thrown) so the outbox can tell a
 * retryable one from a final one; only an unreachable server throws.
 */
export async function sendWrite(token: string, write: ParticipantWrite): Promise<WriteResponse> {
  let res: Response;
  try {
    res = await fetch('/api/participant/writes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(write),
    });
  } catch {
    return {
      ok: false,
      writeId: write.writeId,
      error: { code: 'server-error', message: 'Cannot reach the session right now.' },
    };
  }
  const body = (await res.json().catch(() => null)) as WriteResponse | null;
  if (body && typeof body === 'object' && 'ok' in body) return body;
  return {
    ok: false,
    writeId: write.writeId,
    error: { code: 'server-error', message: `The server answered ${res.status}.` },
  };
}
