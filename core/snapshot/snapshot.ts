import { z } from 'zod';
import {
  actionSchema,
  agendaStepSchema,
  codebookProblems,
  cohortSchema,
  demographicAnswerProblems,
  fieldsOrLegacy,
  programmeSettingsSchema,
  debriefSchema,
  idSchema,
  noteParticipantId,
  noteSchema,
  participantSchema,
  personaSchema,
  programmeSchema,
  recommendationSchema,
  reflectCardSchema,
  reportTextSchema,
  sessionSchema,
  themeSchema,
} from '../model/index.ts';

/** Everything about one session: its planned details and what happened in it. */
export const sessionRecordSchema = z
  .object({
    session: sessionSchema,
    agenda: z.array(agendaStepSchema).max(200),
    persona: personaSchema.nullable(),
    currentStepId: idSchema.nullable(),
    notes: z.array(noteSchema).max(100_000),
    reflectCards: z.array(reflectCardSchema).max(1000),
    debrief: debriefSchema,
  })
  .strict();
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

const snapshotShape = {
  programme: programmeSchema,
  codebook: z.array(themeSchema).max(2000),
  recommendations: z.array(recommendationSchema).max(1000),
  actions: z.array(actionSchema).max(5000),
  sessions: z.array(sessionRecordSchema).max(500),
  participants: z.array(participantSchema).max(20_000),
  /** Cohorts with the word their people are called by; optional, so format-1 files read unchanged. */
  cohorts: z.array(cohortSchema).max(200).optional(),
  /** The report's own words and logos; optional so files written before it still import. */
  report: reportTextSchema.optional(),
  /** Absent in programmes that never chose their own (every format-1 file until then). */
  settings: programmeSettingsSchema.optional(),
};

/**
 * A whole programme as plain data. Every export is a function of this, and the programme file
 * is this plus a format header. Cross-references (theme ids, step ids, participant ids) are
 * checked so an export never meets a dangling reference.
 */
export const programmeSnapshotSchema = z
  .object(snapshotShape)
  .strict()
  .superRefine((snap, ctx) => {
    for (const problem of codebookProblems(snap.codebook)) {
      ctx.addIssue({ code: 'custom', path: ['codebook'], message: problem });
    }
    const themeIds = new Set(snap.codebook.map((t) => t.id));
    const participantIds = new Set(snap.participants.map((p) => p.id));
    const sessionIds = new Set<string>();
    const unique = (ids: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, i, 'id'],
            message: `duplicate ${what} id ${id}`,
          });
        seen.add(id);
      });
    };
    unique(
      snap.codebook.map((t) => t.id),
      ['codebook'],
      'theme',
    );
    unique(
      snap.participants.map((p) => p.id),
      ['participants'],
      'participant',
    );
    unique(
      snap.sessions.map((s) => s.session.id),
      ['sessions'],
      'session',
    );
    unique(
      snap.actions.map((a) => a.id),
      ['actions'],
      'action',
    );
    unique(
      snap.recommendations.map((r) => r.id),
      ['recommendations'],
      'recommendation',
    );
    const checkThemes = (ids: string[], path: (string | number)[]) => {
      ids.forEach((id, i) => {
        if (!themeIds.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown theme ${id}` });
      });
    };
    snap.actions.forEach((a, i) => checkThemes(a.themeIds, ['actions', i, 'themeIds']));
    snap.recommendations.forEach((r, i) =>
      checkThemes(r.themeIds, ['recommendations', i, 'themeIds']),
    );
    const noteIds = new Set(snap.sessions.flatMap((rec) => rec.notes.map((n) => n.id)));
    const checkNotes = (ids: string[] | undefined, path: (string | number)[]) => {
      ids?.forEach((id, i) => {
        if (!noteIds.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown note ${id}` });
      });
    };
    snap.actions.forEach((a, i) => checkNotes(a.noteIds, ['actions', i, 'noteIds']));
    snap.recommendations.forEach((r, i) =>
      checkNotes(r.noteIds, ['recommendations', i, 'noteIds']),
    );
    unique(
      (snap.cohorts ?? []).map((c) => c.name),
      ['cohorts'],
      'cohort',
    );
    snap.sessions.forEach((rec, si) => {
      sessionIds.add(rec.session.id);
      const stepIds = new Set(rec.agenda.map((s) => s.id));
      unique(
        rec.agenda.map((s) => s.id),
        ['sessions', si, 'agenda'],
        'agenda step',
      );
      unique(
        rec.notes.map((n) => n.id),
        ['sessions', si, 'notes'],
        'note',
      );
      if (rec.currentStepId !== null && !stepIds.has(rec.currentStepId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', si, 'currentStepId'],
          message: `unknown agenda step ${rec.currentStepId}`,
        });
      }
      rec.agenda.forEach((step, i) => {
        if (
          step.type === 'theme-discussion' &&
          step.themeId !== null &&
          !themeIds.has(step.themeId)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', si, 'agenda', i, 'themeId'],
            message: `unknown theme ${step.themeId}`,
          });
        }
        if (
          step.type === 'persona-stage' &&
          !rec.persona?.stages.some((s) => s.id === step.stageId)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', si, 'agenda', i, 'stageId'],
            message: `unknown persona stage ${step.stageId}`,
          });
        }
      });
      rec.notes.forEach((n, ni) => {
        const path = ['sessions', si, 'notes', ni];
        if (n.stepId !== null && !stepIds.has(n.stepId)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'stepId'],
            message: `unknown agenda step ${n.stepId}`,
          });
        }
        checkThemes(n.themeIds, [...path, 'themeIds']);
        const pid = noteParticipantId(n);
        if (pid !== null && !participantIds.has(pid)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'author'],
            message: `unknown participant ${pid}`,
          });
        }
      });
      rec.reflectCards.forEach((c, ci) => {
        if (c.themeId !== null && !themeIds.has(c.themeId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', si, 'reflectCards', ci, 'themeId'],
            message: `unknown theme ${c.themeId}`,
          });
        }
      });
    });
    for (const id of Object.keys(snap.report?.themeSummaries ?? {})) {
      if (!themeIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['report', 'themeSummaries', id],
          message: `unknown theme ${id}`,
        });
    }
    const fields = fieldsOrLegacy(snap.settings?.demographicFields);
    snap.participants.forEach((p, pi) => {
      for (const [fieldId, message] of Object.entries(
        demographicAnswerProblems(fields, p.demographics),
      )) {
        ctx.addIssue({
          code: 'custom',
          path: ['participants', pi, 'demographics', fieldId],
          message,
        });
      }
      p.attendance.forEach((a, ai) => {
        if (!sessionIds.has(a.sessionId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['participants', pi, 'attendance', ai, 'sessionId'],
            message: `unknown session ${a.sessionId}`,
          });
        }
      });
    });
  });
export type ProgrammeSnapshot = z.infer<typeof programmeSnapshotSchema>;
