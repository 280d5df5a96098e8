import type { Note, Participant, Session, Theme } from '../model/index.ts';
import {
  REPORT_SECTIONS,
  noteParticipantId,
  type ReportSection,
  type ReportText,
} from '../model/index.ts';
import type { ProgrammeSnapshot, SessionRecord } from '../snapshot/snapshot.ts';
import { redactText } from './redaction.ts';

/** A note as every export and the analysis see it: text already redacted, context attached. */
export interface ViewNote {
  note: Note;
  /** The note's text after redaction (or as written, when redaction was explicitly turned off). */
  text: string;
  session: Session;
  participant: Participant | null;
  /** The participant's cohort, or the session's when the note belongs to no one. */
  cohort: string;
}

export interface ExportViewOptions {
  /**
   * Redaction of personal data in note text. On unless the caller explicitly turns it off;
   * contact details are never carried into a view either way.
   */
  redact?: boolean;
}

/** Why notes were left out, so a report can say how many and why. */
export interface ExcludedCounts {
  hidden: number;
  withdrawn: number;
  /** Words of people who did not consent to their words being kept. */
  noConsent: number;
}

/**
 * The snapshot prepared for export: contact details removed, hidden and withdrawn notes and the
 * notes of people without consent to keep their words left out, and note text redacted.
 * Building this once, first, is what makes redaction hold for every export.
 */
export interface ExportView {
  /** The sanitised snapshot: same shape, contacts null, notes filtered and redacted. */
  snapshot: ProgrammeSnapshot;
  notes: ViewNote[];
  themes: Map<string, Theme>;
  participants: Map<string, Participant>;
  sessions: Map<string, SessionRecord>;
  excluded: ExcludedCounts;
  redacted: boolean;
}

/** Every personal string the store holds: names, emails and phone numbers from contacts. */
export function personalStrings(participants: readonly Participant[]): string[] {
  const out: string[] = [];
  for (const p of participants) {
    if (!p.contact) continue;
    for (const v of [p.contact.name, p.contact.email, p.contact.phone]) {
      if (v && v.trim().length >= 2) out.push(v.trim());
    }
  }
  return out;
}

/** Whether a note's words may appear in an export at all. */
export function noteIsExportable(note: Note, participant: Participant | null): boolean {
  if (note.hidden || note.withdrawn) return false;
  return participant === null || participant.consent.storeWords.given;
}

/** The report's own words redacted like every other text a facilitator typed. */
function cleanReport(report: ReportText, clean: (t: string) => string): ReportText {
  const sections = Object.fromEntries(REPORT_SECTIONS.map((k) => [k, clean(report[k])])) as Record<
    ReportSection,
    string
  >;
  const themeSummaries = Object.fromEntries(
    Object.entries(report.themeSummaries).map(([id, t]) => [id, clean(t)]),
  );
  return { ...report, ...sections, themeSummaries };
}

/** Builds the export view of a snapshot; see ExportView. */
export function buildExportView(
  snapshot: ProgrammeSnapshot,
  options: ExportViewOptions = {},
): ExportView {
  const redact = options.redact ?? true;
  const names = personalStrings(snapshot.participants);
  const participants = new Map<string, Participant>(
    snapshot.participants.map((p) => [p.id, { ...p, contact: null }]),
  );
  const clean = (text: string) => (redact ? redactText(text, { names }) : text);
  const excluded: ExcludedCounts = { hidden: 0, withdrawn: 0, noConsent: 0 };
  const notes: ViewNote[] = [];
  const sessions: SessionRecord[] = snapshot.sessions.map((rec) => {
    const kept: Note[] = [];
    for (const note of rec.notes) {
      const pid = noteParticipantId(note);
      const participant = pid === null ? null : (participants.get(pid) ?? null);
      if (note.withdrawn) excluded.withdrawn += 1;
      else if (note.hidden) excluded.hidden += 1;
      else if (!noteIsExportable(note, participant)) excluded.noConsent += 1;
      if (!noteIsExportable(note, participant)) continue;
      const text = clean(note.text);
      const cleaned: Note = {
        ...note,
        text,
        author:
          note.author.type === 'facilitator'
            ? { ...note.author, facilitator: clean(note.author.facilitator) }
            : note.author,
      };
      kept.push(cleaned);
      notes.push({
        note: cleaned,
        text,
        session: rec.session,
        participant,
        cohort: participant?.cohort || rec.session.cohort,
      });
    }
    return {
      ...rec,
      notes: kept,
      reflectCards: rec.reflectCards.map((c) => ({
        ...c,
        text: clean(c.text),
        comments: c.comments.map((m) => ({ ...m, text: clean(m.text) })),
        ...(c.decision?.outcome === 'amended'
          ? { decision: { ...c.decision, wording: clean(c.decision.wording) } }
          : {}),
      })),
      debrief: {
        ...rec.debrief,
        summary: clean(rec.debrief.summary),
        keyMessages: rec.debrief.keyMessages.map(clean),
      },
    };
  });
  const sanitised: ProgrammeSnapshot = {
    ...snapshot,
    programme: { ...snapshot.programme, introduction: clean(snapshot.programme.introduction) },
    actions: snapshot.actions.map((a) => ({ ...a, heard: clean(a.heard), done: clean(a.done) })),
    recommendations: snapshot.recommendations.map((r) => ({ ...r, text: clean(r.text) })),
    sessions,
    participants: [...participants.values()],
    ...(snapshot.report ? { report: cleanReport(snapshot.report, clean) } : {}),
  };
  return {
    snapshot: sanitised,
    notes,
    themes: new Map(snapshot.codebook.map((t) => [t.id, t])),
    participants,
    sessions: new Map(sessions.map((s) => [s.session.id, s])),
    excluded,
    redacted: redact,
  };
}
