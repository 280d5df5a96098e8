import * as Y from 'yjs';
import { ProgrammeDoc, SessionDoc, programmeDocName, sessionDocName } from '../../core/index.ts';
import type { Store } from '../store/index.ts';
import type { Committer } from '../sync/committer.ts';
import type { DocRegistry } from '../sync/doc-registry.ts';

/** Origin of an import's changes to the documents (so observers can tell them apart). */
export const IMPORT_ORIGIN = Symbol('cohear-import');

/**
 * How an import reaches the documents and the store as one unit of work. The running server
 * goes through its live documents, so connected facilitators see the import as it commits; the
 * CLI loads the documents from the store and appends its changes to their update logs. Either
 * way the records and the document updates commit in one SQLite transaction, or none of it does.
 */
export interface DocAccess {
  readonly store: Store;
  unit<T>(fn: () => T): T;
  session(sessionId: string): SessionDoc;
  programme(programmeId: string): ProgrammeDoc;
  /** Runs `fn` as one Yjs transaction on a document from `session` or `programme`. */
  change(doc: Y.Doc, fn: () => void): void;
}

/** For the running server: its live documents, its committer. */
export function liveDocAccess(
  store: Store,
  committer: Committer,
  registry: DocRegistry,
): DocAccess {
  return {
    store,
    unit: (fn) => committer.run(fn),
    session(sessionId) {
      const hub = registry.hub(sessionId);
      if (!hub) throw new Error(`session ${sessionId} is not in the store`);
      return hub.sessionDoc;
    },
    programme(programmeId) {
      const p = registry.programme(programmeId);
      if (!p) throw new Error(`programme ${programmeId} is not in the store`);
      return p.doc;
    },
    change: (doc, fn) => Y.transact(doc, fn, IMPORT_ORIGIN),
  };
}

/**
 * For the CLI: documents loaded from the store, each change appended to the update log inside
 * the transaction. Nothing must serve this data folder meanwhile (the same rule as `cohear
 * import`): a running server would not see these updates until it reloads the document.
 */
export function storeDocAccess(store: Store): DocAccess {
  const loaded = new Map<string, Y.Doc>();
  const load = (name: string, migrate: (doc: Y.Doc) => unknown): Y.Doc => {
    let doc = loaded.get(name);
    if (doc) return doc;
    doc = new Y.Doc();
    store.docs.loadInto(name, doc);
    // Listening before migrating, so a migration's changes are stored before anything built on them.
    doc.on('update', (update: Uint8Array) => store.docs.append(name, update));
    migrate(doc);
    loaded.set(name, doc);
    return doc;
  };
  return {
    store,
    unit: (fn) => {
      try {
        return store.transaction(fn);
      } catch (e) {
        // Memory ran ahead of a rolled-back store: forget it.
        loaded.clear();
        throw e;
      }
    },
    session: (id) => new SessionDoc(load(sessionDocName(id), (d) => SessionDoc.migrate(d))),
    programme: (id) => new ProgrammeDoc(load(programmeDocName(id), (d) => ProgrammeDoc.migrate(d))),
    change: (doc, fn) => Y.transact(doc, fn, IMPORT_ORIGIN),
  };
}
