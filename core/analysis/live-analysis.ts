import { z } from 'zod';
import {
  emptyDemographics,
  idSchema,
  type Participant,
  type Polarity,
  type Programme,
  type Session,
} from '../model/index.ts';
import type { ProgrammeDoc } from '../docs/programme-doc.ts';
import type { SessionDoc } from '../docs/session-doc.ts';
import { assembleSnapshot } from '../snapshot/assemble.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';
import { boardNotes, filterBoard, type BoardFilter, type BoardNote } from './board.ts';
import { buildExportView, type ExportView, type ViewNote } from './export-view.ts';
import { buildKeyThemeTable, type KeyThemeTable } from './key-theme-table.ts';
import { withMergedNotes } from './near-duplicates.ts';

/**
 * What the analysis screens need to know about the people of a programme: how their words are
 * attributed and what they consented to. Never contact details or demographics.
 */
export const analysisPersonSchema = z
  .object({
    id: idSchema,
    descriptor: z.string().max(100),
    cohort: z.string().max(200),
    keepsWords: z.boolean(),
    quotable: z.boolean(),
  })
  .strict();
export type AnalysisPerson = z.infer<typeof analysisPersonSchema>;

export function analysisPerson(p: Participant): AnalysisPerson {
  return {
    id: p.id,
    descriptor: p.descriptor,
    cohort: p.cohort,
    keepsWords: p.consent.storeWords.given,
    quotable: p.consent.quoteAnonymously.given,
  };
}

/** The participant records the export view reads, rebuilt from what the screens were given. */
export function participantsFromPeople(people: readonly AnalysisPerson[]): Participant[] {
  const consent = (given: boolean) => ({ given, at: null });
  return people.map((p) => ({
    id: p.id,
    descriptor: p.descriptor,
    cohort: p.cohort,
    consent: {
      storeWords: consent(p.keepsWords),
      quoteAnonymously: consent(p.quotable),
      recording: consent(false),
    },
    demographics: emptyDemographics(),
    attendance: [],
    contact: null,
  }));
}

/**
 * The programme as the exports see it, built from the live documents the screen has open: the
 * same `assembleSnapshot` the server's exports call, so the screen and the files cannot disagree.
 */
export function liveSnapshot(
  programme: Programme,
  sessions: readonly Session[],
  people: readonly AnalysisPerson[],
  programmeDoc: ProgrammeDoc,
  sessionDocs: ReadonlyMap<string, SessionDoc>,
): ProgrammeSnapshot {
  return assembleSnapshot(
    { programme, sessions: [...sessions], participants: participantsFromPeople(people) },
    programmeDoc,
    sessionDocs,
  );
}

/** The board's notes of a snapshot (cohorts from the participants). */
export function snapshotBoardNotes(snapshot: ProgrammeSnapshot): BoardNote[] {
  const cohorts = new Map(snapshot.participants.map((p) => [p.id, p.cohort]));
  return boardNotes(snapshot.sessions, (id) => cohorts.get(id));
}

/**
 * The export view narrowed to the notes the board's filter lets through (a statement stands for
 * the notes merged into it, as on the board). With no filter it is the export view itself.
 */
export function filteredView(
  snapshot: ProgrammeSnapshot,
  filter: BoardFilter,
  view: ExportView = buildExportView(snapshot),
): ExportView {
  const allNotes = snapshot.sessions.flatMap((s) => s.notes);
  const passing = filterBoard(snapshotBoardNotes(snapshot), filter, snapshot.codebook).map(
    (b) => b.note.id,
  );
  const keep = new Set(withMergedNotes(passing, allNotes));
  return { ...view, notes: view.notes.filter((v) => keep.has(v.note.id)) };
}

/**
 * The key theme table of the notes the board's filter lets through. With no filter it is, number
 * for number, the table every export writes (`buildKeyThemeTable` of `buildExportView`).
 */
export function filteredKeyThemeTable(
  snapshot: ProgrammeSnapshot,
  filter: BoardFilter,
  view?: ExportView,
): KeyThemeTable {
  return buildKeyThemeTable(filteredView(snapshot, filter, view));
}

/** The notes behind one cell of the key theme table: exactly the ones its count counts. */
export function keyThemeCellNotes(
  view: ExportView,
  themeId: string,
  polarity: Polarity,
): ViewNote[] {
  return view.notes.filter(
    (v) => v.note.polarity === polarity && v.note.themeIds.includes(themeId),
  );
}
