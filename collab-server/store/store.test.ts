import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeDemoProgramme, serialiseProgrammeFile, sessionDocName } from '../../core/index.ts';
import { STORE_MIGRATIONS } from './migrations/index.ts';
import { StoreVersionError } from './migrate.ts';
import {
  ProgrammeExistsError,
  exportSnapshot,
  importSnapshot,
  loadSessionDoc,
} from './programme-io.ts';
import { Store } from './store.ts';
import { DataFolderError, prepareDataFolder } from './data-folder.ts';

const SNAPSHOT = path.join(import.meta.dirname, 'schema.snapshot.sql');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The schema as SQLite reports it, in a stable order, for the committed snapshot. */
function schemaOf(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all() as { sql: string }[];
  return `${rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n')}\n`;
}

describe('store migrations', () => {
  it('creates the schema that the committed snapshot records', () => {
    const store = Store.open(path.join(dir, 'a.sqlite'));
    const actual = schemaOf(store.db);
    store.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
    // A change here means a migration changed the schema: if that was meant, rerun with
    // UPDATE_SCHEMA_SNAPSHOT=1 and commit the snapshot with the migration.
    expect(actual).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('records each migration by name and sets the version', () => {
    const store = Store.open(path.join(dir, 'a.sqlite'));
    const rows = store.db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(rows).toEqual(STORE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(store.schemaVersion()).toBe(STORE_MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });

  it('upgrades a database made by an older version, keeping its data', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = Store.open(file, { migrations: STORE_MIGRATIONS.slice(0, 1) });
    // Written with the first schema's own SQL: today's code writes columns it did not have.
    const demo = makeDemoProgramme({ notes: 10 });
    const person = demo.participants[0] as (typeof demo.participants)[number];
    const now = new Date().toISOString();
    old.db
      .prepare(
        'INSERT INTO programmes (id, title, details, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(demo.programme.id, demo.programme.title, JSON.stringify(demo.programme), now, now);
    old.db
      .prepare(
        'INSERT INTO participants (id, programme_id, descriptor, cohort, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(person.id, demo.programme.id, person.descriptor, person.cohort, now);
    old.db
      .prepare('INSERT INTO consent_history (participant_id, kind, given, at) VALUES (?, ?, ?, ?)')
      .run(person.id, 'storeWords', 1, now);
    old.db
      .prepare(
        'INSERT INTO demographics (participant_id, gender, age_band, ethnicity, town) VALUES (?, ?, ?, ?, ?)',
      )
      .run(person.id, 'woman', '65-74', null, 'Leeds');
    old.close();
    const upgraded = Store.open(file);
    expect(upgraded.schemaVersion()).toBe(STORE_MIGRATIONS.length);
    expect(upgraded.records.listProgrammes()).toHaveLength(1);
    const [kept] = upgraded.participants.list(demo.programme.id);
    expect(kept?.descriptor).toBe(person.descriptor);
    expect(kept?.erasedAt).toBeUndefined();
    expect(upgraded.participants.consentHistory(person.id)).toEqual([
      { kind: 'storeWords', given: true, at: now, source: 'participant' },
    ]);
    // The answers moved from one column per field to one row per field, in the same order.
    expect(upgraded.participants.get(person.id)?.demographics).toEqual({
      gender: 'woman',
      ageBand: '65-74',
      ethnicity: null,
      town: 'Leeds',
    });
    upgraded.close();
  });

  it('refuses a database made by a newer Cohear and changes nothing', () => {
    const file = path.join(dir, 'new.sqlite');
    Store.open(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${STORE_MIGRATIONS.length + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => Store.open(file)).toThrow(StoreVersionError);
    expect(() => Store.open(file)).toThrow(/made by a newer Cohear/);
    expect(readFileSync(file)).toEqual(before);
  });
});

describe('programme import and export', () => {
  it('exports exactly what was imported', () => {
    const store = Store.openFolder(dir);
    const demo = makeDemoProgramme();
    const id = importSnapshot(store, demo);
    expect(serialiseProgrammeFile(exportSnapshot(store, id))).toBe(serialiseProgrammeFile(demo));
    store.close();
  });

  it('keeps personal details out of the documents', () => {
    const store = Store.openFolder(dir);
    const demo = makeDemoProgramme();
    importSnapshot(store, demo);
    const docs = store.db.prepare('SELECT update_data FROM doc_updates').all() as {
      update_data: Buffer;
    }[];
    const blob = Buffer.concat(docs.map((d) => d.update_data)).toString('latin1');
    for (const p of demo.participants) {
      if (p.contact?.email) expect(blob).not.toContain(p.contact.email);
      if (p.contact?.name) expect(blob).not.toContain(p.contact.name);
    }
    store.close();
  });

  it('imports all or nothing: a clash leaves the database as it was', () => {
    const store = Store.openFolder(dir);
    importSnapshot(store, makeDemoProgramme({ notes: 20 }));
    const count = () =>
      (store.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
    const before = count();
    expect(() => importSnapshot(store, makeDemoProgramme({ notes: 30 }))).toThrow(
      ProgrammeExistsError,
    );
    expect(count()).toBe(before);
    store.close();
  });

  it('keeps the log and the compacted snapshot equivalent', () => {
    const store = Store.openFolder(dir);
    const demo = makeDemoProgramme({ notes: 40 });
    importSnapshot(store, demo);
    const sid = demo.sessions[0]!.session.id;
    const doc = loadSessionDoc(store, sid);
    doc.doc.on('update', (u: Uint8Array) => store.docs.append(sessionDocName(sid), u));
    doc.notes.patch(demo.sessions[0]!.notes[0]!.id, { polarity: 'neutral' });
    store.docs.compactStored(sessionDocName(sid));
    expect(store.docs.updateCount(sessionDocName(sid))).toBe(0);
    const reloaded = loadSessionDoc(store, sid);
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(doc.doc));
    expect(reloaded.notes.get(demo.sessions[0]!.notes[0]!.id)?.polarity).toBe('neutral');
    store.close();
  });
});

describe('data folder', () => {
  it('creates a missing folder whose parent exists', () => {
    const target = path.join(dir, 'data');
    expect(prepareDataFolder(target)).toBe(target);
    expect(existsSync(target)).toBe(true);
  });

  it('refuses a folder whose parent is missing too, creating nothing', () => {
    const target = path.join(dir, 'no', 'such', 'data');
    expect(() => prepareDataFolder(target)).toThrow(DataFolderError);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });

  it('refuses a path that is a file', () => {
    const file = path.join(dir, 'f');
    writeFileSync(file, 'x');
    expect(() => prepareDataFolder(file)).toThrow(/is a file/);
  });
});
