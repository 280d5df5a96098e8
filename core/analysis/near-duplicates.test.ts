import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { SessionDoc } from '../docs/session-doc.ts';
import type { Note } from '../model/index.ts';
import { boardNotes } from './board.ts';
import {
  findNearDuplicates,
  mergeNotes,
  normaliseStatement,
  saidBy,
  unmergeNote,
  withMergedNotes,
} from './near-duplicates.ts';

function note(
  id: string,
  text: string,
  participantId: string | null,
  at = '2026-03-01T10:00:00.000Z',
): Note {
  return {
    id,
    text,
    kind: 'comment',
    stepId: null,
    author: participantId
      ? { type: 'participant', participantId }
      : { type: 'facilitator', facilitator: 'F', capturedFor: null },
    createdAt: at,
    polarity: 'neutral',
    themeIds: [],
    quotable: false,
    hidden: false,
    shared: false,
    withdrawn: false,
  };
}

describe('near-duplicates', () => {
  it('groups identical and near-identical notes and nothing else', () => {
    const notes = [
      note('a', 'Evening clinics, please!', 'p1'),
      note('b', 'evening clinics please', 'p2'),
      note('c', 'Please could we have evening clinics', 'p3'),
      note('d', 'Parking is impossible at the hospital', 'p1'),
      note('e', 'Evening clinics please, workers', 'p4'),
    ];
    const groups = findNearDuplicates(notes);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.noteIds.sort()).toEqual(['a', 'b', 'e']);
    expect(normaliseStatement(' Don’t  wait! ')).toBe('dont wait');
  });

  it('finds the demo repeats the issue counted (43 of 62 texts said more than once)', () => {
    const demo = makeDemoProgramme();
    const all = demo.sessions.flatMap((s) => s.notes);
    const groups = findNearDuplicates(all, { threshold: 1 });
    const exact = new Map<string, number>();
    for (const n of all.filter((x) => !x.hidden))
      exact.set(normaliseStatement(n.text), (exact.get(normaliseStatement(n.text)) ?? 0) + 1);
    expect(groups.length).toBe([...exact.values()].filter((c) => c > 1).length);
    expect(findNearDuplicates(all).length).toBeLessThanOrEqual(groups.length);
  });

  it('merges into one statement that keeps who said it, across sessions, and can be undone', () => {
    const s1 = SessionDoc.create({
      notes: [
        { ...note('a', 'Evening clinics', 'p1'), themeIds: ['t1'], polarity: 'want' },
        note('b', 'evening clinics!', null),
      ],
    });
    const s2 = SessionDoc.create({
      notes: [note('c', 'Evening clinics please', 'p2'), note('d', 'Evening clinics', 'p1')],
    });
    expect(mergeNotes([s1, s2], 'a', ['a', 'b', 'c', 'd'])).toBe(3);
    const all = [...s1.notes.all(), ...s2.notes.all()];
    const kept = all.find((n) => n.id === 'a')!;
    expect(saidBy(kept, all)).toEqual({ people: 2, notes: 4, unattributed: 1 });
    expect(s2.notes.get('c')).toMatchObject({
      mergedInto: 'a',
      themeIds: ['t1'],
      polarity: 'want',
    });
    expect(withMergedNotes(['a'], all).sort()).toEqual(['a', 'b', 'c', 'd']);
    const board = boardNotes([
      {
        session: { id: 's1', date: '2026-03-01', cohort: '' } as never,
        agenda: [],
        persona: null,
        notes: s1.notes.all(),
      },
      {
        session: { id: 's2', date: '2026-03-08', cohort: '' } as never,
        agenda: [],
        persona: null,
        notes: s2.notes.all(),
      },
    ]);
    expect(board.map((b) => [b.note.id, b.merged])).toEqual([['a', 3]]);
    // The kept note's author withdrew: the others show again rather than vanish with it.
    const erased = boardNotes([
      {
        session: { id: 's1', date: '2026-03-01', cohort: '' } as never,
        agenda: [],
        persona: null,
        notes: s1.notes.all().filter((n) => n.id !== 'a'),
      },
      {
        session: { id: 's2', date: '2026-03-08', cohort: '' } as never,
        agenda: [],
        persona: null,
        notes: s2.notes.all(),
      },
    ]);
    expect(erased.map((b) => b.id).sort()).toEqual(['b', 'c', 'd']);
    expect(unmergeNote([s1, s2], 'c')).toBe(true);
    expect(s2.notes.get('c')?.mergedInto).toBeNull();
  });
});
