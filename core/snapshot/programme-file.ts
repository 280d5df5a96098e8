import { z } from 'zod';
import { programmeSnapshotSchema, type ProgrammeSnapshot } from './snapshot.ts';

export const PROGRAMME_FILE_FORMAT = 'cohear-programme';
/** Bump when the file's shape changes; add a reader for the old version, never edit one. */
export const PROGRAMME_FILE_VERSION = 1;

export const programmeFileSchema = z
  .object({
    format: z.literal(PROGRAMME_FILE_FORMAT),
    version: z.literal(PROGRAMME_FILE_VERSION),
    snapshot: programmeSnapshotSchema,
  })
  .strict();
export type ProgrammeFile = z.infer<typeof programmeFileSchema>;

export class ProgrammeFileError extends Error {
  constructor(
    message: string,
    /** Each problem as "path: message", for example "sessions[2].date: expected an ISO date". */
    readonly problems: string[],
  ) {
    super(
      problems.length > 0 ? `${message}\n${problems.map((p) => `  ${p}`).join('\n')}` : message,
    );
    this.name = 'ProgrammeFileError';
  }
}

/** Renders a zod path the way a person reads JSON: sessions[2].notes[0].text */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

export function formatIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((i) => `${formatPath([...prefix, ...i.path])}: ${i.message}`);
}

/**
 * Reads a programme file from its text. Throws ProgrammeFileError naming each problem's place.
 * @example parseProgrammeFile(readFileSync('f.json', 'utf8')).snapshot.programme.title
 */
export function parseProgrammeFile(text: string): ProgrammeFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProgrammeFileError('This is not a programme file: it is not valid JSON.', [
      (e as Error).message,
    ]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProgrammeFileError('This is not a programme file: expected a JSON object.', []);
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== PROGRAMME_FILE_FORMAT) {
    throw new ProgrammeFileError(
      `This is not a programme file: "format" should be "${PROGRAMME_FILE_FORMAT}".`,
      [],
    );
  }
  if (header.version !== PROGRAMME_FILE_VERSION) {
    const v = typeof header.version === 'number' ? header.version : JSON.stringify(header.version);
    throw new ProgrammeFileError(
      typeof header.version === 'number' && header.version > PROGRAMME_FILE_VERSION
        ? `This programme file is version ${v}, made by a newer Cohear; this one reads version ${PROGRAMME_FILE_VERSION}. Update Cohear to import it.`
        : `Unknown programme file version ${v}; this Cohear reads version ${PROGRAMME_FILE_VERSION}.`,
      [],
    );
  }
  const parsed = programmeFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProgrammeFileError('The programme file has problems:', formatIssues(parsed.error));
  }
  return parsed.data;
}

/** Serialises a snapshot in a stable form: same snapshot, byte-identical file. */
export function serialiseProgrammeFile(snapshot: ProgrammeSnapshot): string {
  const file: ProgrammeFile = {
    format: PROGRAMME_FILE_FORMAT,
    version: PROGRAMME_FILE_VERSION,
    // Parsing rebuilds every object with keys in schema order, so key order is canonical too.
    snapshot: programmeSnapshotSchema.parse(normaliseSnapshot(snapshot)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Theme summaries by theme id and logos by their order, as the document has no order. */
function normaliseReport(r: NonNullable<ProgrammeSnapshot['report']>) {
  return {
    ...r,
    themeSummaries: Object.fromEntries(
      Object.entries(r.themeSummaries).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    logos: [...r.logos].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  };
}

/**
 * Puts every list in its canonical order so that a snapshot read back from the documents (whose
 * maps have no order) serialises exactly as the one that was written.
 */
export function normaliseSnapshot(s: ProgrammeSnapshot): ProgrammeSnapshot {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    programme: s.programme,
    codebook: [...s.codebook].sort((a, b) => a.order - b.order || byId(a, b)),
    recommendations: [...s.recommendations].sort((a, b) => a.order - b.order || byId(a, b)),
    actions: [...s.actions].sort(byId),
    sessions: [...s.sessions]
      .sort((a, b) =>
        a.session.date < b.session.date
          ? -1
          : a.session.date > b.session.date
            ? 1
            : byId(a.session, b.session),
      )
      .map((rec) => ({
        ...rec,
        notes: [...rec.notes].sort((a, b) =>
          a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : byId(a, b),
        ),
        reflectCards: [...rec.reflectCards]
          .sort((a, b) => a.order - b.order || byId(a, b))
          .map((c) => ({
            ...c,
            votes: Object.fromEntries(Object.entries(c.votes).sort(([a], [b]) => (a < b ? -1 : 1))),
          })),
      })),
    participants: [...s.participants].sort(byId).map((p) => ({
      ...p,
      attendance: [...p.attendance].sort((a, b) =>
        a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0,
      ),
    })),
    // Left out when there are none, so a format-1 file without cohorts writes back as it was.
    ...(s.cohorts && s.cohorts.length > 0
      ? { cohorts: [...s.cohorts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) }
      : {}),
    ...(s.report ? { report: normaliseReport(s.report) } : {}),
    ...(s.settings === undefined ? {} : { settings: s.settings }),
  };
}
