import type { SpeakerTarget, StepChoice } from '../../../../../core/index.ts';

/** One problem of a file, as the server names it: "cell C4", "line 12", "speakers". */
export interface Problem {
  where: string;
  message: string;
}

/** A refused import: the summary and every place that needs fixing. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export interface ColumnPreview {
  heading: string;
  field: string | null;
  example: string;
}

interface PreviewCommon {
  problems: Problem[];
  ready: boolean;
}
export interface TablePreview extends PreviewCommon {
  kind: 'registrations' | 'notes';
  /** What a column may be imported as, value -> label (the programme's own questions included). */
  targets: Record<string, string>;
  rows: number;
  columns: ColumnPreview[];
  warnings: Problem[];
  create?: number;
  update?: number;
  unchanged?: number;
  /** Notes the import would add, and those the session already holds from this file. */
  notes?: number;
  alreadyThere?: number;
  newThemes?: string[];
  newParticipants?: string[];
}
export interface TranscriptPreview extends PreviewCommon {
  kind: 'transcript';
  format: string;
  turns: number;
  speakers: { speaker: string; turns: number; suggested: SpeakerTarget | null }[];
  steps: { id: string; title: string }[];
  hasTimeline: boolean;
  hasTimes: boolean;
  recordingStartedAt: string;
  notes: number;
  leftOut: number;
  newParticipants: string[];
  byStep: { stepId: string | null; notes: number }[];
}

export interface ImportResult {
  id: string;
  kind: string;
  summary: Record<string, number>;
}
export interface LastImport extends ImportResult {
  sessionId: string | null;
  at: string;
  undone: boolean;
}

export type ImportRequest =
  | {
      kind: 'registrations';
      sessionId: string;
      fileName: string;
      data: string;
      mapping?: (string | null)[];
      cohort?: string | null;
    }
  | {
      kind: 'notes';
      sessionId: string;
      fileName: string;
      data: string;
      mapping?: (string | null)[];
      consentGiven?: boolean;
    }
  | {
      kind: 'transcript';
      sessionId: string;
      fileName: string;
      data: string;
      speakers?: Record<string, SpeakerTarget>;
      step?: StepChoice;
      recordingStartedAt?: string | null;
      consentGiven?: boolean;
    };

/** The largest file the server takes (core's MAX_IMPORT_BYTES), checked before uploading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

async function call<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ImportRefused('Cannot reach Cohear right now. Nothing was imported.', []);
  }
  const data = (await res.json().catch(() => ({}))) as {
    ok?: boolean;
    error?: { message?: string; problems?: Problem[] };
  };
  if (!res.ok || data.ok === false)
    throw new ImportRefused(
      data.error?.message ?? `The server answered ${res.status}.`,
      data.error?.problems ?? [],
    );
  return data as T;
}

const base = (pid: string) => `/api/programmes/${encodeURIComponent(pid)}/imports`;

export const previewImport = <P extends TablePreview | TranscriptPreview>(
  pid: string,
  req: ImportRequest,
) => call<{ preview: P }>(`${base(pid)}/preview`, req).then((r) => r.preview);
export const runImport = (pid: string, req: ImportRequest) =>
  call<{ import: ImportResult }>(base(pid), req).then((r) => r.import);
export const lastImport = (pid: string) =>
  call<{ last: LastImport | null }>(`${base(pid)}/last`).then((r) => r.last);
export const undoLast = (pid: string) =>
  call<{ undone: ImportResult }>(`${base(pid)}/last/undo`, {}).then((r) => r.undone);

/** A file's bytes as base64, for the JSON body. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "notes 4, already there 2" for people. */
export function describeCounts(summary: Record<string, number>): string {
  const words: Record<string, [string, string]> = {
    rows: ['row read', 'rows read'],
    created: ['person added', 'people added'],
    updated: ['person updated', 'people updated'],
    unchanged: ['already up to date', 'already up to date'],
    attended: ['checked in', 'checked in'],
    notes: ['note added', 'notes added'],
    alreadyThere: ['note already there', 'notes already there'],
    newParticipants: ['new participant', 'new participants'],
    newThemes: ['new theme', 'new themes'],
    turns: ['turn read', 'turns read'],
    leftOut: ['turn left out', 'turns left out'],
  };
  const parts = Object.entries(summary)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${words[k]?.[n === 1 ? 0 : 1] ?? k}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}
