import type Database from 'better-sqlite3';
import { cohortSchema, type Cohort } from '../../core/index.ts';

/** The cohorts a facilitator named for a programme, each with the word its people are called by. */
export class CohortsTable {
  constructor(private readonly db: Database.Database) {}

  list(programmeId: string): Cohort[] {
    return this.db
      .prepare('SELECT name, descriptor FROM cohorts WHERE programme_id = ? ORDER BY name')
      .all(programmeId) as Cohort[];
  }

  /** Adds a cohort, or changes the descriptor word of one with the same name. */
  put(programmeId: string, cohort: Cohort): void {
    const v = cohortSchema.parse(cohort);
    this.db
      .prepare(
        `INSERT INTO cohorts (programme_id, name, descriptor) VALUES (?, ?, ?)
         ON CONFLICT(programme_id, name) DO UPDATE SET descriptor = excluded.descriptor`,
      )
      .run(programmeId, v.name, v.descriptor);
  }
}
