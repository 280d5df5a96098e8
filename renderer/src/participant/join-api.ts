import type { JoinResponse } from '../../../core/client/messages.ts';

/** Why joining did not work, by the server's stable code (the page translates it). */
export class JoinRefused extends Error {
  constructor(
    readonly code: string,
    readonly retryAfterMs: number | null,
  ) {
    super(code);
    this.name = 'JoinRefused';
  }
}

/**
 * Joins with a typed code or a join link's key. Written with plain fetch rather than
 * core/client's joinSession so that the page before joining carries no validation library.
 */
export async function joinRequest(
  request: { code: string } | { link: string },
): Promise<JoinResponse> {
  let res: Response;
  try {
    res = await fetch('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    throw new JoinRefused('offline', null);
  }
  const body = (await res.json().catch(() => null)) as
    | (JoinResponse & { ok: true })
    | { ok: false; error?: { code?: string; retryAfterMs?: number } }
    | null;
  if (!body || !body.ok)
    throw new JoinRefused(body?.error?.code ?? 'server-error', body?.error?.retryAfterMs ?? null);
  return body;
}
