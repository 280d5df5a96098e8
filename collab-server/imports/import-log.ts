import { z } from 'zod';
import { newId } from '../../core/index.ts';
import type { Store } from '../store/index.ts';

export const IMPORT_KINDS = ['registrations', 'transcript', 'notes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What an import changed, in ids and field names only (see migration 005). */
export const importUndoSchema = z.object({
  createdParticipants: z.array(z.string()),
  attendance: z.array(
    z.object({
      participantId: z.string(),
      sessionId: z.string(),
      before: z.object({ registered: z.boolean(), attended: z.boolean() }).nullable(),
    }),
  ),
  filledContact: z.array(
    z.object({ participantId: z.string(), fields: z.array(z.enum(['name', 'email', 'phone'])) }),
  ),
  filledDemographics: z.array(
    z.object({
      participantId: z.string(),
      // The programme's own demographic field ids (any it asks, not only the original four).
      fields: z.array(z.string()),
    }),
  ),
  notes: z.array(z.object({ sessionId: z.string(), noteIds: z.array(z.string()) })),
  themes: z.array(z.string()),
});
export type ImportUndo = z.infer<typeof importUndoSchema>;

export function emptyUndo(): ImportUndo {
  return {
    createdParticipants: [],
    attendance: [],
    filledContact: [],
    filledDemographics: [],
    notes: [],
    themes: [],
  };
}

/** Counts shown after an import and beside the undo button. */
export type ImportSummary = Record<string, number>;

export interface ImportRecord {
  id: string;
  programmeId: string;
  sessionId: string | null;
  kind: ImportKind;
  at: string;
  actor: string;
  summary: ImportSummary;
  undone: boolean;
}

interface Row {
  id: string;
  programme_id: string;
  session_id: string | null;
  kind: ImportKind;
  at: string;
  actor: string;
  summary: string;
  undo: string;
  undone_at: string | null;
}

const toRecord = (r: Row): ImportRecord => ({
  id: r.id,
  programmeId: r.programme_id,
  sessionId: r.session_id,
  kind: r.kind,
  at: r.at,
  actor: r.actor,
  summary: JSON.parse(r.summary) as ImportSummary,
  undone: r.undone_at !== null,
});

/** The imports table. */
export class ImportLog {
  constructor(private readonly store: Store) {}

  add(entry: {
    programmeId: string;
    sessionId: string | null;
    kind: ImportKind;
    actor: string;
    summary: ImportSummary;
    undo: ImportUndo;
  }): ImportRecord {
    const id = newId('imp');
    const at = new Date().toISOString();
    const u = entry.undo;
    const changed =
      u.createdParticipants.length +
        u.attendance.length +
        u.filledContact.length +
        u.filledDemographics.length +
        u.themes.length +
        u.notes.reduce((n, s) => n + s.noteIds.length, 0) >
      0;
    // An import that changed nothing (the same file again) is not recorded: undoing it would do
    // nothing, and it would hide the import before it from the undo button.
    if (!changed) return { id: '', at, undone: false, ...entry };
    this.store.db
      .prepare(
        `INSERT INTO imports (id, programme_id, session_id, kind, at, actor, summary, undo)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        entry.programmeId,
        entry.sessionId,
        entry.kind,
        at,
        entry.actor,
        JSON.stringify(entry.summary),
        JSON.stringify(entry.undo),
      );
    return { id, at, undone: false, ...entry };
  }

  /** The programme's most recent import, undone or not. */
  last(programmeId: string): (ImportRecord & { undo: ImportUndo }) | null {
    const row = this.store.db
      .prepare('SELECT * FROM imports WHERE programme_id = ? ORDER BY at DESC, rowid DESC LIMIT 1')
      .get(programmeId) as Row | undefined;
    return row ? { ...toRecord(row), undo: importUndoSchema.parse(JSON.parse(row.undo)) } : null;
  }

  markUndone(id: string): void {
    this.store.db
      .prepare('UPDATE imports SET undone_at = ? WHERE id = ?')
      .run(new Date().toISOString(), id);
  }
}
