import {
  isRetryable,
  participantWriteSchema,
  type ParticipantWrite,
  type WriteResponse,
} from './messages.ts';
import { NetworkError } from './participant-api.ts';

/** Where queued writes survive a closed tab or a flat battery (localStorage on a phone). */
export interface OutboxStorage {
  load(): ParticipantWrite[];
  save(queue: readonly ParticipantWrite[]): void;
}

export class MemoryOutboxStorage implements OutboxStorage {
  private queue: ParticipantWrite[] = [];
  load(): ParticipantWrite[] {
    return [...this.queue];
  }
  save(queue: readonly ParticipantWrite[]): void {
    this.queue = [...queue];
  }
}

/** A storage over any string key-value store (`window.localStorage` has this shape). */
export function keyValueOutboxStorage(
  kv: { getItem(k: string): string | null; setItem(k: string, v: string): void },
  key: string,
): OutboxStorage {
  return {
    load() {
      try {
        const raw = JSON.parse(kv.getItem(key) ?? '[]') as unknown[];
        return raw.flatMap((x) => {
          const p = participantWriteSchema.safeParse(x);
          return p.success ? [p.data] : [];
        });
      } catch {
        return [];
      }
    },
    save(queue) {
      kv.setItem(key, JSON.stringify(queue));
    },
  };
}

export interface OutboxOptions {
  storage: OutboxStorage;
  send: (write: ParticipantWrite) => Promise<WriteResponse>;
  /** Called once per write with its final answer (accepted, or refused for good). */
  onSettled?: (write: ParticipantWrite, response: WriteResponse) => void;
  /** Wait before retry number `attempt` (1, 2, ...). Default: 0.5 s doubling to 15 s. */
  backoffMs?: (attempt: number) => number;
  /** Timer, passed in so tests and pages can control it. */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * The participant page's outbox: a note typed while offline is kept and delivered exactly once
 * later. Exactly once holds because each write carries a `writeId` made when it was typed and
 * kept with it; a resend after a dropped answer is recognised by the server and answered as the
 * first time. Writes go one at a time, in order, so an edit never overtakes its note.
 */
export class Outbox {
  private queue: ParticipantWrite[];
  private sending = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private readonly waiters = new Map<string, (r: WriteResponse) => void>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: OutboxOptions) {
    this.queue = options.storage.load();
  }

  get pending(): readonly ParticipantWrite[] {
    return this.queue;
  }

  /** Queues a write (kept before anything is sent) and resolves with its final answer. */
  submit(write: ParticipantWrite): Promise<WriteResponse> {
    const valid = participantWriteSchema.parse(write);
    const settled = new Promise<WriteResponse>((resolve) =>
      this.waiters.set(valid.writeId, resolve),
    );
    if (!this.queue.some((w) => w.writeId === valid.writeId)) {
      this.queue.push(valid);
      this.options.storage.save(this.queue);
    }
    void this.flush();
    return settled;
  }

  /** Sends what is queued now (call when the connection comes back). */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const write = this.queue[0] as ParticipantWrite;
        let response: WriteResponse;
        try {
          response = await this.options.send(write);
        } catch (e) {
          if (!(e instanceof NetworkError)) throw e;
          this.scheduleRetry(null);
          return;
        }
        if (!response.ok && isRetryable(response)) {
          this.scheduleRetry(response.error.retryAfterMs ?? null);
          return;
        }
        this.attempt = 0;
        this.queue.shift();
        this.options.storage.save(this.queue);
        this.options.onSettled?.(write, response);
        this.waiters.get(write.writeId)?.(response);
        this.waiters.delete(write.writeId);
      }
      const idle = this.idleWaiters;
      this.idleWaiters = [];
      idle.forEach((f) => f());
    } finally {
      this.sending = false;
    }
  }

  /** Resolves when the queue is empty. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private scheduleRetry(retryAfterMs: number | null): void {
    if (this.retryTimer !== null) return;
    this.attempt++;
    const backoff = this.options.backoffMs ?? ((n: number) => Math.min(15_000, 500 * 2 ** (n - 1)));
    const wait = Math.max(retryAfterMs ?? 0, backoff(this.attempt));
    const set = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.retryTimer = set(() => {
      this.retryTimer = null;
      void this.flush();
    }, wait);
  }
}
