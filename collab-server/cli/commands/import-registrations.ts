import { importRegistrations, prepareRegistrations, storeDocAccess } from '../../imports/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { describeSummary, readImportFile } from './import-files.ts';

export interface ImportRegistrationsOptions extends DataOption {
  programme: string;
  session: string;
  cohort?: string;
  column?: string[];
  dryRun?: boolean;
}

/**
 * `cohear import-registrations FILE --programme ID --session ID`: an attendee list (CSV or XLSX)
 * matched to the programme's people by email. With --dry-run, prints the column mapping and what
 * would change. Names, emails and phones go only to the contacts table.
 */
export async function importRegistrationsCommand(
  file: string,
  opts: ImportRegistrationsOptions,
  out: (line: string) => void,
): Promise<void> {
  const { fileName, bytes } = readImportFile(file);
  const req = {
    programmeId: opts.programme,
    sessionId: opts.session,
    fileName,
    bytes,
    columnPairs: opts.column ?? [],
    cohort: opts.cohort ?? null,
  };
  await withStore(opts, async (store) => {
    if (opts.dryRun) {
      const p = await prepareRegistrations(store, req);
      for (const c of p.columns) out(`${c.heading} -> ${c.field ?? '(not decided: use --column)'}`);
      for (const w of p.warnings) out(`warning: ${w.where}: ${w.message}`);
      for (const e of p.problems) out(`problem: ${e.where}: ${e.message}`);
      if (p.plan)
        out(
          `would create ${p.plan.create.length}, update ${p.plan.update.length}, leave ${p.plan.unchanged} unchanged`,
        );
      return;
    }
    const record = await importRegistrations(
      storeDocAccess(store),
      req,
      'cli:import-registrations',
    );
    out(`${record.id || 'nothing new'}: ${describeSummary(record.summary)}`);
  });
}
