import type { WriteErrorCode, WriteRefused } from '../../core/client/messages.ts';

/** A refusal: thrown before anything is changed, answered with its HTTP status. */
export class WriteError extends Error {
  constructor(
    readonly code: WriteErrorCode,
    message: string,
    readonly extra: { path?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'WriteError';
  }

  get status(): number {
    return STATUS[this.code];
  }

  toResponse(writeId: string | null): WriteRefused {
    return { ok: false, writeId, error: { code: this.code, message: this.message, ...this.extra } };
  }
}

const STATUS: Record<WriteErrorCode, number> = {
  invalid: 400,
  unauthorised: 401,
  'not-yours': 403,
  'not-found': 404,
  'id-taken': 409,
  'consent-required': 409,
  'session-closed': 409,
  'rate-limited': 429,
  'server-error': 500,
};
