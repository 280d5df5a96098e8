import { ProblemList, type SpeakerTarget, type StepChoice } from '../../../core/index.ts';
import { importTranscript, prepareTranscript, storeDocAccess } from '../../imports/index.ts';
import { loadSessionDoc } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';
import { describeSummary, readImportFile } from './import-files.ts';

export interface ImportTranscriptOptions extends DataOption {
  programme: string;
  session: string;
  speaker?: string[];
  step?: string;
  recordingStart?: string;
  consentGiven?: boolean;
  dryRun?: boolean;
}

/** "Name=descriptor", "Name=facilitator" or "Name=-" to speaker targets, by speaker name. */
export function parseSpeakerOptions(pairs: readonly string[]): Record<string, SpeakerTarget> {
  const problems = new ProblemList();
  const out: Record<string, SpeakerTarget> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const name = pair.slice(0, Math.max(eq, 0)).trim();
    const target = pair.slice(eq + 1).trim();
    if (eq <= 0 || name === '' || target === '') {
      problems.add(
        `--speaker ${pair}`,
        'expected "Name=descriptor", "Name=facilitator" or "Name=-"',
      );
      continue;
    }
    out[name] =
      target === '-'
        ? { kind: 'leave-out' }
        : target.toLowerCase() === 'facilitator'
          ? { kind: 'facilitator' }
          : { kind: 'new', descriptor: target };
  }
  problems.throwIfAny('The --speaker options cannot be read.');
  return out;
}

/**
 * `cohear import-transcript FILE --programme ID --session ID --speaker "Name=descriptor"...`:
 * each mapped speaker's turns become notes against the step current at the time (or --step).
 * Without every speaker mapped it lists them and imports nothing.
 */
export async function importTranscriptCommand(
  file: string,
  opts: ImportTranscriptOptions,
  out: (line: string) => void,
): Promise<void> {
  const { fileName, bytes } = readImportFile(file);
  const speakers = parseSpeakerOptions(opts.speaker ?? []);
  await withStore(opts, async (store) => {
    let step: StepChoice | undefined;
    if (opts.step !== undefined) {
      const agenda = loadSessionDoc(store, opts.session).agenda();
      const s =
        agenda.find((x) => x.id === opts.step) ??
        (/^\d+$/.test(opts.step) ? agenda[Number(opts.step) - 1] : undefined) ??
        agenda.find((x) => x.title.toLowerCase() === opts.step?.toLowerCase());
      if (!s)
        throw new UsageError(
          `The session has no step "${opts.step}"; its steps are: ${agenda.map((x, i) => `${i + 1}. ${x.title}`).join('; ')}`,
        );
      step = { mode: 'step', stepId: s.id };
    }
    const req = {
      programmeId: opts.programme,
      sessionId: opts.session,
      fileName,
      bytes,
      speakers,
      step,
      recordingStartedAt: opts.recordingStart ?? null,
      consentGiven: opts.consentGiven ?? false,
    };
    const preview = await prepareTranscript(store, req);
    const unmapped = preview.speakers.filter((s) => !speakers[s.speaker]);
    if (opts.dryRun || unmapped.length > 0) {
      out(`${preview.turns} turns (${preview.format}); speakers:`);
      for (const s of preview.speakers)
        out(`  ${s.speaker} (${s.turns} turns)${speakers[s.speaker] ? '' : ' - not mapped'}`);
      if (!opts.dryRun)
        throw new UsageError(
          `Map every speaker with --speaker "Name=descriptor" (or =facilitator, or =- to leave them out). Nothing was imported.`,
        );
      for (const e of preview.problems) out(`problem: ${e.where}: ${e.message}`);
      if (preview.plan) out(`would add ${preview.plan.notes.length} notes`);
      return;
    }
    const record = await importTranscript(storeDocAccess(store), req, 'cli:import-transcript');
    out(`${record.id || 'nothing new'}: ${describeSummary(record.summary)}`);
  });
}
