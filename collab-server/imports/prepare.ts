import {
  ImportError,
  ProblemList,
  defaultRecordingStart,
  guessPaperNoteColumns,
  guessRegistrationColumns,
  overrideMapping,
  PAPER_NOTE_FIELDS,
  planPaperNotes,
  planRegistrations,
  planTranscript,
  fieldsOrLegacy,
  readRegistrations,
  registrationTargets,
  speakersOf,
  stepTimeline,
  type ColumnMapping,
  type ImportProblem,
  type PaperNoteField,
  type PaperNotesPlan,
  type RegistrationField,
  type RegistrationPlan,
  type Session,
  type SpeakerTarget,
  type StepChoice,
  type Table,
  type TranscriptFormat,
  type TranscriptPlan,
} from '../../core/index.ts';
import {
  UnknownProgrammeError,
  loadProgrammeDoc,
  loadSessionDoc,
  type Store,
} from '../store/index.ts';
import { readTable, readTranscript } from './read-file.ts';

export class UnknownSessionError extends Error {
  readonly userFacing = true;
  constructor(sessionId: string, programmeId: string) {
    super(
      `Programme ${programmeId} has no session ${sessionId}. \`cohear list\` shows its sessions.`,
    );
    this.name = 'UnknownSessionError';
  }
}

function sessionOf(store: Store, programmeId: string, sessionId: string): Session {
  if (!store.records.hasProgramme(programmeId)) throw new UnknownProgrammeError(programmeId);
  const session = store.records.getSession(sessionId);
  if (!session || store.records.sessionProgrammeId(sessionId) !== programmeId)
    throw new UnknownSessionError(sessionId, programmeId);
  return session;
}

interface FileRequest {
  programmeId: string;
  sessionId: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Each column: its heading, what it is mapped to, and an example value to recognise it by. */
export interface ColumnPreview<F extends string> {
  heading: string;
  field: F | 'ignore' | null;
  example: string;
}

function columnsOf<F extends string>(table: Table, mapping: ColumnMapping<F>): ColumnPreview<F>[] {
  return table.headers.map((heading, i) => ({
    heading,
    field: mapping[i] ?? null,
    example: table.rows.find((r) => (r.cells[i] ?? '') !== '')?.cells[i]?.slice(0, 80) ?? '',
  }));
}

/** Runs a check that may throw ImportError, turning its problems into a list instead. */
function collect<T>(fn: () => T): { value: T | null; problems: ImportProblem[] } {
  try {
    return { value: fn(), problems: [] };
  } catch (e) {
    if (e instanceof ImportError)
      return {
        value: null,
        problems: e.problems.length > 0 ? [...e.problems] : [{ where: 'file', message: e.message }],
      };
    throw e;
  }
}

export interface RegistrationsPreview {
  kind: 'registrations';
  /** What a column may be imported as: contact fields, then the programme's own questions. */
  targets: Record<string, string>;
  rows: number;
  columns: ColumnPreview<RegistrationField>[];
  plan: RegistrationPlan | null;
  warnings: ImportProblem[];
  problems: ImportProblem[];
}

/**
 * Reads an attendee list and plans its import under a mapping (guessed from the headings where
 * not given). Problems with the mapping or the rows come back as a list, so the preview can show
 * each beside its column; a file that cannot be read at all throws ImportError.
 */
export async function prepareRegistrations(
  store: Store,
  req: FileRequest & {
    mapping?: ColumnMapping<RegistrationField> | null;
    columnPairs?: readonly string[];
    cohort?: string | null;
  },
): Promise<RegistrationsPreview> {
  const session = sessionOf(store, req.programmeId, req.sessionId);
  const table = await readTable(req.fileName, req.bytes);
  const fields = fieldsOrLegacy(store.records.getSettings(req.programmeId)?.demographicFields);
  const targets = registrationTargets(fields);
  const pairProblems = new ProblemList();
  let mapping = req.mapping ?? guessRegistrationColumns(table.headers, targets);
  if (req.columnPairs?.length)
    mapping = overrideMapping(
      table.headers,
      mapping,
      req.columnPairs,
      Object.keys(targets.labels),
      pairProblems,
    );
  pairProblems.throwIfAny('The --column options do not fit the file.');
  const read = collect(() =>
    readRegistrations(table, { mapping, cohort: req.cohort ?? (session.cohort || null) }, targets),
  );
  const plan = read.value
    ? planRegistrations(
        read.value.rows,
        store.participants.list(req.programmeId),
        req.sessionId,
        undefined,
        fields.map((f) => f.id),
      )
    : null;
  return {
    kind: 'registrations',
    targets: targets.labels,
    rows: table.rows.length,
    columns: columnsOf(table, mapping),
    plan,
    warnings: [
      ...table.formulas.map((where) => ({
        where,
        message: 'holds a formula; its text is imported, not its result',
      })),
      ...(read.value?.warnings ?? []),
    ],
    problems: read.problems,
  };
}

export interface PaperNotesPreview {
  kind: 'notes';
  rows: number;
  columns: ColumnPreview<PaperNoteField>[];
  plan: PaperNotesPlan | null;
  /** Planned notes the session already holds (the same file imported before): not added again. */
  alreadyThere: number;
  warnings: ImportProblem[];
  problems: ImportProblem[];
}

export async function preparePaperNotes(
  store: Store,
  req: FileRequest & {
    mapping?: ColumnMapping<PaperNoteField> | null;
    columnPairs?: readonly string[];
  },
): Promise<PaperNotesPreview> {
  const session = sessionOf(store, req.programmeId, req.sessionId);
  const table = await readTable(req.fileName, req.bytes);
  const pairProblems = new ProblemList();
  let mapping = req.mapping ?? guessPaperNoteColumns(table.headers);
  if (req.columnPairs?.length)
    mapping = overrideMapping(
      table.headers,
      mapping,
      req.columnPairs,
      PAPER_NOTE_FIELDS,
      pairProblems,
    );
  pairProblems.throwIfAny('The --column options do not fit the file.');
  const doc = loadSessionDoc(store, req.sessionId);
  const planned = collect(() =>
    planPaperNotes(table, mapping, {
      sessionId: req.sessionId,
      sessionStart: defaultRecordingStart(session),
      agenda: doc.agenda(),
      codebook: loadProgrammeDoc(store, req.programmeId).themes.all(),
      participants: store.participants.list(req.programmeId),
    }),
  );
  return {
    kind: 'notes',
    rows: table.rows.length,
    columns: columnsOf(table, mapping),
    plan: planned.value,
    alreadyThere: planned.value?.notes.filter((n) => doc.notes.has(n.id)).length ?? 0,
    warnings: planned.value?.warnings ?? [],
    problems: planned.problems,
  };
}

export interface TranscriptPreview {
  kind: 'transcript';
  format: TranscriptFormat;
  turns: number;
  /** Speakers in order of appearance; names are shown to the facilitator, never stored. */
  speakers: { speaker: string; turns: number; suggested: SpeakerTarget | null }[];
  steps: { id: string; title: string }[];
  /** Whether the session ran live in Cohear, so turns can be placed by time. */
  hasTimeline: boolean;
  hasTimes: boolean;
  recordingStartedAt: string;
  plan: TranscriptPlan | null;
  problems: ImportProblem[];
}

/**
 * Reads a transcript and, when the speakers are mapped, plans its notes. A speaker whose name is
 * a participant's name in the contacts is suggested as that participant (the name is compared,
 * not kept).
 */
export async function prepareTranscript(
  store: Store,
  req: FileRequest & {
    speakers?: Record<string, SpeakerTarget>;
    step?: StepChoice;
    recordingStartedAt?: string | null;
  },
): Promise<TranscriptPreview> {
  const session = sessionOf(store, req.programmeId, req.sessionId);
  const { format, turns } = await readTranscript(req.fileName, req.bytes);
  const doc = loadSessionDoc(store, req.sessionId);
  const agenda = doc.agenda();
  const timeline = stepTimeline(
    agenda,
    doc.stepLog(),
    doc.notes.all().filter((n) => n.author.type === 'participant' || !/^[tw]_/.test(n.id)),
  );
  const people = store.participants.list(req.programmeId);
  const byName = new Map(
    people
      .filter((p) => p.contact?.name)
      .map((p) => [(p.contact?.name as string).toLowerCase(), p.id]),
  );
  const speakers = speakersOf(turns).map((s) => {
    const id = byName.get(s.speaker.toLowerCase());
    return { ...s, suggested: id ? ({ kind: 'participant', participantId: id } as const) : null };
  });
  const recordingStartedAt = req.recordingStartedAt ?? defaultRecordingStart(session);
  const step: StepChoice =
    req.step ?? (timeline.length > 0 ? { mode: 'timeline' } : { mode: 'step', stepId: null });
  const planned = req.speakers
    ? collect(() =>
        planTranscript(
          turns,
          { speakers: req.speakers as Record<string, SpeakerTarget>, step, recordingStartedAt },
          {
            sessionId: req.sessionId,
            agenda,
            timeline,
            participants: people,
          },
        ),
      )
    : { value: null, problems: [] };
  return {
    kind: 'transcript',
    format,
    turns: turns.length,
    speakers,
    steps: agenda.map((s) => ({ id: s.id, title: s.title })),
    hasTimeline: timeline.length > 0,
    hasTimes: turns.every((t) => t.startMs !== null),
    recordingStartedAt,
    plan: planned.value,
    problems: planned.problems,
  };
}
