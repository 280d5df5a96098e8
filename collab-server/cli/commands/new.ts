import { newProgrammeSchema, programmeFromTemplate } from '../../../core/index.ts';
import { importSnapshot } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';

export interface NewOptions extends DataOption {
  template: string;
  title: string;
  organisation: string;
  commissioner?: string;
  region?: string;
  start: string;
  cohort?: string[];
}

/** `cohear new`: a programme planned from a template, ready to run; prints its id. */
export async function newCommand(
  opts: NewOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const request = newProgrammeSchema.parse({
    template: opts.template,
    title: opts.title,
    organisation: opts.organisation,
    ...(opts.commissioner ? { commissioner: opts.commissioner } : {}),
    ...(opts.region ? { region: opts.region } : {}),
    startDate: opts.start,
    ...(opts.cohort?.length ? { cohorts: opts.cohort } : {}),
  });
  const { template, ...details } = request;
  const snapshot = programmeFromTemplate(template, details);
  await withStore(opts, (store) => importSnapshot(store, snapshot, 'cli:new'));
  err(`Created "${snapshot.programme.title}" with ${snapshot.sessions.length} sessions.`);
  out(snapshot.programme.id);
}
