import { backupStore, restoreBackup } from '../../store/backup.ts';
import { dataFolderOf, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';

/** `cohear backup --data DIR --out FILE`: an online backup, verified before it is kept. */
export async function backupCommand(
  opts: DataOption & { out?: string },
  out: (line: string) => void,
): Promise<void> {
  if (!opts.out) throw new UsageError('Say where to write the backup with --out FILE.');
  const check = await backupStore(dataFolderOf(opts), opts.out);
  out(
    `Backup written to ${opts.out} (${check.bytes} bytes, schema ${check.schemaVersion}); integrity check passed.`,
  );
}

/** `cohear restore --data DIR --from FILE [--replace]`, with the server stopped. */
export function restoreCommand(
  opts: DataOption & { from?: string; replace?: boolean },
  out: (line: string) => void,
): void {
  if (!opts.from) throw new UsageError('Say which backup to restore with --from FILE.');
  const check = restoreBackup(opts.from, dataFolderOf(opts), { replace: opts.replace === true });
  out(`Restored ${opts.from} (schema ${check.schemaVersion}); start the server to use it.`);
}
