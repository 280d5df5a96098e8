import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { programmeSnapshotSchema } from '../snapshot/snapshot.ts';
import { reIdSnapshot } from '../snapshot/re-id.ts';
import { decodeText } from './decode.ts';
import { LEGACY_DEMOGRAPHIC_FIELDS } from '../model/index.ts';
import { mapAnswer } from './demographic-categories.ts';
import { ImportError } from './problems.ts';
import {
  guessRegistrationColumns,
  planRegistrations,
  readRegistrations,
  registrationTargets,
} from './registrations.ts';
import { stableId } from './stable-id.ts';
import { stepAt, stepTimeline } from './step-timeline.ts';
import { tableFromCsv } from './table.ts';
import {
  parsePlainTranscript,
  parseTeamsDocxText,
  parseVtt,
  parseTime,
} from './transcript-parse.ts';
import { planTranscript, splitText } from './transcript-plan.ts';

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    return err.problems.length > 0
      ? err.problems.map((p) => `${p.where}: ${p.message}`)
      : [err.message];
  }
  throw new Error('expected the input to be refused');
};

describe('transcripts', () => {
  it('reads Teams voice spans, merging one speaker’s consecutive cues into a turn', () => {
    const turns = parseVtt(
      'WEBVTT\n\nid-1\n00:00:01.000 --> 00:00:02.000\n<v Speaker One>First half</v>\n\nid-2\n00:00:02.000 --> 00:00:03.000\n<v Speaker One>second half.</v>\n\n00:01:00.500 --> 00:01:02.000\n<v Speaker Two>Reply &amp; more.</v>\n',
    );
    expect(turns).toEqual([
      { speaker: 'Speaker One', startMs: 1000, text: 'First half second half.', line: 4 },
      { speaker: 'Speaker Two', startMs: 60500, text: 'Reply & more.', line: 11 },
    ]);
  });

  it('names the line of a malformed cue and a timing that is not a time', () => {
    expect(problemsOf(() => parseVtt('WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nWords\n'))).toEqual([
      'line 3: a cue needs a timing line such as "00:00:01.000 --> 00:00:04.000"; found "00:00:01.000 -> 00:00:02.000"',
    ]);
    expect(
      problemsOf(() => parseVtt('WEBVTT\n\n00:00:99.000 --> 00:01:02.000\nA: Words\n'))[0],
    ).toMatch(/^line 3: /);
    expect(problemsOf(() => parseVtt('Hello\n'))[0]).toMatch(/^line 1: /);
  });

  it('reads "Speaker: words" with continuation lines and optional times, refusing a first line without a speaker', () => {
    expect(parsePlainTranscript('[00:01:02] One: Hello\nand more\nTwo: Hi')).toEqual([
      { speaker: 'One', startMs: 62000, text: 'Hello\nand more', line: 1 },
      { speaker: 'Two', startMs: null, text: 'Hi', line: 3 },
    ]);
    expect(problemsOf(() => parsePlainTranscript('no speaker here'))[0]).toMatch(
      /^line 1: expected "Speaker: words"/,
    );
  });

  it('reads the text of a Teams .docx in both layouts', () => {
    expect(
      parseTeamsDocxText('Meeting title\nOne   0:03\nHello there\nTwo   1:02:03\nHi').map((t) => [
        t.speaker,
        t.startMs,
      ]),
    ).toEqual([
      ['One', 3000],
      ['Two', 3723000],
    ]);
    expect(
      parseTeamsDocxText('0:0:1.5 --> 0:0:3.0\nOne\nHello').map((t) => [
        t.speaker,
        t.startMs,
        t.text,
      ]),
    ).toEqual([['One', 1500, 'Hello']]);
    expect(parseTime('61:00')).toBe(3660000);
  });

  it('decodes UTF-16 with a byte-order mark, refuses empty and invalid text naming the line', () => {
    const text = 'WEBVTT\r\n\r\nhé';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodeText('t.vtt', le)).toBe('WEBVTT\n\nhé');
    expect(problemsOf(() => decodeText('t.vtt', new Uint8Array()))).toEqual([
      't.vtt is empty. Nothing was imported.',
    ]);
    expect(
      problemsOf(() => decodeText('t.txt', new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x0a]))),
    ).toEqual(['line 2: not valid utf-8 text']);
    // UTF-16 without its mark is refused, not read as UTF-8 full of NULs.
    const bare = le.subarray(2);
    expect(problemsOf(() => decodeText('t.vtt', bare))[0]).toMatch(
      /^line 1: holds a NUL byte: it may be UTF-16 saved without a byte-order mark/,
    );
    // A big-endian mark is read too.
    const be = new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x0a, 0, 0x62]);
    expect(decodeText('t.txt', be)).toBe('a\nb');
  });

  it('plans notes by speaker without names, stories when long, the step current at the time, same ids twice', () => {
    const turns = parseVtt(
      `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Named Person>${'word '.repeat(150)}</v>\n\n00:10:00.000 --> 00:10:02.000\n<v Host>Question?</v>\n`,
    );
    const ctx = {
      sessionId: 's1',
      agenda: [
        { id: 'a', type: 'free', title: 'A', minutes: 5, description: '' },
        { id: 'b', type: 'free', title: 'B', minutes: 5, description: '' },
      ] as const,
      timeline: stepTimeline(
        [{ id: 'a' }, { id: 'b' }] as never,
        [
          { stepId: 'a', at: '2026-03-03T18:00:00.000Z' },
          { stepId: 'b', at: '2026-03-03T18:05:00.000Z' },
        ],
        [],
      ),
      participants: [{ id: 'p1', descriptor: 'Parent 1' }],
    };
    const options = {
      speakers: {
        'Named Person': { kind: 'new', descriptor: 'parent 1' },
        Host: { kind: 'facilitator' },
      } as const,
      step: { mode: 'timeline' } as const,
      recordingStartedAt: '2026-03-03T18:00:00.000Z',
    };
    const plan = planTranscript(turns, options, { ...ctx, agenda: [...ctx.agenda] });
    expect(plan.newParticipants).toEqual([]);
    expect(plan.notes.map((n) => [n.kind, n.stepId, n.hidden, n.author])).toEqual([
      [
        'story',
        'a',
        false,
        { type: 'facilitator', facilitator: 'Transcript import', capturedFor: 'p1' },
      ],
      [
        'comment',
        'b',
        true,
        { type: 'facilitator', facilitator: 'Facilitator', capturedFor: null },
      ],
    ]);
    expect(JSON.stringify(plan)).not.toContain('Named Person');
    expect(
      planTranscript(turns, options, { ...ctx, agenda: [...ctx.agenda] }).notes.map((n) => n.id),
    ).toEqual(plan.notes.map((n) => n.id));
    expect(stepAt(ctx.timeline, '2026-03-03T17:59:00.000Z')).toBe('a');
  });

  it('splits a turn longer than a note at sentence ends', () => {
    const parts = splitText(`${'a'.repeat(3000)}. ${'b'.repeat(3000)}.`, 4000);
    expect(parts.map((p) => p.length)).toEqual([3001, 3001]);
  });
});

describe('attendee lists', () => {
  const csv =
    'Order #,First Name,Surname,Email,Ticket Type,Checked In,Gender,Age\n1,A,B,a@example.org,Parents,Yes,Female,38\n2,C,D,A@EXAMPLE.ORG,Parents,No,Martian,90\n';
  it('guesses the columns event tools use, ticket type as cohort', () => {
    expect(guessRegistrationColumns(tableFromCsv('x.csv', csv).headers)).toEqual([
      'ignore',
      'first-name',
      'last-name',
      'email',
      'cohort',
      'checked-in',
      'gender',
      'ageBand',
    ]);
  });
  it('merges a repeated email, maps answers onto the categories and warns of the rest', () => {
    const table = tableFromCsv('x.csv', csv);
    const { rows, warnings } = readRegistrations(
      table,
      { mapping: guessRegistrationColumns(table.headers), cohort: null },
      registrationTargets(),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.demographics).toEqual({ gender: 'woman', ageBand: '35-44' });
    expect(warnings.map((w) => w.where)).toEqual(['cell G3', 'row 3']);
    const plan = planRegistrations(rows, [], 's1', () => 'p-new');
    expect(plan.create[0]!.descriptor).toBe('Parents 1');
    const again = planRegistrations(
      rows,
      [{ ...plan.create[0]!, contact: plan.create[0]!.contact }],
      's1',
    );
    expect(again).toEqual({ create: [], update: [], unchanged: 1 });
  });
  it('maps answers through the programme’s categories', () => {
    const value = (id: string, a: string) => {
      const m = mapAnswer(
        LEGACY_DEMOGRAPHIC_FIELDS.find((f) => f.id === id)!,
        a,
      );
      return m.kind === 'value' ? m.value : null;
    };
    expect(value('ethnicity', 'White - British')).toBe('white');
    expect(value('ageBand', '75+')).toBe('75-plus');
    expect(value('gender', 'Rather not say')).toBe('prefer-not-to-say');
    expect(value('gender', 'Purple')).toBeNull();
  });
});

describe('programme files from elsewhere', () => {
  it('gives clashing session and participant ids fresh ones and keeps every reference valid', () => {
    const demo = makeDemoProgramme();
    const { snapshot, renamed } = reIdSnapshot(demo, {
      session: () => true,
      participant: () => true,
    });
    expect(renamed).toEqual({
      sessions: demo.sessions.length,
      participants: demo.participants.length,
    });
    expect(programmeSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(reIdSnapshot(demo, { session: () => false, participant: () => false }).snapshot).toBe(
      demo,
    );
  });
  it('makes the same id from the same parts', () => {
    expect(stableId('t', ['a', 'b'])).toBe(stableId('t', ['a', 'b']));
    expect(stableId('t', ['a', 'b'])).not.toBe(stableId('t', ['ab', '']));
  });
});
