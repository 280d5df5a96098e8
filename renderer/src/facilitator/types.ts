export type { Programme, ProgrammeSummary, Session } from '../../../core/index.ts';
