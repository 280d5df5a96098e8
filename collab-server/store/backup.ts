import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, DataFolderError } from './data-folder.ts';
import { STORE_MIGRATIONS } from './migrations/index.ts';

export class BackupError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupCheck {
  schemaVersion: number;
  bytes: number;
}

/**
 * Copies a data folder's database to `outFile` while the server keeps running, with SQLite's
 * online backup through a connection of its own. The copy is taken in one step: in WAL mode that
 * is one read transaction, which never blocks the server's writer, and it gives one consistent
 * moment (a copy in many small steps restarts whenever the server commits in between, which
 * under load could be for ever). It is written beside `outFile` and renamed into place only
 * after it passes `verifyBackup`, so a failed backup never replaces a good one.
 *
 * Erased words that were in the database when a backup was made stay in that backup: keep
 * backups no longer than the retention the organisation has promised (docs/hosting.md).
 */
export async function backupStore(dataDir: string, outFile: string): Promise<BackupCheck> {
  const source = path.join(path.resolve(dataDir), DATABASE_FILE);
  if (!existsSync(source))
    throw new DataFolderError(`There is no Cohear database in ${path.resolve(dataDir)}.`);
  const out = path.resolve(outFile);
  if (!existsSync(path.dirname(out)) || !statSync(path.dirname(out)).isDirectory())
    throw new BackupError(`Cannot write ${out}: the folder ${path.dirname(out)} does not exist.`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => Number.MAX_SAFE_INTEGER });
    const check = verifyBackup(partial);
    renameSync(partial, out);
    return check;
  } catch (e) {
    removeDatabaseFiles(partial);
    throw e;
  } finally {
    db.close();
  }
}

/** Opens a backup, runs `PRAGMA integrity_check` and reads its schema version. */
export function verifyBackup(file: string): BackupCheck {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new BackupError(`There is no backup at ${abs}.`);
  let db: Database.Database;
  try {
    db = new Database(abs, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${abs} cannot be opened as a database: ${(e as Error).message}`);
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0)
      throw new BackupError(
        `${abs} failed its integrity check: ${problems.slice(0, 5).join('; ')}`,
      );
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion === 0 || schemaVersion > STORE_MIGRATIONS.length)
      throw new BackupError(
        schemaVersion === 0
          ? `${abs} is not a Cohear database.`
          : `${abs} was made by a newer Cohear (schema ${schemaVersion}; this one knows up to ${STORE_MIGRATIONS.length}).`,
      );
    return { schemaVersion, bytes: statSync(abs).size };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${abs} cannot be read as a database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Puts a verified backup in place as a data folder's database. The server must be stopped: a
 * running one keeps its own open file. A folder that already holds a database is refused unless
 * `replace` is set; its old file and log are then removed, so none of their pages can mix with
 * the restored file.
 */
export function restoreBackup(
  backupFile: string,
  dataDir: string,
  options: { replace?: boolean } = {},
): BackupCheck {
  const check = verifyBackup(backupFile);
  const target = path.join(path.resolve(dataDir), DATABASE_FILE);
  if (existsSync(target) && !options.replace)
    throw new BackupError(
      `${path.resolve(dataDir)} already holds a database. Stop the server, then restore with --replace to overwrite it.`,
    );
  const incoming = `${target}.restoring`;
  copyFileSync(path.resolve(backupFile), incoming);
  removeDatabaseFiles(target);
  renameSync(incoming, target);
  return check;
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(f, { force: true });
}
