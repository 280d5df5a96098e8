import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from './demo-programme.ts';
import { programmeSnapshotSchema } from '../snapshot/snapshot.ts';

describe('demo programme', () => {
  const demo = makeDemoProgramme();

  it('is a valid snapshot, the same every time', () => {
    expect(programmeSnapshotSchema.safeParse(demo).success).toBe(true);
    expect(makeDemoProgramme()).toEqual(demo);
  });

  it('has what a new user should see: three focus-group cohorts, a walkthrough, 30+ people, 150+ tagged notes', () => {
    const groups = demo.sessions.filter((s) => s.session.kind === 'focus-group');
    expect(new Set(groups.map((g) => g.session.cohort)).size).toBe(3);
    expect(demo.sessions.some((s) => s.session.kind === 'persona-walkthrough' && s.persona)).toBe(
      true,
    );
    expect(demo.participants.length).toBeGreaterThanOrEqual(30);
    const notes = demo.sessions.flatMap((s) => s.notes);
    expect(notes.length).toBeGreaterThanOrEqual(150);
    expect(notes.every((n) => n.themeIds.length > 0)).toBe(true);
    expect(new Set(notes.map((n) => n.polarity))).toEqual(
      new Set(['want', 'do-not-want', 'neutral']),
    );
    expect(demo.actions.length).toBeGreaterThan(0);
  });

  it('shows registered and attended differing in both directions', () => {
    const attended = (id: string) =>
      demo.participants.filter((p) => p.attendance.some((a) => a.sessionId === id && a.attended))
        .length;
    const diffs = demo.sessions.map((s) => attended(s.session.id) - s.session.registeredCount);
    expect(diffs.some((d) => d > 0)).toBe(true);
    expect(diffs.some((d) => d < 0)).toBe(true);
  });

  it('scales to the benchmark size', () => {
    const big = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
    expect(big.sessions).toHaveLength(5);
    expect(big.codebook).toHaveLength(40);
    expect(big.sessions.flatMap((s) => s.notes)).toHaveLength(2000);
  });
});
