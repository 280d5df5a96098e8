import { makeDemoProgramme } from '../../../core/index.ts';
import { importSnapshot } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';

/** Creates the demo programme so a new user sees a full workspace at once; prints its id. */
export async function demoCommand(
  opts: DataOption,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const demo = makeDemoProgramme();
  await withStore(opts, (store) => {
    if (store.records.hasProgramme(demo.programme.id)) {
      err(`The demo programme is already in this data folder.`);
    } else {
      importSnapshot(store, demo, 'cli:demo');
      const notes = demo.sessions.reduce((n, s) => n + s.notes.length, 0);
      err(
        `Created "${demo.programme.title}": ${demo.sessions.length} sessions, ${demo.participants.length} participants, ${notes} notes, ${demo.codebook.length} themes.`,
      );
    }
  });
  out(demo.programme.id);
}
