import { EXPORT_FORMATS, serialiseProgrammeFile, withoutContacts } from '../../../core/index.ts';
import { exportSnapshot } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';
import { writeFileAtomic } from '../write-file.ts';

/** The programme file (`json`) and every format of the exports module. */
export const CLI_EXPORT_FORMATS = ['json', ...EXPORT_FORMATS] as const;
export type CliExportFormat = (typeof CLI_EXPORT_FORMATS)[number];

export interface ExportOptions extends DataOption {
  programme: string;
  format: string;
  out: string;
  session?: string;
  includePersonalData?: boolean;
  /** Programme file only: keep participants' names, emails and phones (left out unless asked). */
  includeContacts?: boolean;
  wordTables?: boolean;
  document?: 'report' | 'key-themes';
  table?: 'key-themes' | 'notes';
  images?: 'all' | 'clouds' | 'charts';
}

/**
 * `json` is the programme file; every other format is built by exports/ from the same snapshot.
 * A progress line goes to stderr so the output path on stdout stays scriptable.
 */
export async function exportCommand(
  opts: ExportOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  if (!(CLI_EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(
      `Unknown format "${opts.format}". Choose one of: ${CLI_EXPORT_FORMATS.join(', ')}.`,
    );
  }
  const format = opts.format as CliExportFormat;
  if (format === 'debrief' && !opts.session)
    throw new UsageError('A debrief is for one session: add --session ID.');
  const snapshot = await withStore(opts, (store) => exportSnapshot(store, opts.programme));
  if (opts.includeContacts && format !== 'json')
    throw new UsageError(
      '--include-contacts is for the programme file (--format json); reports never carry contacts.',
    );
  if (format === 'json') {
    writeFileAtomic(
      opts.out,
      serialiseProgrammeFile(opts.includeContacts ? snapshot : withoutContacts(snapshot)),
    );
    if (opts.includeContacts)
      err(
        "This programme file holds participants' names, emails and phones: store and send it as personal data.",
      );
    // Personal data leaving the server is logged: even without contacts the file links each
    // participant's words to their demographics, which is pseudonymised personal data.
    await auditExport(opts, format, true, opts.includeContacts === true);
    out(opts.out);
    return;
  }
  // Loaded only when needed: the exports pull in docx, d3 and image libraries.
  const { writeExport } = await import('../../../exports/write-export.ts');
  let last = '';
  const result = await writeExport(snapshot, {
    format,
    outPath: opts.out,
    ...(opts.session ? { sessionId: opts.session } : {}),
    ...(opts.includePersonalData ? { includePersonalData: true } : {}),
    ...(opts.document ? { document: opts.document } : {}),
    ...(opts.wordTables ? { wordTables: true } : {}),
    ...(opts.table ? { table: opts.table } : {}),
    ...(opts.images ? { images: opts.images } : {}),
    onProgress: (p) => {
      const line = `${p.stage} ${p.done}/${p.total}`;
      if (line !== last) err(line);
      last = line;
    },
  });
  await auditExport(opts, format, opts.includePersonalData === true);
  for (const f of result.files) out(f);
}

/** Every export from the command line is in the audit log, as downloads are. */
function auditExport(
  opts: ExportOptions,
  format: string,
  personalData: boolean,
  contacts = false,
): Promise<void> {
  return withStore(opts, (store) =>
    store.audit('cli', 'export.file', opts.programme, {
      format,
      ...(opts.session ? { sessionId: opts.session } : {}),
      ...(personalData ? { personalData: true } : {}),
      ...(contacts ? { contacts: true } : {}),
    }),
  );
}
