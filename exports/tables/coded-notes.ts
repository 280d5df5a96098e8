import type { ExportView } from '../../core/analysis/index.ts';
import { buildKeyThemeTable, isQuotable } from '../../core/analysis/index.ts';
import { POLARITY_LABELS, stepQuestions } from '../../core/index.ts';
import type { CsvCell } from './csv.ts';

export const CODED_NOTES_HEADER = [
  'Note id',
  'Session',
  'Session date',
  'Agenda step',
  'Question',
  'Cohort',
  'Participant',
  'Kind',
  'Polarity',
  'Themes',
  'Quotable',
  'Text',
  'Created at',
] as const;

/**
 * The anonymised coded notes, one row each: participants appear only by descriptor (the same
 * one the reports use), never by name, and text is already redacted by the view.
 */
export function codedNoteCells(view: ExportView): CsvCell[][] {
  const paths = new Map(
    buildKeyThemeTable(view, { skipEmpty: false }).rows.map((r) => [r.theme.id, r.path]),
  );
  return view.notes.map((v) => {
    const rec = view.sessions.get(v.session.id);
    const step = rec?.agenda.find((s) => s.id === v.note.stepId) ?? null;
    const questions = step ? stepQuestions(step, rec?.persona ?? null) : [];
    return [
      v.note.id,
      v.session.title,
      v.session.date,
      step?.title ?? '',
      questions.join(' / '),
      v.cohort,
      v.participant?.descriptor ?? 'Facilitator note',
      v.note.kind,
      POLARITY_LABELS[v.note.polarity],
      v.note.themeIds.map((id) => paths.get(id) ?? id).join('; '),
      isQuotable(v) ? 'yes' : 'no',
      v.text,
      v.note.createdAt,
    ];
  });
}
