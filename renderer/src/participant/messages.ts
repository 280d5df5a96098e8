import type { MessageKey } from './i18n/i18n.tsx';

const WRITE_ERRORS: Record<string, MessageKey> = {
  invalid: 'write.error.invalid',
  'not-found': 'write.error.notFound',
  'not-yours': 'write.error.notYours',
  'id-taken': 'write.error.other',
  'consent-required': 'write.error.consent',
  'session-closed': 'write.error.closed',
  'rate-limited': 'write.error.other',
  unauthorised: 'write.error.placeEnded',
  'server-error': 'write.error.other',
};

/** The catalogue entry for a refusal code the server sent (server words are never shown). */
export function writeErrorKey(code: string): MessageKey {
  return WRITE_ERRORS[code] ?? 'write.error.other';
}
