import { createHash } from 'node:crypto';

/**
 * A GUID derived from what it names (name-based, as UUID version 5 does with SHA-1), so the
 * same programme exports with the same GUIDs and a researcher can re-import over an earlier
 * export without duplicating codes.
 */
export function stableGuid(namespace: string, kind: string, id: string): string {
  const h = createHash('sha1').update(`${namespace}\u0000${kind}\u0000${id}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
