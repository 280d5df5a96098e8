/** One line of the audit log as the server sends it to the audit viewers. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  target: string;
  /** The target by name: an account's, a programme's or session's title, a person's descriptor. */
  targetName: string;
  detail: Record<string, unknown>;
}
