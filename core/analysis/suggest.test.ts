import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { boardNotes } from './board.ts';
import { evaluateSuggester, trainSuggester } from './suggest.ts';
import { makeGpAccessProgramme } from './suggest-fixture.ts';

describe('theme suggestions', () => {
  it('learns from tagged notes and never suggests a theme outside the codebook', () => {
    const demo = makeDemoProgramme();
    const notes = boardNotes(demo.sessions).map((b) => ({
      note: b.note,
      text: b.note.text,
      stepKey: b.stepKey,
    }));
    const ids = new Set(demo.codebook.map((t) => t.id));
    const s = trainSuggester(notes, ids);
    const one = notes.find((n) => n.note.themeIds.length > 0)!;
    const out = s.suggest({ text: one.text, stepKey: one.stepKey });
    expect(out.themes).toHaveLength(3);
    expect(out.themes.every((t) => ids.has(t.themeId))).toBe(true);
    const sum = out.themes.reduce((a, t) => a + t.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    expect(out.themes[0]!.confidence).toBeGreaterThanOrEqual(out.themes[1]!.confidence);
    expect(one.note.themeIds).toContain(out.themes[0]!.themeId);
    expect(out.polarity).not.toBeNull();
  });

  it('suggests nothing when nothing is tagged yet', () => {
    const s = trainSuggester([], new Set(['t']));
    expect(s.suggest({ text: 'anything' })).toEqual({ themes: [], polarity: null });
  });

  it('does better than chance on held-out notes of both fixtures', () => {
    for (const snap of [makeDemoProgramme(), makeGpAccessProgramme()]) {
      const notes = boardNotes(snap.sessions).map((b) => ({
        note: b.note,
        text: b.note.text,
        stepKey: b.stepKey,
      }));
      const roots = snap.codebook.filter((t) => t.parentId === null).length;
      const acc = evaluateSuggester(notes, new Set(snap.codebook.map((t) => t.id)));
      expect(acc.heldOut).toBeGreaterThan(10);
      expect(acc.top1).toBeGreaterThan(1 / roots);
      expect(acc.top3).toBeGreaterThanOrEqual(acc.top1);
    }
  });
});
