import { gatherSubjectAccess } from '../../governance/subject-access.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';
import { writeFileAtomic } from '../write-file.ts';

/** `cohear participant export ID --out FILE`: a subject access request answered as one file. */
export async function participantExportCommand(
  participantId: string,
  opts: DataOption & { out?: string },
  out: (line: string) => void,
): Promise<void> {
  if (!opts.out) throw new UsageError('Say where to write the file with --out FILE.');
  const file = opts.out;
  await withStore(opts, (store) => {
    const report = gatherSubjectAccess(store, participantId, new Date());
    if (!report) throw new UsageError(`There is no participant "${participantId}".`);
    writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
    store.audit('cli', 'participant.export', participantId, { programme: report.programme.id });
    out(
      `Wrote everything held about ${report.participant.descriptor} to ${file}: ${report.notes.length} notes, ${report.votes.length} votes, ${report.comments.length} comments.`,
    );
  });
}
