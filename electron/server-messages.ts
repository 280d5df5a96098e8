import { z } from 'zod';

/**
 * The messages between the desktop app's main process and the collaboration server's utility
 * process. Both sides parse what they receive, so a message of the wrong shape (a bug, or a
 * version mismatch after a partial update) is reported instead of half-acted on.
 */
const start = z.strictObject({
  type: z.literal('start'),
  dataDir: z.string().min(1),
  /** The built pages; absent means "API only", which the server says on its log. */
  staticDir: z.string().min(1).optional(),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
});

/** Flush every document and close; the server answers `stopped` and then exits. */
const stop = z.strictObject({ type: z.literal('stop') });

export const toServerMessage = z.discriminatedUnion('type', [start, stop]);

const ready = z.strictObject({
  type: z.literal('ready'),
  url: z.string().url(),
  port: z.number().int().min(1).max(65535),
  /** The per-launch facilitator secret; it travels only on this private channel, never argv,
   *  environment or stdout, where other processes or logs could read it. */
  desktopSecret: z.string().min(32),
});

const failed = z.strictObject({ type: z.literal('failed'), message: z.string() });
const stopped = z.strictObject({ type: z.literal('stopped') });

export const fromServerMessage = z.discriminatedUnion('type', [ready, failed, stopped]);

export type ToServerMessage = z.infer<typeof toServerMessage>;
export type StartMessage = z.infer<typeof start>;
export type FromServerMessage = z.infer<typeof fromServerMessage>;
export type ReadyMessage = z.infer<typeof ready>;

/** The message, or null if it is not one this side understands. */
export function parseToServer(data: unknown): ToServerMessage | null {
  const r = toServerMessage.safeParse(data);
  return r.success ? r.data : null;
}

/** The message, or null if it is not one this side understands. */
export function parseFromServer(data: unknown): FromServerMessage | null {
  const r = fromServerMessage.safeParse(data);
  return r.success ? r.data : null;
}
