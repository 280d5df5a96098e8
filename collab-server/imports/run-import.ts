import { ImportError, type ImportProblem } from '../../core/index.ts';
import { applyNotes, applyRegistrations } from './apply.ts';
import type { DocAccess } from './doc-access.ts';
import type { ImportRecord } from './import-log.ts';
import { preparePaperNotes, prepareRegistrations, prepareTranscript } from './prepare.ts';

type Args<F extends (store: never, req: never) => unknown> = Parameters<F>[1];

function refuseIf(problems: readonly ImportProblem[], summary: string): void {
  if (problems.length > 0) throw new ImportError(summary, problems);
}

/**
 * Each import checked in full, then applied as one unit of work: the CLI and the server's routes
 * both come through here, so they cannot import the same file differently.
 */
export async function importRegistrations(
  access: DocAccess,
  req: Args<typeof prepareRegistrations>,
  actor: string,
): Promise<ImportRecord> {
  const preview = await prepareRegistrations(access.store, req);
  refuseIf(preview.problems, 'The attendee list cannot be imported as it is.');
  if (!preview.plan) throw new ImportError('The attendee list has no rows to import.');
  return applyRegistrations(access, {
    programmeId: req.programmeId,
    sessionId: req.sessionId,
    plan: preview.plan,
    actor,
  });
}

export async function importTranscript(
  access: DocAccess,
  req: Args<typeof prepareTranscript> & { consentGiven: boolean },
  actor: string,
): Promise<ImportRecord> {
  const preview = await prepareTranscript(access.store, { ...req, speakers: req.speakers ?? {} });
  refuseIf(preview.problems, 'The transcript cannot be imported with these choices.');
  const plan = preview.plan;
  if (!plan) throw new ImportError('The transcript has nothing to import.');
  return applyNotes(access, {
    kind: 'transcript',
    programmeId: req.programmeId,
    sessionId: req.sessionId,
    notes: plan.notes,
    newParticipants: plan.newParticipants,
    newThemes: [],
    consentGiven: req.consentGiven,
    cohort: access.store.records.getSession(req.sessionId)?.cohort ?? '',
    actor,
    extraSummary: { turns: preview.turns, leftOut: plan.leftOut },
  });
}

export async function importPaperNotes(
  access: DocAccess,
  req: Args<typeof preparePaperNotes> & { consentGiven: boolean },
  actor: string,
): Promise<ImportRecord> {
  const preview = await preparePaperNotes(access.store, req);
  refuseIf(preview.problems, 'The notes cannot be imported as they are.');
  const plan = preview.plan;
  if (!plan) throw new ImportError('The file has no notes to import.');
  return applyNotes(access, {
    kind: 'notes',
    programmeId: req.programmeId,
    sessionId: req.sessionId,
    notes: plan.notes,
    newParticipants: plan.newParticipants,
    newThemes: plan.newThemes,
    consentGiven: req.consentGiven,
    cohort: access.store.records.getSession(req.sessionId)?.cohort ?? '',
    actor,
  });
}
