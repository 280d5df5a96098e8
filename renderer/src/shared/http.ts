/** A refusal from the server, carrying its stable code and readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
    /** Field name -> what is wrong with it, when the server checked a form. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Network failures (offline, server restarting) are told apart from refusals. */
export class OfflineError extends Error {
  constructor() {
    super('Cannot reach the session right now.');
    this.name = 'OfflineError';
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new OfflineError();
  }
  const data = (await res.json().catch(() => ({}))) as {
    ok?: boolean;
    error?:
      | { code?: string; message?: string; retryAfterMs?: number; fields?: Record<string, string> }
      | string;
    message?: string;
  };
  if (!res.ok || data.ok === false) {
    const err = typeof data.error === 'object' ? data.error : undefined;
    throw new ApiError(
      res.status,
      err?.code ?? (typeof data.error === 'string' ? data.error : 'error'),
      err?.message ?? data.message ?? `The server answered ${res.status}.`,
      err?.retryAfterMs,
      err?.fields ?? {},
    );
  }
  return data as T;
}

/** The WebSocket base for the stock y-websocket client on this page's own origin. */
export function collabBase(collabPath: string): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}${collabPath.replace(/\/$/, '')}`;
}
