import { describe, expect, it } from 'vitest';
import {
  addMinute,
  capturedNote,
  currentSpeaker,
  endTurn,
  newStepTimer,
  noteAttribution,
  onBehalfFields,
  pauseTimer,
  resetTimer,
  roundFinished,
  startStoryRound,
  startTimer,
  timerView,
  turnSecondsLeft,
} from './index.ts';

const T0 = Date.parse('2026-04-16T10:00:00.000Z');

describe('step timer', () => {
  it('counts down while running, holds while paused, and ends gently at zero', () => {
    let t = newStepTimer('s1', 5);
    expect(timerView(t, T0)).toMatchObject({ running: false, clock: '05:00', ended: false });
    t = startTimer(t, T0);
    expect(timerView(t, T0 + 30_500).clock).toBe('04:30');
    t = pauseTimer(t, T0 + 60_000);
    expect(timerView(t, T0 + 600_000)).toMatchObject({ running: false, clock: '04:00' });
    expect(timerView(t, T0).spoken).toBe('4 minutes left');
    t = addMinute(startTimer(t, T0 + 600_000));
    expect(timerView(t, T0 + 600_000).clock).toBe('05:00');
    expect(timerView(t, T0 + 900_000)).toMatchObject({
      ended: true,
      running: false,
      clock: '00:00',
      spoken: 'Time is up',
    });
    t = resetTimer(t);
    expect(timerView(t, T0 + 900_000)).toMatchObject({ running: false, clock: '06:00' });
    expect(timerView(resetTimer(t, 2), T0).clock).toBe('02:00');
  });

  it('starting a running timer or pausing a paused one changes nothing', () => {
    const t = startTimer(newStepTimer('s1', 1), T0);
    expect(startTimer(t, T0 + 5000)).toBe(t);
    const p = pauseTimer(t, T0 + 5000);
    expect(pauseTimer(p, T0 + 9000)).toBe(p);
  });
});

describe('story round', () => {
  it('goes through each person once, recording a story or a pass', () => {
    let r = startStoryRound('s1', ['p1', 'p2', 'p2', 'p3'], 120, T0);
    expect(r.order).toEqual(['p1', 'p2', 'p3']);
    expect(currentSpeaker(r)).toBe('p1');
    expect(turnSecondsLeft(r, T0 + 20_000)).toBe(100);
    r = endTurn(r, { outcome: 'told', noteId: 'n1' }, T0 + 100_000);
    r = endTurn(r, { outcome: 'passed' }, T0 + 110_000);
    expect(currentSpeaker(r)).toBe('p3');
    r = endTurn(r, { outcome: 'told', noteId: 'n3' }, T0 + 200_000);
    expect(roundFinished(r)).toBe(true);
    expect(r.turnStartedAt).toBeNull();
    expect(r.turns.map((t) => [t.participantId, t.outcome, t.noteId])).toEqual([
      ['p1', 'told', 'n1'],
      ['p2', 'passed', null],
      ['p3', 'told', 'n3'],
    ]);
    expect(() => endTurn(r, { outcome: 'passed' }, T0)).toThrow(/over/);
  });

  it('needs someone to speak', () => {
    expect(() => startStoryRound('s1', [], 120, T0)).toThrow(/at least one/);
  });
});

describe('capture on behalf', () => {
  it('attributes a capture to the participant, the group or the facilitator', () => {
    const forP = capturedNote({
      text: 'a',
      facilitator: 'Sam',
      ...onBehalfFields({ type: 'participant', participantId: 'p1' }),
    });
    const forGroup = capturedNote({
      text: 'b',
      facilitator: 'Sam',
      ...onBehalfFields({ type: 'group' }),
    });
    const own = capturedNote({
      text: 'c',
      facilitator: 'Sam',
      ...onBehalfFields({ type: 'facilitator' }),
    });
    expect(noteAttribution(forP)).toEqual({ kind: 'participant', participantId: 'p1' });
    expect(noteAttribution(forGroup)).toEqual({ kind: 'group' });
    expect(noteAttribution(own)).toEqual({ kind: 'facilitator', facilitator: 'Sam' });
    expect(noteAttribution(capturedNote({ text: 'd', facilitator: 'Sam' }))).toEqual({
      kind: 'unattributed',
    });
    expect('attribution' in forP).toBe(false);
  });
});
