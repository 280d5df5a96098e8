import type { ExportView } from '../../core/analysis/index.ts';
import { buildKeyThemeTable } from '../../core/analysis/index.ts';
import { formatDate } from '../common/report-date.ts';
import { heading, para } from './blocks.ts';
import { packDocument } from './document.ts';
import { keyThemeTableBlock } from './programme-findings.ts';

/** The key theme table alone, as a Word document in landscape-friendly columns. */
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
        children: [
          heading(title, 1),
          para(
            `${table.totalNotes} notes, ${table.rows.length} themes, as of ${formatDate(options.date)}. Notes that say the same are one statement; a statement the group made together counts as the group's, not as any one person's.`,
          ),
          keyThemeTableBlock(view, table, { sessionId: options.sessionId }),
        ],
      },
    ],
  );
}
