export type { Programme, Session } from '../../../core/index.ts';

/** One row of the programme list (what GET /api/programmes returns). */
export interface ProgrammeSummary {
  id: string;
  title: string;
  organisation: string;
  sessionCount: number;
  participantCount: number;
}
