import type { Principal } from '../auth/principal.ts';

/** An empty Yjs update (no structs, no deletions) is two zero bytes. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * Writes facilitators' live edits of documents to the audit log: who edited which document,
 * and how many edits. Typing sends an update per keystroke, so one row per person and document
 * is written at most once per `windowMs`, counting the edits since the last row; the row is
 * written in the same unit of work as the edit that opens the window.
 */
export class EditAudit {
  private readonly last = new Map<string, { at: number; pending: number }>();

  constructor(
    /** Writes one audit row (durably: the caller wraps it in a unit of work). */
    private readonly write: (actor: string, docName: string, detail: { edits: number }) => void,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  note(principal: Principal, docName: string, updateBytes: number): void {
    if (principal.role !== 'facilitator' || updateBytes <= EMPTY_UPDATE_BYTES) return;
    const actor = principal.userId ?? 'desktop';
    const key = `${actor}\u0000${docName}`;
    const t = this.now();
    const seen = this.last.get(key);
    if (seen && t - seen.at < this.windowMs) {
      seen.pending++;
      return;
    }
    this.write(actor, docName, { edits: (seen?.pending ?? 0) + 1 });
    this.last.set(key, { at: t, pending: 0 });
  }
}
