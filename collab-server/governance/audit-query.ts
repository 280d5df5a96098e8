import { z } from 'zod';
import type { AuditEntry } from '../../core/index.ts';
import type { Store } from '../store/index.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit viewer's filters, from the query string: who, what, between which days, text. */
export const auditFilterSchema = z
  .object({
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z.-]*$/, 'letters, dots and dashes only')
      .optional(),
    actor: z.string().trim().max(200).optional(),
    from: z.string().regex(DAY, 'a date as YYYY-MM-DD').optional().or(z.literal('')),
    to: z.string().regex(DAY, 'a date as YYYY-MM-DD').optional().or(z.literal('')),
    q: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'the first day must not be after the last',
    path: ['to'],
  });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** At most this many entries per answer, newest first. */
export const AUDIT_PAGE = 500;

/**
 * Audit entries, newest first, filtered. `programmeId` narrows it to what concerns one
 * programme: the programme itself, its documents, sessions and people; without it, the whole
 * log (the administrator's view). Actors are shown by account name where they are accounts.
 * Dates are UTC days, as `at` is stored.
 */
export function queryAudit(store: Store, filter: AuditFilter, programmeId?: string): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (programmeId !== undefined) {
    where.push(`(a.target = ? OR a.target = 'programme/' || ?
      OR a.target IN (SELECT id FROM participants WHERE programme_id = ?)
      OR a.target IN (SELECT id FROM sessions WHERE programme_id = ?)
      OR a.target IN (SELECT 'session/' || id FROM sessions WHERE programme_id = ?)
      OR a.target IN (SELECT 'room/' || id FROM sessions WHERE programme_id = ?))`);
    args.push(programmeId, programmeId, programmeId, programmeId, programmeId, programmeId);
  }
  if (filter.action) {
    where.push(`a.action LIKE ? || '%'`);
    args.push(filter.action);
  }
  if (filter.actor) {
    where.push(`(a.actor = ? OR instr(lower(u.name), lower(?)) > 0 OR lower(u.email) = lower(?))`);
    args.push(filter.actor, filter.actor, filter.actor);
  }
  if (filter.from) {
    where.push('a.at >= ?');
    args.push(`${filter.from}T00:00:00`);
  }
  if (filter.to) {
    where.push('a.at < ?');
    args.push(`${filter.to}T99`);
  }
  if (filter.q) {
    where.push(`(instr(lower(a.target), lower(?)) > 0 OR instr(lower(a.detail), lower(?)) > 0
      OR instr(lower(a.action), lower(?)) > 0 OR instr(lower(COALESCE(u.name, a.actor)), lower(?)) > 0)`);
    args.push(filter.q, filter.q, filter.q, filter.q);
  }
  const rows = store.db
    .prepare(
      `SELECT a.seq, a.at, a.actor, COALESCE(u.name, a.actor) AS actorName, a.action, a.target,
         COALESCE(t.name, p.title, json_extract(s.details, '$.title'), q.descriptor, a.target) AS targetName,
         a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor
         LEFT JOIN users t ON t.id = a.target
         LEFT JOIN programmes p ON p.id = a.target
         LEFT JOIN sessions s ON s.id = a.target
         LEFT JOIN participants q ON q.id = a.target
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT ${AUDIT_PAGE}`,
    )
    .all(...args) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
