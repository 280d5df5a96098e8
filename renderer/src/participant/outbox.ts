import {
  isRetryable,
  type ParticipantWrite,
  type WriteResponse,
} from '../../../core/client/messages.ts';

export interface OutboxEvents {
  accepted: (write: ParticipantWrite, res: WriteResponse) => void;
  refused: (write: ParticipantWrite, message: string) => void;
  changed: () => void;
}

/**
 * Writes typed on a phone survive a dropped connection, a closed tab and a reload: they wait in
 * localStorage and are sent in order until the server answers. Every write carries a writeId
 * made here, so sending one again after a lost answer cannot apply it twice.
 */
export class Outbox {
  private queue: ParticipantWrite[];
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private backoffMs = 1000;

  constructor(
    private readonly storageKey: string,
    private readonly send: (w: ParticipantWrite) => Promise<WriteResponse>,
    private readonly events: OutboxEvents,
  ) {
    this.queue = this.load();
  }

  get pending(): readonly ParticipantWrite[] {
    return this.queue;
  }

  add(write: ParticipantWrite): void {
    this.queue.push(write);
    this.save();
    this.events.changed();
    void this.flush();
  }

  /** Sends everything waiting, oldest first; stops at the first write that must wait. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      while (this.queue.length > 0) {
        const write = this.queue[0] as ParticipantWrite;
        const res = await this.send(write);
        if (!res.ok && isRetryable(res)) {
          const wait = res.error.retryAfterMs ?? this.backoffMs;
          this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
          this.timer = setTimeout(() => void this.flush(), wait);
          return;
        }
        this.backoffMs = 1000;
        this.queue.shift();
        this.save();
        if (res.ok) this.events.accepted(write, res);
        else this.events.refused(write, res.error.message);
        this.events.changed();
      }
    } finally {
      this.flushing = false;
    }
  }

  private load(): ParticipantWrite[] {
    try {
      const raw = localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as ParticipantWrite[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.queue));
    } catch {
      // Storage full or blocked: the queue still lives in memory for this page.
    }
  }
}
