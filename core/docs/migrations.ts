import type * as Y from 'yjs';

/** A named, numbered step that brings a document from `version - 1` to `version`. */
export interface DocMigration {
  version: number;
  name: string;
  up: (doc: Y.Doc) => void;
}

export class DocVersionError extends Error {
  constructor(
    readonly docKind: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This ${docKind} document is schema version ${found}, newer than this Cohear supports (${supported}). Update Cohear to open it.`,
    );
    this.name = 'DocVersionError';
  }
}

const META = 'meta';
const VERSION_KEY = 'schemaVersion';
/** Origin of migration transactions, so observers can tell them from edits. */
export const MIGRATION_ORIGIN = Symbol('cohear-migration');

/**
 * Checks at module load that migrations are numbered 1..n with no gap or repeat: a mistake here
 * would silently skip a step on someone's data, so it fails loudly instead.
 */
export function checkMigrationSequence(kind: string, migrations: readonly DocMigration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `${kind} migrations out of sequence: #${i} is version ${m.version}, expected ${i + 1}`,
      );
    }
    if (!m.name) throw new Error(`${kind} migration ${m.version} needs a name`);
  });
  return migrations.length;
}

export function docSchemaVersion(doc: Y.Doc): number {
  const v = doc.getMap(META).get(VERSION_KEY);
  return typeof v === 'number' ? v : 0;
}

/**
 * Brings a document up to the latest version in one transaction. Only the server (the one
 * authority that loads documents) migrates, so two clients never race to restructure a doc.
 * Returns the names of the migrations applied.
 */
export function migrateDoc(
  kind: string,
  doc: Y.Doc,
  migrations: readonly DocMigration[],
): string[] {
  const latest = migrations.length;
  const found = docSchemaVersion(doc);
  if (found > latest) throw new DocVersionError(kind, found, latest);
  const applied: string[] = [];
  if (found === latest) return applied;
  doc.transact(() => {
    for (const m of migrations.slice(found)) {
      m.up(doc);
      applied.push(m.name);
    }
    doc.getMap(META).set(VERSION_KEY, latest);
  }, MIGRATION_ORIGIN);
  return applied;
}
