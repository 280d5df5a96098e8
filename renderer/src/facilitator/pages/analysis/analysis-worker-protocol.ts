import type { DuplicateGroup } from '../../../../../core/analysis/near-duplicates.ts';
import type { Suggestions } from '../../../../../core/analysis/suggest.ts';
import type { Note } from '../../../../../core/index.ts';

/** What the page tells the analysis worker. */
export type ToWorker =
  | {
      kind: 'notes';
      version: number;
      /** The board's notes (merged ones stand behind their statement) to learn from. */
      train: { note: Note; text: string; stepKey: string | null }[];
      /** Every note, merged ones included, for near-duplicates. */
      all: Note[];
      themeIds: string[];
    }
  | { kind: 'suggest'; requestId: number; noteId: string; text: string; stepKey: string | null };

/** What it answers. */
export type FromWorker =
  | { kind: 'duplicates'; version: number; groups: DuplicateGroup[] }
  | { kind: 'trained'; version: number }
  | { kind: 'suggestions'; requestId: number; noteId: string; result: Suggestions | null };
