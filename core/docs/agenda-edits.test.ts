import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AgendaStep } from '../model/index.ts';
import { SessionDoc } from './index.ts';

const step = (id: string, title = `Step ${id}`): AgendaStep => ({
  id,
  title,
  minutes: 10,
  type: 'free',
  description: '',
});

/** Two peers that start from the same state and exchange every update afterwards. */
function twoPeers(steps: AgendaStep[]): [SessionDoc, SessionDoc, () => void] {
  const a = SessionDoc.create({ agenda: steps });
  const bDoc = new Y.Doc();
  Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(a.doc));
  const b = new SessionDoc(bDoc);
  const sync = () => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
  };
  return [a, b, sync];
}

const titles = (d: SessionDoc) => d.agenda().map((s) => s.title);

describe('agenda edits', () => {
  it('keeps both edits when two facilitators change different steps at once', () => {
    const [a, b, sync] = twoPeers([step('1'), step('2'), step('3'), step('4')]);
    a.updateStep(step('2', 'Access: waiting times'));
    b.updateStep(step('4', 'How will you tell us we got it right?'));
    b.insertStep(step('5', 'Close'), 4);
    sync();
    const expected = [
      'Step 1',
      'Access: waiting times',
      'Step 3',
      'How will you tell us we got it right?',
      'Close',
    ];
    expect(titles(a)).toEqual(expected);
    expect(titles(b)).toEqual(expected);
  });

  it('shows a step edited by both at once only once, the same on both sides', () => {
    const [a, b, sync] = twoPeers([step('1'), step('2')]);
    a.updateStep(step('2', 'From A'));
    b.updateStep(step('2', 'From B'));
    sync();
    expect(a.agenda()).toHaveLength(2);
    expect(titles(a)).toEqual(titles(b));
  });

  it('moves, inserts and removes by position in the agenda as read', () => {
    const d = SessionDoc.create({ agenda: [step('1'), step('2'), step('3')] });
    d.moveStep('3', 0);
    expect(d.agenda().map((s) => s.id)).toEqual(['3', '1', '2']);
    d.moveStep('3', 5);
    expect(d.agenda().map((s) => s.id)).toEqual(['1', '2', '3']);
    d.insertStep(step('x'), 1);
    expect(d.agenda().map((s) => s.id)).toEqual(['1', 'x', '2', '3']);
    d.setCurrentStep('x');
    d.removeStep('x');
    expect(d.agenda().map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(d.currentStepId()).toBeNull();
    expect(() => d.updateStep(step('nope'))).toThrow(/no step nope/);
    expect(() => d.insertStep(step('1'), 0)).toThrow(/already/);
  });

  it("gives a removed step's notes another step instead of losing them", () => {
    const d = SessionDoc.create({ agenda: [step('1'), step('2')] });
    d.notes.put({
      id: 'n1',
      text: 'A phone number that works.',
      kind: 'comment',
      stepId: '2',
      author: { type: 'participant', participantId: 'p1' },
      createdAt: '2026-03-03T10:31:00.000Z',
      polarity: 'want',
      themeIds: [],
      quotable: false,
      hidden: false,
      shared: false,
      withdrawn: false,
    });
    expect(d.moveStepNotes('2', '1')).toBe(1);
    d.removeStep('2');
    expect(d.notes.get('n1')?.stepId).toBe('1');
  });
});
