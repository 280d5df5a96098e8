import { importPaperNotes, preparePaperNotes, storeDocAccess } from '../../imports/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { describeSummary, readImportFile } from './import-files.ts';

export interface ImportNotesOptions extends DataOption {
  programme: string;
  session: string;
  column?: string[];
  consentGiven?: boolean;
  dryRun?: boolean;
}

/** `cohear import-notes FILE --programme ID --session ID`: notes typed up from paper. */
export async function importNotesCommand(
  file: string,
  opts: ImportNotesOptions,
  out: (line: string) => void,
): Promise<void> {
  const { fileName, bytes } = readImportFile(file);
  const req = {
    programmeId: opts.programme,
    sessionId: opts.session,
    fileName,
    bytes,
    columnPairs: opts.column ?? [],
    consentGiven: opts.consentGiven ?? false,
  };
  await withStore(opts, async (store) => {
    if (opts.dryRun) {
      const p = await preparePaperNotes(store, req);
      for (const c of p.columns) out(`${c.heading} -> ${c.field ?? '(not decided: use --column)'}`);
      for (const w of p.warnings) out(`warning: ${w.where}: ${w.message}`);
      for (const e of p.problems) out(`problem: ${e.where}: ${e.message}`);
      if (p.plan)
        out(`would add ${p.plan.notes.length} notes and ${p.plan.newThemes.length} themes`);
      return;
    }
    const record = await importPaperNotes(storeDocAccess(store), req, 'cli:import-notes');
    out(`${record.id || 'nothing new'}: ${describeSummary(record.summary)}`);
  });
}
