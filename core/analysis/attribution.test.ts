import { describe, expect, it } from 'vitest';
import { capturedNote, onBehalfFields, type ReflectCard } from '../model/index.ts';
import {
  attributionLabel,
  contributorsPhrase,
  countContributors,
  outcomeSentence,
  reflectOutcomes,
  themeStatements,
} from './index.ts';

const capture = (on: Parameters<typeof onBehalfFields>[0]) =>
  capturedNote({ text: 'x', facilitator: 'Sam', ...onBehalfFields(on) });

describe('attribution', () => {
  it("counts the group's contribution as the group's, never as from 0 people", () => {
    const group = countContributors([capture({ type: 'group' }), capture({ type: 'group' })]);
    expect(contributorsPhrase(group)).toBe('from the group');
    const mixed = countContributors([
      capture({ type: 'participant', participantId: 'p1' }),
      capture({ type: 'participant', participantId: 'p1' }),
      capture({ type: 'participant', participantId: 'p2' }),
      capture({ type: 'group' }),
      capture({ type: 'facilitator' }),
    ]);
    expect(mixed).toEqual({ people: 2, group: 1, facilitator: 1, unattributed: 0 });
    expect(contributorsPhrase(mixed)).toBe('from 2 people, the group and the facilitator');
    expect(contributorsPhrase({ people: 1, group: 0, facilitator: 0, unattributed: 0 })).toBe(
      'from 1 person',
    );
  });

  it('labels a note by descriptor, never by name', () => {
    expect(attributionLabel({ kind: 'participant', participantId: 'p1' }, 'a parent')).toBe(
      'a parent',
    );
    expect(attributionLabel({ kind: 'group' })).toBe('the group');
  });
});

describe('reflect-back outcomes', () => {
  const card = (over: Partial<ReflectCard>): ReflectCard => ({
    id: 'c1',
    text: 'Evening clinics',
    themeId: 't1',
    polarity: 'want',
    order: 0,
    votes: { p1: 'agree', p2: 'not-quite' },
    comments: [],
    ...over,
  });

  it('leaves out drafts and carries the amended wording with its time', () => {
    const out = reflectOutcomes(
      [
        card({ id: 'c0', stage: 'draft' }),
        card({
          id: 'c1',
          order: 1,
          stage: 'revealed',
          decision: {
            outcome: 'amended',
            wording: 'Evening and weekend clinics',
            at: '2026-04-16T10:00:00.000Z',
          },
        }),
        card({ id: 'c2', order: 2, stage: 'sent' }),
      ],
      [{ id: 't1', name: 'Access' }],
    );
    expect(out.map((o) => o.cardId)).toEqual(['c1', 'c2']);
    expect(out[0]).toMatchObject({
      outcome: 'amended',
      finalWording: 'Evening and weekend clinics',
      theme: 'Access',
      votes: { agree: 1, notQuite: 1, disagree: 0 },
    });
    expect(outcomeSentence(out[0]!, () => '16 April 2026')).toBe(
      'Amended with the group on 16 April 2026',
    );
    expect(outcomeSentence(out[1]!, () => '')).toBe('No decision recorded');
  });
});

describe('theme statements for a card', () => {
  it('offers the words most often said first, without hidden or withdrawn notes', () => {
    const n = (text: string, over: object = {}) => ({
      ...capturedNote({ text, facilitator: 'S', themeIds: ['t1'], polarity: 'want' }),
      ...over,
    });
    expect(
      themeStatements(
        [
          n('Evening clinics'),
          n('Parking'),
          n('evening  clinics'),
          n('Secret', { hidden: true }),
          n('Other theme', { themeIds: ['t2'] }),
        ],
        't1',
        'want',
      ),
    ).toEqual(['Evening clinics', 'Parking']);
  });
});
