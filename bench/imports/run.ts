/**
 * Imports end to end as the CLI and the server run them (read the file, plan, apply in one
 * transaction to a real SQLite store): a three-hour transcript of 2,000 turns (goal 2 s) and an
 * attendee list of 1,000 rows (goal 1 s). Each is run into a fresh copy of the demo programme,
 * several times; the median and the slowest are reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDemoProgramme } from '../../core/index.ts';
import {
  importRegistrations,
  importTranscript,
  storeDocAccess,
} from '../../collab-server/imports/index.ts';
import { Store, importSnapshot } from '../../collab-server/store/index.ts';
import { percentile, writeBenchSection } from '../report.ts';

const RUNS = 5;
const WORDS =
  'the appointment letter came late and nobody called back about the physio referral so I rang again'.split(
    ' ',
  );

/** A WebVTT transcript of `turns` turns by eight made-up speakers over three hours. */
function transcript(turns: number): {
  text: string;
  speakers: Record<string, { kind: 'new'; descriptor: string }>;
} {
  const names = Array.from({ length: 8 }, (_, i) => `Speaker ${String.fromCharCode(65 + i)}`);
  const lines = ['WEBVTT', ''];
  const step = Math.floor((3 * 3600 * 1000) / turns);
  const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);
  for (let i = 0; i < turns; i++) {
    const words = Array.from(
      { length: 20 + (i % 60) },
      (_, w) => WORDS[(i * 7 + w) % WORDS.length],
    ).join(' ');
    lines.push(
      `${time(i * step)} --> ${time(i * step + step - 10)}`,
      `<v ${names[i % 8]}>${words}.</v>`,
      '',
    );
  }
  return {
    text: lines.join('\n'),
    speakers: Object.fromEntries(
      names.map((n, i) => [n, { kind: 'new', descriptor: `Bench speaker ${i + 1}` }]),
    ),
  };
}

function attendees(rows: number): string {
  const out = ['First Name,Surname,Email,Ticket Type,Checked In,Gender,Age band,Ethnic group,Town'];
  for (let i = 0; i < rows; i++)
    out.push(
      `Given${i},Family${i},person${i}@example.org,${['Residents', 'Parents and carers', 'Gig-economy workers'][i % 3]},${i % 2 ? 'Yes' : 'No'},${['Female', 'Male', 'Prefer not to say'][i % 3]},${20 + (i % 60)},White British,Town ${i % 12}`,
    );
  return `${out.join('\n')}\n`;
}

async function timeRuns(fn: (store: Store) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-bench-imports-'));
    const store = Store.openFolder(dir);
    importSnapshot(store, makeDemoProgramme());
    const t0 = performance.now();
    await fn(store);
    times.push(performance.now() - t0);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

const demo = makeDemoProgramme();
const programmeId = demo.programme.id;
const sessionId = demo.sessions[0]!.session.id;
const t = transcript(2000);
const transcriptTimes = await timeRuns((store) =>
  importTranscript(
    storeDocAccess(store),
    {
      programmeId,
      sessionId,
      fileName: 'bench.vtt',
      bytes: new TextEncoder().encode(t.text),
      speakers: t.speakers,
      step: { mode: 'step', stepId: null },
      consentGiven: true,
    },
    'bench',
  ),
);
const list = attendees(1000);
const registrationTimes = await timeRuns((store) =>
  importRegistrations(
    storeDocAccess(store),
    { programmeId, sessionId, fileName: 'bench.csv', bytes: new TextEncoder().encode(list) },
    'bench',
  ),
);

const row = (what: string, goal: number, times: number[]) =>
  `| ${what} | ${goal.toLocaleString('en-GB')} ms | ${Math.round(percentile(times, 50))} ms | ${Math.round(Math.max(...times))} ms |`;
const md = `## Imports (\`npm run bench:imports\`)

Read, planned and applied in one transaction to a real SQLite file holding the demo programme,
as \`cohear import-transcript\` and \`cohear import-registrations\` do; ${RUNS} runs each, a fresh
data folder every run. Load average when it finished: ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')} on ${os.cpus().length} cores (other work on the machine slows every figure).

| import | goal | median | slowest |
|---|---|---|---|
${row(`WebVTT transcript, 2,000 turns by 8 speakers (${Math.round(t.text.length / 1024)} kB)`, 2000, transcriptTimes)}
${row(`attendee list CSV, 1,000 rows (${Math.round(list.length / 1024)} kB)`, 1000, registrationTimes)}`;
writeBenchSection('imports', md);
console.log(md);
