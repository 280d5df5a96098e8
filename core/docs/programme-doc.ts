import * as Y from 'yjs';
import {
  actionSchema,
  recommendationSchema,
  themeSchema,
  type Action,
  type Recommendation,
  type Theme,
} from '../model/index.ts';
import { EntryMap } from './entry-map.ts';
import { checkMigrationSequence, migrateDoc, type DocMigration } from './migrations.ts';

/** Owner of the `programme/<id>` document: codebook, recommendations, "you said, we did". */
const THEMES = 'themes';
const RECOMMENDATIONS = 'recommendations';
const ACTIONS = 'actions';
/**
 * A counter the server bumps whenever the programme's SQLite records (details, sessions) change,
 * so every open app reloads them at once: the records are not in the document, but everyone who
 * needs to hear of a change already listens to it.
 */
const RECORDS = 'records';
const RECORDS_VERSION = 'version';

export const PROGRAMME_DOC_MIGRATIONS: readonly DocMigration[] = [
  {
    version: 1,
    name: 'create-codebook-recommendations-actions',
    // Root-level types merge by name, so creating them is safe even if two peers do it.
    up: (doc) => {
      doc.getMap(THEMES);
      doc.getMap(RECOMMENDATIONS);
      doc.getMap(ACTIONS);
    },
  },
];
export const PROGRAMME_DOC_VERSION = checkMigrationSequence('programme', PROGRAMME_DOC_MIGRATIONS);

export const programmeDocName = (programmeId: string) => `programme/${programmeId}`;

export interface ProgrammeContent {
  codebook: Theme[];
  recommendations: Recommendation[];
  actions: Action[];
}

export class ProgrammeDoc {
  readonly themes: EntryMap<typeof themeSchema>;
  readonly recommendations: EntryMap<typeof recommendationSchema>;
  readonly actions: EntryMap<typeof actionSchema>;

  /** Wraps an existing document without changing it. */
  constructor(readonly doc: Y.Doc) {
    this.themes = new EntryMap(doc.getMap(THEMES), themeSchema);
    this.recommendations = new EntryMap(doc.getMap(RECOMMENDATIONS), recommendationSchema);
    this.actions = new EntryMap(doc.getMap(ACTIONS), actionSchema);
  }

  /** Brings a loaded document to the current schema (server side only). */
  static migrate(doc: Y.Doc): string[] {
    return migrateDoc('programme', doc, PROGRAMME_DOC_MIGRATIONS);
  }

  static create(content?: ProgrammeContent): ProgrammeDoc {
    const doc = new Y.Doc();
    ProgrammeDoc.migrate(doc);
    const p = new ProgrammeDoc(doc);
    if (content) p.write(content);
    return p;
  }

  /** Writes the whole content in one transaction (import, templates). */
  write(content: ProgrammeContent): void {
    this.doc.transact(() => {
      for (const t of content.codebook) this.themes.put(t);
      for (const r of content.recommendations) this.recommendations.put(r);
      for (const a of content.actions) this.actions.put(a);
    });
  }

  read(): ProgrammeContent {
    return {
      codebook: this.themes.all(),
      recommendations: this.recommendations.all(),
      actions: this.actions.all(),
    };
  }

  /** How many times the programme's records have changed (see RECORDS); 0 for a new document. */
  recordsVersion(): number {
    const v = this.doc.getMap(RECORDS).get(RECORDS_VERSION);
    return typeof v === 'number' ? v : 0;
  }

  /** Server side: says that the records changed, so open apps read them again. */
  markRecordsChanged(): void {
    this.doc.getMap(RECORDS).set(RECORDS_VERSION, this.recordsVersion() + 1);
  }

  /** Adds or replaces an action ("you said, we did"); validated, only changed fields written. */
  saveAction(action: Action): Action {
    return this.actions.put(action);
  }

  removeAction(id: string): boolean {
    return this.actions.remove(id);
  }

  /** Recommendations in the order the facilitator set (ties by id, as the programme file sorts). */
  orderedRecommendations(): Recommendation[] {
    return this.recommendations
      .all()
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Adds a recommendation at the end of the list. */
  addRecommendation(rec: Omit<Recommendation, 'order'>): Recommendation {
    const last = this.orderedRecommendations().at(-1);
    return this.recommendations.put({ ...rec, order: last ? last.order + 1 : 0 });
  }

  saveRecommendation(rec: Recommendation): Recommendation {
    return this.recommendations.put(rec);
  }

  /** Removes a recommendation; the others keep their order. */
  removeRecommendation(id: string): boolean {
    return this.recommendations.remove(id);
  }

  /**
   * Puts recommendations in the order given (ids not listed keep their place after them), in one
   * transaction, writing only the orders that changed: two facilitators reordering at once each
   * touch few keys, and the list read back is always a total order.
   */
  reorderRecommendations(ids: readonly string[]): void {
    const current = this.orderedRecommendations();
    const listed = ids.filter((id) => current.some((r) => r.id === id));
    const rest = current.filter((r) => !listed.includes(r.id)).map((r) => r.id);
    this.doc.transact(() => {
      [...listed, ...rest].forEach((id, order) => {
        if (this.recommendations.get(id)?.order !== order)
          this.recommendations.patch(id, { order });
      });
    });
  }

  /** Calls back after any change to the codebook, recommendations or actions. */
  observe(callback: (origin: unknown) => void): () => void {
    const maps = [this.themes.map, this.recommendations.map, this.actions.map];
    const handler = (_events: unknown, tr: Y.Transaction) => callback(tr.origin);
    for (const m of maps) m.observeDeep(handler);
    return () => maps.forEach((m) => m.unobserveDeep(handler));
  }
}
