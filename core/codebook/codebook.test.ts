import { describe, expect, it } from 'vitest';
import { assembleSnapshot, docsFromSnapshot } from '../snapshot/assemble.ts';
import { makeDemoProgramme } from '../demo/index.ts';
import { SessionDoc } from '../docs/session-doc.ts';
import { ProgrammeDoc } from '../docs/programme-doc.ts';
import { capturedNote, codebookProblems, sortThemes } from '../model/index.ts';
import {
  CodebookError,
  addTheme,
  deleteTheme,
  mergeThemes,
  moveTheme,
  notesPerTheme,
  shiftTheme,
  updateTheme,
} from './codebook-ops.ts';
import { setPolarity, toggleQuotable, toggleTheme } from './tagging.ts';

function fresh() {
  const programme = ProgrammeDoc.create();
  const access = addTheme(programme, { name: 'Access' });
  const waits = addTheme(programme, { name: 'Waiting times', parentId: access.id });
  const phone = addTheme(programme, { name: 'Phone lines', parentId: waits.id });
  const comms = addTheme(programme, { name: 'Communication' });
  const session = SessionDoc.create();
  const a = capturedNote({
    text: 'Six weeks for a call back',
    facilitator: 'F',
    themeIds: [phone.id],
  });
  const b = capturedNote({
    text: 'Nobody told me',
    facilitator: 'F',
    themeIds: [comms.id, waits.id],
  });
  const c = capturedNote({ text: 'Letters arrive late', facilitator: 'F', themeIds: [comms.id] });
  session.write({ notes: [a, b, c] });
  return { programme, session, access, waits, phone, comms, a, b, c };
}

describe('codebook operations', () => {
  it('adds nested themes that inherit their parent colour, and refuses a clashing or empty name', () => {
    const { programme, access, waits } = fresh();
    expect(waits.colour).toBe(access.colour);
    expect(() => addTheme(programme, { name: 'access' })).toThrow(CodebookError);
    expect(() => addTheme(programme, { name: '   ' })).toThrow(/expected some text/);
    // The same name under another parent is fine.
    expect(addTheme(programme, { name: 'Access', parentId: waits.id }).parentId).toBe(waits.id);
  });

  it('renames, describes and recolours, and a bad colour changes nothing', () => {
    const { programme, comms } = fresh();
    updateTheme(programme, comms.id, { name: 'Talking to us', description: 'How we hear' });
    expect(programme.themes.get(comms.id)).toMatchObject({
      name: 'Talking to us',
      description: 'How we hear',
    });
    expect(() => updateTheme(programme, comms.id, { name: 'Again', colour: 'red' })).toThrow(
      /colour/,
    );
    expect(programme.themes.get(comms.id)?.name).toBe('Talking to us');
  });

  it('moves a theme with its children and refuses to nest it inside itself', () => {
    const { programme, access, waits, phone, comms } = fresh();
    expect(() => moveTheme(programme, access.id, phone.id)).toThrow(/inside itself/);
    moveTheme(programme, waits.id, comms.id);
    const themes = programme.themes.all();
    expect(themes.find((t) => t.id === waits.id)?.parentId).toBe(comms.id);
    expect(themes.find((t) => t.id === phone.id)?.parentId).toBe(waits.id);
    expect(codebookProblems(themes)).toEqual([]);
    moveTheme(programme, waits.id, null, 0);
    expect(sortThemes(programme.themes.all())[0]?.id).toBe(waits.id);
    shiftTheme(programme, waits.id, 1);
    expect(sortThemes(programme.themes.all()).filter((t) => t.parentId === null)[1]?.id).toBe(
      waits.id,
    );
  });

  it('merges: every tag moves to the kept theme, once, and sub-themes follow', () => {
    const { programme, session, access, waits, phone, comms, b } = fresh();
    const moved = mergeThemes(programme, [session], comms.id, waits.id);
    expect(moved).toBe(1);
    expect(session.notes.get(b.id)?.themeIds).toEqual([comms.id]);
    expect(programme.themes.get(waits.id)).toBeNull();
    expect(programme.themes.get(phone.id)?.parentId).toBe(comms.id);
    expect(notesPerTheme([session]).get(comms.id)).toBe(2);
    expect(() => mergeThemes(programme, [session], phone.id, comms.id)).toThrow(/other way/);
    void access;
  });

  it('deletes with the notes untagged or moved to another theme, children moving up', () => {
    const { programme, session, access, waits, phone, comms, a, b } = fresh();
    expect(deleteTheme(programme, [session], waits.id, { kind: 'retag', themeId: access.id })).toBe(
      1,
    );
    expect(session.notes.get(b.id)?.themeIds).toEqual([comms.id, access.id]);
    expect(programme.themes.get(phone.id)?.parentId).toBe(access.id);
    expect(deleteTheme(programme, [session], phone.id, { kind: 'untag' })).toBe(1);
    expect(session.notes.get(a.id)?.themeIds).toEqual([]);
  });
});

describe('tagging', () => {
  it('toggles a theme on a selection: on for all unless all have it', () => {
    const { session, comms, a, b, c } = fresh();
    expect(toggleTheme([session], [a.id, b.id], comms.id)).toBe(1);
    expect(session.notes.get(a.id)?.themeIds).toContain(comms.id);
    toggleTheme([session], [a.id, b.id, c.id], comms.id);
    expect(session.notes.all().every((n) => !n.themeIds.includes(comms.id))).toBe(true);
  });

  it('sets polarity and quotable on several notes at once, in the right session', () => {
    const { session, a, b } = fresh();
    const other = SessionDoc.create();
    setPolarity([other, session], [a.id, b.id], 'do-not-want');
    expect(session.notes.get(a.id)?.polarity).toBe('do-not-want');
    toggleQuotable([other, session], [a.id]);
    expect(session.notes.get(a.id)?.quotable).toBe(true);
    expect(other.notes.size).toBe(0);
  });

  it('merging two demo themes moves every tag across every session document', () => {
    const demo = makeDemoProgramme();
    const { programmeDoc, sessionDocs } = docsFromSnapshot(demo);
    const sessions = [...sessionDocs.values()];
    const [keep, merge] = sortThemes(demo.codebook).filter((t) => t.parentId === null);
    const before = notesPerTheme(sessions);
    const moved = mergeThemes(programmeDoc, sessions, keep!.id, merge!.id);
    const after = notesPerTheme(sessions);
    expect(moved).toBe(before.get(merge!.id));
    expect(after.get(merge!.id)).toBeUndefined();
    expect(after.get(keep!.id)).toBe((before.get(keep!.id) ?? 0) + moved);
    // Recommendations, actions, cards and agenda steps follow, so every export still validates.
    const records = {
      programme: demo.programme,
      sessions: demo.sessions.map((s) => s.session),
      participants: demo.participants,
    };
    expect(() => assembleSnapshot(records, programmeDoc, sessionDocs)).not.toThrow();
    const [, , third] = sortThemes(programmeDoc.themes.all()).filter((t) => t.parentId === null);
    deleteTheme(programmeDoc, sessions, third!.id, { kind: 'untag' });
    expect(() => assembleSnapshot(records, programmeDoc, sessionDocs)).not.toThrow();
  });
});
