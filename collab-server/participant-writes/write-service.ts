import * as Y from 'yjs';
import {
  participantWriteSchema,
  type ParticipantWrite,
  type WriteAccepted,
  type WriteResponse,
} from '../../core/client/messages.ts';
import {
  demographicAnswerProblems,
  demographicsSchema,
  fieldsOrLegacy,
  type ConsentKind,
} from '../../core/index.ts';
import type { ParticipantGrant } from '../auth/participant-tokens.ts';
import { KeyedBuckets } from '../auth/throttle.ts';
import type { Store } from '../store/index.ts';
import { LatePolicies } from '../store/late-policy.ts';
import type { Limits } from '../server/limits.ts';
import type { Logger } from '../server/logger.ts';
import type { Committer } from '../sync/committer.ts';
import type { DocRegistry } from '../sync/doc-registry.ts';
import type { SessionHub } from '../sync/session-hub.ts';
import { applyDocWrite, isDocWrite, type WriteContext } from './apply-write.ts';
import { eraseFromSession, type StoreScrubber } from './erase-participant.ts';
import { WriteError } from './write-error.ts';

/** Origin of participant writes in the session document. */
export const PARTICIPANT_WRITE_ORIGIN = Symbol('cohear-participant-write');

export interface WriteResult {
  status: number;
  body: WriteResponse;
}

interface Pending {
  grant: ParticipantGrant;
  write: ParticipantWrite & {
    type: 'note.add' | 'note.edit' | 'note.withdraw' | 'card.vote' | 'card.comment';
  };
  resolve: (r: WriteResult) => void;
  /** Accepted after the session closed, in its late-contributions period. */
  late: boolean;
}

/**
 * The validated write path for participants. Each write is parsed with zod, checked against the
 * participant's own rights, applied by the server and journalled under its client-made writeId
 * in the same SQLite transaction, then acknowledged. Writes to one session that arrive together
 * are committed together (one fsync for the group), which is what keeps throughput up while every
 * note is still durable before its acknowledgement.
 */
export class ParticipantWriteService {
  private readonly rate: KeyedBuckets;
  private readonly queues = new Map<SessionHub, Pending[]>();
  private readonly inFlight = new Map<string, Promise<WriteResult>>();
  private readonly latePolicies: LatePolicies;

  constructor(
    private readonly store: Store,
    private readonly registry: DocRegistry,
    private readonly committer: Committer,
    limits: Limits,
    private readonly log: Logger,
    private readonly scrubber: StoreScrubber,
  ) {
    this.rate = new KeyedBuckets(limits.writeBurst, limits.writesPerSecond);
    this.latePolicies = new LatePolicies(store.db);
  }

  async submit(grant: ParticipantGrant, body: unknown): Promise<WriteResult> {
    const parsed = participantWriteSchema.safeParse(body);
    const writeId =
      body &&
      typeof body === 'object' &&
      typeof (body as { writeId?: unknown }).writeId === 'string'
        ? (body as { writeId: string }).writeId.slice(0, 64)
        : null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(
        new WriteError('invalid', issue?.message ?? 'invalid write', {
          path: issue?.path.join('.') ?? '',
        }),
        writeId,
      );
    }
    const write = parsed.data;
    const key = `${grant.participantId}\u0000${write.writeId}`;
    // Exactly once: a write already accepted answers as it did the first time.
    const done = this.journalled(grant.participantId, write.writeId);
    if (done) return { status: 200, body: { ...done, replayed: true } };
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.run(grant, write).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async run(grant: ParticipantGrant, write: ParticipantWrite): Promise<WriteResult> {
    const now = Date.now();
    if (!this.rate.take(grant.participantId, now))
      return refuse(
        new WriteError('rate-limited', 'Too many changes at once; this one will be sent again.', {
          retryAfterMs: this.rate.waitMs(grant.participantId, now) || 200,
        }),
        write.writeId,
      );
    const record = this.store.records.getSession(grant.sessionId);
    // Consent can be changed, above all withdrawn, for as long as the participant's token lasts,
    // including after the session has closed. Words sent after close are taken, marked late,
    // while the facilitator's late-contributions period lasts.
    const open = record?.status === 'open';
    const late =
      !open && record?.status === 'closed' && this.latePolicies.acceptsLate(grant.sessionId, now);
    if (!record || (!open && !late && write.type !== 'consent.set'))
      return refuse(
        new WriteError('session-closed', 'This session has closed and is not taking more words.'),
        write.writeId,
      );
    if (!isDocWrite(write)) {
      try {
        return await this.applyRecordWrite(grant, write);
      } catch (e) {
        // A refused answer changes nothing (the transaction had not begun) and says why.
        if (e instanceof WriteError) return refuse(e, write.writeId);
        throw e;
      }
    }
    const hub = this.registry.hub(grant.sessionId);
    if (!hub)
      return refuse(new WriteError('not-found', 'This session no longer exists.'), write.writeId);
    return new Promise<WriteResult>((resolve) => {
      let queue = this.queues.get(hub);
      if (!queue) {
        queue = [];
        this.queues.set(hub, queue);
        hub.pendingWrites++;
        setImmediate(() => this.flush(hub));
      }
      queue.push({ grant, write, resolve, late });
    });
  }

  /** One group commit: every queued write of a session in one transaction. */
  private flush(hub: SessionHub): void {
    const queue = this.queues.get(hub) ?? [];
    this.queues.delete(hub);
    hub.pendingWrites--;
    const results: WriteResult[] = [];
    const at = new Date().toISOString();
    try {
      this.committer.run(() => {
        Y.transact(
          hub.session.doc,
          () => {
            for (const p of queue) {
              try {
                const ctx = { ...this.context(p.grant.participantId, at), late: p.late };
                const id = applyDocWrite(hub.sessionDoc, p.write, ctx);
                const body: WriteResponse = {
                  ok: true,
                  writeId: p.write.writeId,
                  replayed: false,
                  ...(id ? { id } : {}),
                };
                this.journal(p.grant.participantId, p.write, body, at);
                results.push({ status: 200, body });
              } catch (e) {
                if (!(e instanceof WriteError)) throw e;
                results.push(refuse(e, p.write.writeId));
              }
            }
          },
          PARTICIPANT_WRITE_ORIGIN,
        );
      });
    } catch (e) {
      this.log.error('write.failed', {
        session: hub.sessionId,
        writes: queue.length,
        error: String(e),
      });
      queue.forEach((p) =>
        p.resolve(
          refuse(
            new WriteError('server-error', 'Not saved; it will be sent again.'),
            p.write.writeId,
          ),
        ),
      );
      return;
    }
    // Acknowledged once on disk, and after the broadcast of the same commit has gone out.
    this.store.afterSync(() => queue.forEach((p, i) => p.resolve(results[i] as WriteResult)));
  }

  private async applyRecordWrite(
    grant: ParticipantGrant,
    write: Extract<ParticipantWrite, { type: 'consent.set' | 'demographics.set' }>,
  ): Promise<WriteResult> {
    const at = new Date().toISOString();
    const body: WriteResponse = { ok: true, writeId: write.writeId, replayed: false };
    const pid = grant.participantId;
    const withdrawing = write.type === 'consent.set' && write.consent.storeWords === false;
    const hadConsent = withdrawing && this.context(pid, at).consent.storeWords;
    const record = () => {
      if (write.type === 'consent.set') {
        for (const [kind, given] of Object.entries(write.consent)) {
          if (given === undefined) continue;
          this.store.participants.setConsent(pid, kind as 'storeWords', given, at);
        }
        this.store.audit(`participant:${pid}`, 'consent.set', pid, write.consent);
      } else {
        const current = this.store.participants.get(pid);
        if (!current) throw new WriteError('not-found', 'Your place in this session has gone.');
        const programmeId = this.store.participants.programmeOf(pid);
        const fields = fieldsOrLegacy(
          programmeId === null
            ? undefined
            : this.store.records.getSettings(programmeId)?.demographicFields,
        );
        const [field, problem] = Object.entries(
          demographicAnswerProblems(fields, write.demographics),
        )[0] ?? [null, null];
        if (field !== null && problem !== null) {
          throw new WriteError('invalid', problem, { path: `demographics.${field}` });
        }
        this.store.participants.setDemographics(
          pid,
          demographicsSchema.parse({ ...current.demographics, ...write.demographics }),
        );
      }
      this.journal(pid, write, body, at);
    };
    if (!withdrawing) {
      this.store.transaction(record);
      return { status: 200, body };
    }
    // The consent, the erasure and its intent to scrub commit together; answered after the scrub.
    await this.erase(pid, [grant.sessionId], hadConsent, record);
    return { status: 200, body };
  }

  /**
   * A facilitator acting on a participant's request to be erased (made by phone or letter, after
   * the session, say): consent to keep their words and to quote them is recorded as withdrawn,
   * and their contributions are erased from every session of their programme. Resolves once the
   * words are gone from the database file. Null when there is no such participant.
   */
  async eraseOnRequest(participantId: string, actor: string): Promise<{ removed: number } | null> {
    const programmeId = this.store.participants.programmeOf(participantId);
    if (!programmeId) return null;
    const at = new Date().toISOString();
    const sessions = this.store.records.listSessions(programmeId).map((s) => s.id);
    const removed = await this.erase(participantId, sessions, true, () => {
      const source = `erasure:${actor}`;
      this.store.participants.setConsent(participantId, 'storeWords', false, at, source);
      this.store.participants.setConsent(participantId, 'quoteAnonymously', false, at, source);
      // Their demographics go too, and their personal link: reports count them in attendance only.
      this.store.participants.markErased(participantId, at);
      this.store.db
        .prepare('DELETE FROM personal_links WHERE participant_id = ?')
        .run(participantId);
      this.store.audit(actor, 'participant.erase', participantId);
    });
    return { removed };
  }

  /**
   * Consent copied by a facilitator from a paper form. Withdrawing consent to keep their words
   * erases those words from every session of the programme, as a withdrawal on the phone does
   * for its session. Null when there is no such participant.
   */
  async recordConsent(
    participantId: string,
    changes: Partial<Record<ConsentKind, boolean>>,
    actor: string,
  ): Promise<{ removed: number } | null> {
    const programmeId = this.store.participants.programmeOf(participantId);
    if (!programmeId) return null;
    const at = new Date().toISOString();
    const hadConsent = this.context(participantId, at).consent.storeWords;
    const record = () => {
      for (const [kind, given] of Object.entries(changes)) {
        if (given === undefined) continue;
        this.store.participants.setConsent(
          participantId,
          kind as ConsentKind,
          given,
          at,
          `paper:${actor}`,
        );
      }
      this.store.audit(actor, 'consent.record', participantId, { ...changes, from: 'paper' });
    };
    if (changes.storeWords !== false) {
      this.store.transaction(record);
      return { removed: 0 };
    }
    // The consent, the erasure and its intent to scrub commit together; answered after the scrub.
    const sessions = this.store.records.listSessions(programmeId).map((s) => s.id);
    return { removed: await this.erase(participantId, sessions, hadConsent, record) };
  }

  /**

   * `record` (the consent change), the removal from every session document and the intent to
   * scrub are one unit of work, so a crash leaves all or none of them; the scrub that follows is
   * awaited, so the caller answers only once the words have left the file.
   */
  private async erase(
    participantId: string,
    sessionIds: string[],
    hadConsent: boolean,
    record: () => void,
  ): Promise<number> {
    // Loaded first, so loading (which may write) is not part of the erasure's transaction.
    for (const sessionId of sessionIds) this.registry.hub(sessionId);
    const counts: [string, number][] = [];
    this.committer.run(() => {
      this.store.transaction(record);
      for (const sessionId of sessionIds)
        counts.push([sessionId, eraseFromSession(this.registry, sessionId, participantId)]);
      const removed = counts.reduce((sum, [, n]) => sum + n, 0);
      // Words stored earlier may be in the file even with nothing left in the documents (a note
      // the facilitator deleted, say), so the store is scrubbed whenever consent had been given.
      if (removed > 0 || hadConsent) this.scrubber.intend(participantId, sessionIds);
    });
    let removed = 0;
    for (const [sessionId, n] of counts) {
      removed += n;
      if (n > 0)
        this.log.info('participant.erased', {
          session: sessionId,
          participant: participantId,
          removed: n,
        });
    }
    if (removed > 0 || hadConsent) await this.scrubber.request();
    else await this.committer.synced();
    return removed;
  }

  private context(participantId: string, now: string): WriteContext {
    const rows = this.store.db
      .prepare(`SELECT kind, given FROM consents WHERE participant_id = ?`)
      .all(participantId) as { kind: string; given: number }[];
    const given = (k: string) => rows.some((r) => r.kind === k && r.given === 1);
    return {
      participantId,
      consent: { storeWords: given('storeWords'), quoteAnonymously: given('quoteAnonymously') },
      now,
      late: false,
    };
  }

  private journalled(participantId: string, writeId: string): WriteAccepted | null {
    const row = this.store.db
      .prepare('SELECT response FROM participant_writes WHERE participant_id = ? AND write_id = ?')
      .get(participantId, writeId) as { response: string } | undefined;
    return row ? (JSON.parse(row.response) as WriteAccepted) : null;
  }

  private journal(
    participantId: string,
    w: ParticipantWrite,
    body: WriteResponse,
    at: string,
  ): void {
    this.store.db
      .prepare(
        'INSERT INTO participant_writes (participant_id, write_id, kind, response, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(participantId, w.writeId, w.type, JSON.stringify(body), at);
  }
}

function refuse(e: WriteError, writeId: string | null): WriteResult {
  return { status: e.status, body: e.toResponse(writeId) };
}
