import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { sortThemes } from '../model/index.ts';
import { boardCounts, boardNotes, filterBoard, type BoardFilter } from './board.ts';

const demo = makeDemoProgramme();
const cohorts = new Map(demo.participants.map((p) => [p.id, p.cohort]));
const notes = boardNotes(demo.sessions, (id) => cohorts.get(id));
const themes = demo.codebook;

describe('the analysis board', () => {
  it('holds every note of every session, in session order', () => {
    expect(notes).toHaveLength(demo.sessions.reduce((a, s) => a + s.notes.length, 0));
    const order = notes.map((n) => n.session.date);
    expect([...order].sort()).toEqual(order);
  });

  it('filters by theme with or without its sub-themes', () => {
    const root = sortThemes(themes).find((t) => themes.some((c) => c.parentId === t.id))!;
    const withSub = filterBoard(notes, { themeId: root.id }, themes);
    const own = filterBoard(notes, { themeId: root.id, includeSubThemes: false }, themes);
    const child = themes.find((t) => t.parentId === root.id)!;
    const onlyChild = notes.filter(
      (b) =>
        b.note.themeIds.includes(child.id) && !b.note.themeIds.includes(root.id) && !b.note.hidden,
    );
    expect(withSub.length).toBe(own.length + onlyChild.length);
  });

  it('leaves out hidden notes by default and shows only them when asked', () => {
    const hidden = notes.filter((b) => b.note.hidden).length;
    expect(hidden).toBeGreaterThan(0);
    expect(filterBoard(notes, {}, themes)).toHaveLength(notes.length - hidden);
    expect(filterBoard(notes, { visibility: 'hidden' }, themes)).toHaveLength(hidden);
  });

  it('searches every word, ignoring case and punctuation', () => {
    const sample = notes[3]!.note.text.split(' ').slice(0, 2).join(' ').toUpperCase() + '!';
    const found = filterBoard(notes, { text: sample, visibility: 'all' }, themes);
    expect(found.map((b) => b.note.id)).toContain(notes[3]!.note.id);
    expect(filterBoard(notes, { text: 'zzqx nothing says this' }, themes)).toEqual([]);
  });

  it('counts each choice as the board would show it with every other filter kept', () => {
    const filter: BoardFilter = { polarities: ['want'], source: 'phone' };
    const counts = boardCounts(notes, filter, themes);
    expect(counts.shown).toBe(filterBoard(notes, filter, themes).length);
    for (const s of demo.sessions) {
      expect(counts.sessions.get(s.session.id) ?? 0).toBe(
        filterBoard(notes, { ...filter, sessionIds: [s.session.id] }, themes).length,
      );
    }
    expect(counts.polarities.get('do-not-want')).toBe(
      filterBoard(notes, { ...filter, polarities: ['do-not-want'] }, themes).length,
    );
    for (const t of themes) {
      expect(counts.themesWithSub.get(t.id) ?? 0).toBe(
        filterBoard(notes, { ...filter, themeId: t.id }, themes).length,
      );
    }
    expect(counts.untagged).toBe(filterBoard(notes, { ...filter, untagged: true }, themes).length);
  });

  it('filters by persona stage across the sessions that walked it', () => {
    const stages = [...new Set(notes.map((b) => b.stepKey).filter((k) => k?.startsWith('stage:')))];
    expect(stages.length).toBeGreaterThan(0);
    const key = stages[0]!;
    const shown = filterBoard(notes, { stepKeys: [key] }, themes);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((b) => b.stepKey === key)).toBe(true);
  });
});
