import type { Cohort, Participant, Programme, ProgrammeSettings, Session } from '../model/index.ts';
import { ProgrammeDoc, type ProgrammeContent } from '../docs/programme-doc.ts';
import { SessionDoc, type SessionContent } from '../docs/session-doc.ts';
import { normaliseSnapshot } from './programme-file.ts';
import { programmeSnapshotSchema, type ProgrammeSnapshot } from './snapshot.ts';

/** What the store holds about a programme, beside its documents. */
export interface ProgrammeRecords {
  programme: Programme;
  sessions: Session[];
  participants: Participant[];
  /** Cohorts the facilitator named, with the word their people are called by. */
  cohorts?: Cohort[];
  /** Only when the facilitator has set any (see ProgrammeSettings). */
  settings?: ProgrammeSettings;
}

/**
 * Builds the plain snapshot every export reads, from the live documents and the store's records.
 * The result is validated, so an export never meets a dangling reference.
 */
export function assembleSnapshot(
  records: ProgrammeRecords,
  programmeDoc: ProgrammeDoc,
  sessionDocs: ReadonlyMap<string, SessionDoc>,
): ProgrammeSnapshot {
  const content = programmeDoc.read();
  const snapshot: ProgrammeSnapshot = {
    programme: records.programme,
    codebook: content.codebook,
    recommendations: content.recommendations,
    actions: content.actions,
    sessions: records.sessions.map((session) => {
      const doc = sessionDocs.get(session.id);
      const c: SessionContent = doc ? doc.read() : SessionDoc.create().read();
      return { session, ...c };
    }),
    participants: records.participants,
    ...(records.cohorts && records.cohorts.length > 0 ? { cohorts: records.cohorts } : {}),
    ...reportFor(content, new Set(content.codebook.map((t) => t.id))),
    ...(records.settings === undefined ? {} : { settings: records.settings }),
  };
  return normaliseSnapshot(programmeSnapshotSchema.parse(snapshot));
}

/** The report's words, without summaries of themes since deleted from the codebook. */
function reportFor(
  content: ProgrammeContent,
  themeIds: ReadonlySet<string>,
): Pick<ProgrammeSnapshot, 'report'> {
  if (!content.report) return {};
  const themeSummaries = Object.fromEntries(
    Object.entries(content.report.themeSummaries).filter(([id]) => themeIds.has(id)),
  );
  return { report: { ...content.report, themeSummaries } };
}

/** The inverse: the records for the store and the documents' contents, for import. */
export function splitSnapshot(snapshot: ProgrammeSnapshot): {
  records: ProgrammeRecords;
  programmeContent: ProgrammeContent;
  sessionContents: Map<string, SessionContent>;
} {
  return {
    records: {
      programme: snapshot.programme,
      sessions: snapshot.sessions.map((s) => s.session),
      participants: snapshot.participants,
      ...(snapshot.cohorts ? { cohorts: snapshot.cohorts } : {}),
      ...(snapshot.settings === undefined ? {} : { settings: snapshot.settings }),
    },
    programmeContent: {
      codebook: snapshot.codebook,
      recommendations: snapshot.recommendations,
      actions: snapshot.actions,
      ...(snapshot.report ? { report: snapshot.report } : {}),
    },
    sessionContents: new Map(
      snapshot.sessions.map(({ session, ...content }) => [
        session.id,
        content satisfies SessionContent,
      ]),
    ),
  };
}

/** Builds documents holding a snapshot's content, for import and for tests. */
export function docsFromSnapshot(snapshot: ProgrammeSnapshot): {
  programmeDoc: ProgrammeDoc;
  sessionDocs: Map<string, SessionDoc>;
} {
  const { programmeContent, sessionContents } = splitSnapshot(snapshot);
  return {
    programmeDoc: ProgrammeDoc.create(programmeContent),
    sessionDocs: new Map([...sessionContents].map(([id, c]) => [id, SessionDoc.create(c)])),
  };
}
