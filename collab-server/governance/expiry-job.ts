import type { StoreScrubber } from '../participant-writes/erase-participant.ts';
import type { ParticipantWriteService } from '../participant-writes/write-service.ts';
import type { Logger } from '../server/logger.ts';
import type { Store } from '../store/index.ts';
import { RetentionRecords } from './retention-records.ts';

/** The actor the audit log names for what the expiry job erases. */
export const RETENTION_ACTOR = 'retention';

export interface ExpiryResult {
  contactsRemoved: number;
  participantsErased: number;
}

/**
 * Erases what a programme's retention periods say has expired: contact details first, later
 * everything identifying (their words erased as an erasure request is, through the write
 * service, so from the documents and the file; then demographics and contact details). Each
 * step is written to the audit log as the `retention` actor. The clock is passed in, so tests
 * (and a server's first run after a long stop) decide what "today" is.
 */
export class RetentionExpiryJob {
  private readonly records: RetentionRecords;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ExpiryResult> | null = null;

  constructor(
    private readonly store: Store,
    private readonly writes: ParticipantWriteService,
    private readonly scrubber: StoreScrubber,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.records = new RetentionRecords(store.db);
  }

  /** Runs now, then every `everyMs`. */
  start(everyMs: number): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass over every programme with a period set; a run already going is joined. */
  run(): Promise<ExpiryResult> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<ExpiryResult> {
    const now = this.clock();
    const today = now.toISOString().slice(0, 10);
    const result: ExpiryResult = { contactsRemoved: 0, participantsErased: 0 };
    try {
      for (const programmeId of this.records.programmesWithPolicy()) {
        const due = this.records.schedule(programmeId, today);
        if (due.contact.due) {
          const ids = this.records.withContact(programmeId);
          if (ids.length > 0) {
            this.store.transaction(() => {
              for (const id of ids) {
                this.store.participants.setContact(id, null);
                this.scrubber.intend(id, []);
              }
              this.store.audit(RETENTION_ACTOR, 'retention.contacts-expired', programmeId, {
                participants: ids.length,
                expiresOn: due.contact.expiresOn,
              });
            });
            // Deleted rows are zeroed in place; the scrub clears the log's older copies.
            await this.scrubber.request();
            result.contactsRemoved += ids.length;
          }
        }
        if (due.identifying.due) {
          const ids = this.records.notExpired(programmeId);
          if (ids.length > 0) {
            const sessions = this.store.records.listSessions(programmeId).map((s) => s.id);
            // Records first, with an intent to erase their words from every session: a crash
            // after this commit still erases them (StoreScrubber.recover).
            this.store.transaction(() => {
              for (const id of ids) {
                this.store.participants.setContact(id, null);
                this.store.db
                  .prepare('DELETE FROM demographic_answers WHERE participant_id = ?')
                  .run(id);
                this.records.markExpired(id, programmeId, now);
                this.scrubber.intend(id, sessions);
              }
              this.store.audit(RETENTION_ACTOR, 'retention.identifying-expired', programmeId, {
                participants: ids.length,
                expiresOn: due.identifying.expiresOn,
              });
            });
            // Together, so the scrubs of the file are shared rather than one per person.
            await Promise.all(ids.map((id) => this.writes.eraseOnRequest(id, RETENTION_ACTOR)));
            result.participantsErased += ids.length;
          }
        }
      }
      if (result.contactsRemoved + result.participantsErased > 0)
        this.log.info('retention.expired', { ...result });
    } catch (e) {
      // Tried again on the next run; nothing half-done is left (each step is one transaction).
      this.log.error('retention.failed', { error: String(e) });
    }
    return result;
  }
}
