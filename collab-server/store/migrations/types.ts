import type Database from 'better-sqlite3';

/** One append-only step of the database schema. Never edit one that has shipped; add another. */
export interface StoreMigration {
  version: number;
  name: string;
  /** Plain SQL run in the migration's transaction. */
  sql?: string;
  /** For steps SQL alone cannot express (data rewrites). */
  up?: (db: Database.Database) => void;
}
