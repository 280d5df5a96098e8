import { z } from 'zod';

/** Ids are made by whoever creates the thing (client-made ids keep writes idempotent). */
export const idSchema = z
  .string()
  .min(1, 'expected a non-empty id')
  .max(64, 'expected an id of at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'expected an id of letters, digits, "-" or "_"');
export type Id = z.infer<typeof idSchema>;

/** Calendar date, for example 2026-03-14. */
export const isoDateSchema = z.iso.date({ error: 'expected an ISO date (YYYY-MM-DD)' });

/** Instant with a UTC offset, for example 2026-03-14T18:30:00.000Z. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'expected an ISO date-time (YYYY-MM-DDTHH:MM:SSZ)',
});

export const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #1f77b4');

/** Short single-line text such as a title or a name. */
export const shortText = (max = 200) =>
  z.string().trim().min(1, 'expected some text').max(max, `expected at most ${max} characters`);

/** Longer text that may be empty, such as a description. */
export const longText = (max = 5000) => z.string().max(max, `expected at most ${max} characters`);

/** Longest a single note may be: long enough for a story told aloud, short enough to read back. */
export const NOTE_MAX_CHARS = 4000;

/** A fresh random id; uses Web Crypto, which both Node and browsers provide. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return prefix ? `${prefix}_${out}` : out;
}
