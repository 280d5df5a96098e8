import * as Y from 'yjs';
import {
  REPORT_SECTIONS,
  emptyReportText,
  logoSchema,
  reportTextIsEmpty,
  reportTextSchema,
  type Logo,
  type ReportSection,
  type ReportText,
  actionSchema,
  recommendationSchema,
  themeSchema,
  type Action,
  type Recommendation,
  type Theme,
} from '../model/index.ts';
import { EntryMap } from './entry-map.ts';
import { ValueMap } from './value-map.ts';
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

/*
 * The report's own words. Root-level maps that Yjs creates by name on first use, so older
 * documents need no migration to gain them. Each section is one string key (the last writer of
 * a section wins, as in any form field); theme summaries are keyed by theme id so two people
 * writing about different themes both keep their words.
 */
const REPORT = 'report';
const REPORT_THEME_SUMMARIES = 'reportThemeSummaries';
const REPORT_LOGOS = 'reportLogos';

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
  /** Absent when nothing has been written, so a programme file without it reads back the same. */
  report?: ReportText;
}

export class ProgrammeDoc {
  readonly themes: EntryMap<typeof themeSchema>;
  readonly recommendations: EntryMap<typeof recommendationSchema>;
  readonly actions: EntryMap<typeof actionSchema>;
  readonly logos: ValueMap<typeof logoSchema>;

  /** Wraps an existing document without changing it. */
  constructor(readonly doc: Y.Doc) {
    this.themes = new EntryMap(doc.getMap(THEMES), themeSchema);
    this.recommendations = new EntryMap(doc.getMap(RECOMMENDATIONS), recommendationSchema);
    this.actions = new EntryMap(doc.getMap(ACTIONS), actionSchema);
    this.logos = new ValueMap(doc.getMap(REPORT_LOGOS), logoSchema);
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
      if (content.report) this.writeReport(content.report);
    });
  }

  read(): ProgrammeContent {
    const report = this.readReport();
    return {
      codebook: this.themes.all(),
      recommendations: this.recommendations.all(),
      actions: this.actions.all(),
      ...(reportTextIsEmpty(report) ? {} : { report }),
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

  /** The report's own words; empty strings where nothing was written. */
  readReport(): ReportText {
    const out = emptyReportText();
    const sections = this.doc.getMap(REPORT);
    for (const key of REPORT_SECTIONS) {
      const v = sections.get(key);
      if (typeof v === 'string') out[key] = v;
    }
    for (const [id, text] of this.doc.getMap(REPORT_THEME_SUMMARIES).entries()) {
      if (typeof text === 'string' && text.trim() !== '') out.themeSummaries[id] = text;
    }
    out.logos = this.logos.all().sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    // Validated as a whole so a value a broken client wrote cannot reach a report.
    const parsed = reportTextSchema.safeParse(out);
    return parsed.success ? parsed.data : emptyReportText();
  }

  /** Sets one section; an empty string removes it, so the report leaves the section out. */
  setReportSection(key: ReportSection, text: string): void {
    const value = reportTextSchema.shape[key].parse(text);
    const sections = this.doc.getMap(REPORT);
    if (value.trim() === '') {
      if (sections.has(key)) sections.delete(key);
    } else if (sections.get(key) !== value) sections.set(key, value);
  }

  /** Sets the facilitator's summary of one theme; empty removes it. */
  setThemeSummary(themeId: string, text: string): void {
    const parsed = reportTextSchema.shape.themeSummaries.parse({ [themeId]: text });
    const value = parsed[themeId] ?? '';
    const map = this.doc.getMap(REPORT_THEME_SUMMARIES);
    if (value.trim() === '') {
      if (map.has(themeId)) map.delete(themeId);
    } else if (map.get(themeId) !== value) map.set(themeId, value);
  }

  putLogo(logo: Logo): Logo {
    return this.logos.put(logo);
  }

  removeLogo(id: string): boolean {
    return this.logos.remove(id);
  }

  private writeReport(report: ReportText): void {
    const r = reportTextSchema.parse(report);
    for (const key of REPORT_SECTIONS) this.setReportSection(key, r[key]);
    for (const [id, text] of Object.entries(r.themeSummaries)) this.setThemeSummary(id, text);
    for (const logo of r.logos) this.logos.put(logo);
  }

  /** Calls back after any change to the report's words or logos. */
  observeReport(callback: (origin: unknown) => void): () => void {
    const maps = [
      this.doc.getMap(REPORT),
      this.doc.getMap(REPORT_THEME_SUMMARIES),
      this.doc.getMap(REPORT_LOGOS),
    ];
    const handler = (_events: unknown, tr: Y.Transaction) => callback(tr.origin);
    for (const m of maps) m.observeDeep(handler);
    return () => maps.forEach((m) => m.unobserveDeep(handler));
  }

  /** Calls back after any change to the codebook, recommendations or actions. */
  observe(callback: (origin: unknown) => void): () => void {
    const maps = [this.themes.map, this.recommendations.map, this.actions.map];
    const handler = (_events: unknown, tr: Y.Transaction) => callback(tr.origin);
    for (const m of maps) m.observeDeep(handler);
    return () => maps.forEach((m) => m.unobserveDeep(handler));
  }
}
