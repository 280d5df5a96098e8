import type { ExportView } from '../../core/analysis/index.ts';
import { buildKeyThemeTable } from '../../core/analysis/index.ts';
import { formatDate } from '../common/report-date.ts';
import { PageOrientation } from 'docx';
import { LANDSCAPE_TEXT_WIDTH_TWIPS, heading, para } from './blocks.ts';
import { packDocument } from './document.ts';
import { keyThemeTableBlock } from './programme-findings.ts';

/**
 * The key theme table alone, as a Word document on landscape pages: the two statement columns
 * get half as much room again, so a theme's row (kept whole on one page) is far shorter and the
 * table does not leave most of each page blank.
 */
export async function keyThemeDocx(
  view: ExportView,
  options: { sessionId?: string; date: Date },
): Promise<Buffer> {
  const table = buildKeyThemeTable(view, { sessionId: options.sessionId });
  const scope = options.sessionId
    ? (view.sessions.get(options.sessionId)?.session.title ?? options.sessionId)
    : view.snapshot.programme.title;
  const title = `Key theme table: ${scope}`;
  return packDocument(
    { title, subject: 'Key theme table', description: title, date: options.date },
    [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          heading(title, 1),
          para(
            `${table.totalNotes} notes, ${table.rows.length} themes, as of ${formatDate(options.date)}. Notes that say the same are one statement; a statement the group made together counts as the group's, not as any one person's.`,
          ),
          keyThemeTableBlock(view, table, {
            sessionId: options.sessionId,
            width: LANDSCAPE_TEXT_WIDTH_TWIPS,
          }),
        ],
      },
    ],
  );
}
