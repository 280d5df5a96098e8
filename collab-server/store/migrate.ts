import type Database from 'better-sqlite3';
import type { StoreMigration } from './migrations/index.ts';

export class StoreVersionError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    readonly file: string,
  ) {
    super(
      `The database ${file} was made by a newer Cohear (schema ${found}; this one knows up to ${supported}). ` +
        'Nothing was changed. Update Cohear, or point --data at another folder.',
    );
    this.name = 'StoreVersionError';
  }
}

/** Checks the list is numbered 1..n so a mistake cannot skip a step on someone's data. */
export function checkStoreMigrations(migrations: readonly StoreMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`store migration #${i} has version ${m.version}, expected ${i + 1}`);
    if (!m.sql && !m.up) throw new Error(`store migration ${m.version} (${m.name}) does nothing`);
  });
}

/**
 * Applies the pending migrations, each in its own transaction, recording each by name.
 * A database newer than the code is refused before anything is written.
 */
export function migrateStore(
  db: Database.Database,
  migrations: readonly StoreMigration[],
  file: string,
): string[] {
  checkStoreMigrations(migrations);
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > migrations.length) throw new StoreVersionError(found, migrations.length, file);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied: string[] = [];
  for (const m of migrations.slice(found)) {
    db.transaction(() => {
      if (m.sql) db.exec(m.sql);
      m.up?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.name);
  }
  return applied;
}
