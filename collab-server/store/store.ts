import Database from 'better-sqlite3';
import path from 'node:path';
import { STORE_MIGRATIONS, type StoreMigration } from './migrations/index.ts';
import { migrateStore } from './migrate.ts';
import { DATABASE_FILE } from './data-folder.ts';
import { DocLog } from './doc-log.ts';
import { ProgrammeRecordsTable } from './programme-records.ts';
import { ParticipantsTable } from './participants.ts';
import { CohortsTable } from './cohorts.ts';
import { WalSync } from './wal-sync.ts';

export interface StoreOptions {
  /** Defaults to the project's migrations; tests pass their own to check upgrade paths. */
  migrations?: readonly StoreMigration[];
  readonly?: boolean;
  /** How often the live server copies its write-ahead log into the database file (see below). */
  checkpointEveryMs?: number;
}

/**
 * The live server checkpoints between its commits, not inside one. Why: SQLite's own checkpoint
 * runs inside whichever COMMIT takes the log past 1,000 pages. At 1,000 participants that was
 * every 4-6 s, and the note being committed waited 5-8 ms for the page copies and the database
 * file's fsync before it could even be synced and sent. Run once the log's sync has settled
 * (everything committed is on disk and sent, nothing waiting), it is no note's commit, and only a
 * note that happens to arrive in those few milliseconds waits. Every 2 s keeps the log far below
 * SQLite's threshold at that load, so SQLite's own still checkpoints when commits never pause.
 */
const CHECKPOINT_EVERY_MS = 2000;

/**
 * The SQLite database of one data folder. Opening it runs pending migrations (refusing a newer
 * database) and sets WAL so the live server's readers never wait for its writer.
 */
export class Store {
  readonly docs: DocLog;
  readonly records: ProgrammeRecordsTable;
  readonly participants: ParticipantsTable;
  readonly cohorts: CohortsTable;
  private wal: WalSync | null = null;
  private readonly checkpointEveryMs: number;
  private lastCheckpointAt = performance.now();
  private commitsSinceCheckpoint = 0;
  private checkpointQueued = false;
  /** A failed checkpoint loses nothing (the log keeps every commit); it is tried again later. */
  onCheckpointFailure: (error: Error) => void = () => {};
  /** What to do when the disk fails to sync: by default, crash (nothing may be acknowledged). */
  onSyncFailure: (error: Error) => void = (error) => {
    setImmediate(() => {
      throw error;
    });
  };

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    options: StoreOptions,
  ) {
    this.checkpointEveryMs = options.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
    this.docs = new DocLog(db);
    this.records = new ProgrammeRecordsTable(db);
    this.participants = new ParticipantsTable(db);
    this.cohorts = new CohortsTable(db);
  }

  /** Opens (creating if needed) the database in a prepared data folder. */
  static openFolder(folder: string, options: StoreOptions = {}): Store {
    return Store.open(path.join(folder, DATABASE_FILE), options);
  }

  static open(file: string, options: StoreOptions = {}): Store {
    const db = new Database(file, { readonly: options.readonly ?? false });
    reusePreparedStatements(db);
    try {
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        // FULL: a commit is on disk before we acknowledge it; crash safety over throughput.
        db.pragma('synchronous = FULL');
        // Erased words must not linger in free pages of the file.
        db.pragma('secure_delete = ON');
      }
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      if (!options.readonly) migrateStore(db, options.migrations ?? STORE_MIGRATIONS, file);
    } catch (e) {
      db.close();
      throw e;
    }
    return new Store(db, file, options);
  }

  /** Runs `fn` in one transaction: all of it lands or none of it does, on disk when this returns. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Runs `fn` in one transaction that is committed but not yet synced when this returns; nothing
   * about it may be acknowledged or broadcast before `afterSync` says so (see WalSync). The live
   * server's hot path uses this; everything else uses transaction().
   */
  transactionSyncedLater<T>(fn: () => T): T {
    // Inside an outer transaction the outer commit (synchronous=FULL) syncs everything anyway.
    if (this.db.inTransaction) return this.db.transaction(fn)();
    this.db.pragma('synchronous = NORMAL');
    try {
      const result = this.db.transaction(fn)();
      this.walSync().committed();
      this.commitsSinceCheckpoint++;
      return result;
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Runs `done` once everything committed so far is on disk; in commit order. */
  afterSync(done: () => void): void {
    this.walSync().afterSync(done);
  }

  private walSync(): WalSync {
    this.wal ??= new WalSync(
      `${this.file}-wal`,
      (e) => this.onSyncFailure(e),
      () => this.checkpointIfDue(),
    );
    return this.wal;
  }

  /** See CHECKPOINT_EVERY_MS. Called when the log's sync has settled. */
  private checkpointIfDue(): void {
    if (this.checkpointQueued || this.commitsSinceCheckpoint === 0) return;
    if (performance.now() - this.lastCheckpointAt < this.checkpointEveryMs) return;
    this.checkpointQueued = true;
    // After the callbacks of this turn (the sends the sync released) have run.
    setImmediate(() => {
      this.checkpointQueued = false;
      // Something was committed meanwhile: its sync comes first; the next settling tries again.
      if (!this.db.open || !this.wal?.settled) return;
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
        this.commitsSinceCheckpoint = 0;
      } catch (e) {
        this.onCheckpointFailure(e instanceof Error ? e : new Error(String(e)));
      }
      this.lastCheckpointAt = performance.now();
    });
  }

  synced(): Promise<void> {
    return new Promise((resolve) => this.afterSync(resolve));
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  audit(actor: string, action: string, target: string, detail: Record<string, unknown> = {}): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, action, target, JSON.stringify(detail));
  }

  auditLog(
    limit = 100,
  ): { seq: number; at: string; actor: string; action: string; target: string; detail: string }[] {
    return this.db
      .prepare(
        'SELECT seq, at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT ?',
      )
      .all(limit) as {
      seq: number;
      at: string;
      actor: string;
      action: string;
      target: string;
      detail: string;
    }[];
  }

  close(): void {
    this.wal?.syncNow();
    this.wal?.close();
    if (this.db.open) this.db.close();
  }
}

/**
 * Table modules prepare their SQL where they use it, which kept each query next to its code but
 * made a participant's note compile half a dozen statements on every write. Preparing each SQL
 * text once per connection removes that. Safe because nothing here changes a statement's mode
 * (pluck, raw, expand) or iterates one statement inside another use of it.
 */
function reusePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const prepared = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}
