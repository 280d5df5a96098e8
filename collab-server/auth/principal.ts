import type { IncomingMessage } from 'node:http';
import type { AuthSessions } from './auth-sessions.ts';
import type { ParticipantTokens } from './participant-tokens.ts';
import { sameSecret } from './secrets.ts';

/**
 * Who is on the other end, decided once per request or connection. Every permission check reads
 * this, never anything the client says later.
 */
export type Principal =
  /** `admin`: may also manage accounts and memberships (server mode only). */
  | { role: 'facilitator'; userId: string | null; name: string; admin?: boolean }
  | { role: 'observer'; userId: string; name: string }
  | { role: 'participant'; sessionId: string; participantId: string };

export type Role = Principal['role'];

export const SESSION_COOKIE = 'cohear_session';

export interface Credentials {
  token: string;
  /** Cookies are sent by browsers on their own, so they need an Origin check (CSRF, CSWSH). */
  viaCookie: boolean;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}

/**
 * The credentials a request carries: `Authorization: Bearer`, then a `token` query parameter
 * (the stock WebSocket client can only send parameters), then the sign-in cookie.
 */
export function credentialsOf(req: IncomingMessage, url: URL): Credentials | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), viaCookie: false };
  const param = url.searchParams.get('token');
  if (param) return { token: param, viaCookie: false };
  const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (cookie) return { token: cookie, viaCookie: true };
  return null;
}

/** Whether a cookie-authenticated request comes from our own pages (or from no browser at all). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export interface PrincipalResolverDeps {
  desktopSecret: string | null;
  authSessions: AuthSessions;
  participantTokens: ParticipantTokens;
}

/** Resolves a token to a principal: desktop secret, then sign-in session, then participant token. */
export function resolvePrincipal(deps: PrincipalResolverDeps, token: string): Principal | null {
  if (token.length > 200) return null;
  if (deps.desktopSecret && sameSecret(token, deps.desktopSecret))
    return { role: 'facilitator', userId: null, name: 'Desktop facilitator' };
  const user = deps.authSessions.resolve(token);
  if (user) {
    return user.role === 'observer'
      ? { role: 'observer', userId: user.id, name: user.name }
      : { role: 'facilitator', userId: user.id, name: user.name, admin: user.role === 'admin' };
  }
  const grant = deps.participantTokens.resolve(token);
  if (grant) return { role: 'participant', ...grant };
  return null;
}
