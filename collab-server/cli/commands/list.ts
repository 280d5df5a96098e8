import { SESSION_KIND_LABELS } from '../../../core/index.ts';
import { withStore, type DataOption } from '../data-option.ts';

/** Programmes and their sessions, readable in a terminal; `--json` for scripts. */
export async function listCommand(
  opts: DataOption & { json?: boolean },
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    const programmes = store.records.listProgrammes().map((p) => ({
      ...p,
      sessions: store.records.listSessions(p.id),
    }));
    if (opts.json) {
      out(JSON.stringify(programmes, null, 2));
      return;
    }
    if (programmes.length === 0) {
      out('No programmes yet. Try `cohear demo` or `cohear import FILE`.');
      return;
    }
    for (const p of programmes) {
      out(
        `${p.id}  ${p.title} (${p.organisation}): ${p.sessionCount} sessions, ${p.participantCount} participants`,
      );
      for (const s of p.sessions) {
        out(`  ${s.id}  ${s.date}  ${s.title}  [${SESSION_KIND_LABELS[s.kind]}, ${s.status}]`);
      }
    }
  });
}
