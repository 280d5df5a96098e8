import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DocVersionError,
  PROGRAMME_DOC_MIGRATIONS,
  ProgrammeDoc,
  ROOM_DOC_MIGRATIONS,
  RoomDoc,
  SESSION_DOC_MIGRATIONS,
  SessionDoc,
  checkMigrationSequence,
  docSchemaVersion,
  migrateDoc,
  projectRoom,
  projectRoomCards,
  projectRoomNote,
  projectRoomState,
} from './index.ts';
import { makeDemoProgramme } from '../demo/index.ts';
import {
  capturedNote,
  newStepTimer,
  startStoryRound,
  startTimer,
  type Note,
} from '../model/index.ts';

const NOW = '2026-04-16T10:00:00.000Z';

const note = (over: Partial<Note> = {}): Note => ({
  id: 'n1',
  text: 'Evening appointments, please.',
  kind: 'suggestion',
  stepId: null,
  author: { type: 'participant', participantId: 'p1' },
  createdAt: '2026-03-03T10:31:00.000Z',
  polarity: 'want',
  themeIds: [],
  quotable: true,
  hidden: false,
  shared: false,
  withdrawn: false,
  ...over,
});

/** Applies every update of `from` to a fresh doc, as a remote peer would see it. */
const mirror = (from: Y.Doc) => {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
};

describe('document migrations', () => {
  it('programme migration 1 creates the codebook, recommendations and actions maps', () => {
    const doc = new Y.Doc();
    expect(ProgrammeDoc.migrate(doc)).toEqual(['create-codebook-recommendations-actions']);
    expect(docSchemaVersion(doc)).toBe(PROGRAMME_DOC_MIGRATIONS.length);
    expect([...doc.share.keys()].sort()).toEqual(['actions', 'meta', 'recommendations', 'themes']);
    expect(ProgrammeDoc.migrate(doc)).toEqual([]);
  });

  it('session migration 1 creates the structure and an empty debrief', () => {
    const doc = new Y.Doc();
    expect(SessionDoc.migrate(doc)).toEqual([
      'create-agenda-notes-cards-debrief',
      'note-themes-as-set',
    ]);
    const s = new SessionDoc(doc);
    expect(s.debrief()).toEqual({
      dueDate: null,
      summary: '',
      keyMessages: [],
      confirmedWithGroup: false,
      confirmedAt: null,
    });
    expect(s.agenda()).toEqual([]);
  });

  it('room migration 1 creates state, shared notes, cards and actions', () => {
    const doc = new Y.Doc();
    expect(migrateDoc('room', doc, ROOM_DOC_MIGRATIONS.slice(0, 1))).toEqual([
      'create-room-state-notes-cards-actions',
    ]);
    expect([...doc.share.keys()].sort()).toEqual([
      'actions',
      'cards',
      'meta',
      'sharedNotes',
      'state',
    ]);
    expect(RoomDoc.migrate(doc)).toEqual(['room-entries-as-plain-values']);
    expect(docSchemaVersion(doc)).toBe(ROOM_DOC_MIGRATIONS.length);
  });

  it('a migration survives a round trip to a peer, and the peer sees the version', () => {
    const s = SessionDoc.create();
    const peer = mirror(s.doc);
    expect(docSchemaVersion(peer)).toBe(SESSION_DOC_MIGRATIONS.length);
    expect(SessionDoc.migrate(peer)).toEqual([]);
  });

  it('refuses a document newer than the code and changes nothing', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 99);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => SessionDoc.migrate(doc)).toThrow(DocVersionError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('rejects a migration list with a gap', () => {
    expect(() =>
      checkMigrationSequence('x', [
        { version: 1, name: 'a', up: () => {} },
        { version: 3, name: 'b', up: () => {} },
      ]),
    ).toThrow(/out of sequence/);
  });

  it('applies pending migrations in order from an older version', () => {
    const order: string[] = [];
    const migrations = [
      { version: 1, name: 'one', up: () => order.push('one') },
      {
        version: 2,
        name: 'two',
        up: (d: Y.Doc) => (order.push('two'), d.getMap('extra').set('k', 1)),
      },
    ];
    const doc = new Y.Doc();
    migrateDoc('test', doc, migrations.slice(0, 1));
    expect(migrateDoc('test', doc, migrations)).toEqual(['two']);
    expect(order).toEqual(['one', 'two']);
    expect(doc.getMap('extra').get('k')).toBe(1);
  });
});

describe('SessionDoc', () => {
  it('keeps concurrent edits to different fields of one note', () => {
    const a = SessionDoc.create({ notes: [note()] });
    const b = new SessionDoc(mirror(a.doc));
    a.notes.patch('n1', { themeIds: ['t1'] });
    b.notes.patch('n1', { polarity: 'do-not-want' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.notes.get('n1')).toEqual(b.notes.get('n1'));
    expect(a.notes.get('n1')).toMatchObject({ themeIds: ['t1'], polarity: 'do-not-want' });
  });

  it('refuses an invalid note and writes nothing', () => {
    const s = SessionDoc.create();
    const before = Y.encodeStateAsUpdate(s.doc);
    expect(() => s.notes.put(note({ text: 'x'.repeat(5000) }))).toThrow(/at most 4000/);
    expect(Y.encodeStateAsUpdate(s.doc)).toEqual(before);
  });

  it('writing an unchanged note produces no update', () => {
    const s = SessionDoc.create({ notes: [note()] });
    let updates = 0;
    s.doc.on('update', () => updates++);
    s.notes.put(note());
    s.setAgenda(s.agenda());
    expect(updates).toBe(0);
  });

  it('keeps one vote per participant on a card', () => {
    const s = SessionDoc.create({
      reflectCards: [
        {
          id: 'c1',
          text: 'You want self-referral.',
          themeId: null,
          polarity: 'want',
          order: 0,
          votes: {},
          comments: [],
        },
      ],
    });
    s.setVote('c1', 'p1', 'agree');
    s.setVote('c1', 'p1', 'disagree');
    s.setVote('c1', 'p2', 'agree');
    expect(s.cards.get('c1')?.votes).toEqual({ p1: 'disagree', p2: 'agree' });
  });

  it('ignores an entry that a broken client wrote, instead of failing every reader', () => {
    const s = SessionDoc.create({ notes: [note()] });
    const junk = new Y.Map<unknown>();
    s.notes.map.set('bad', junk);
    junk.set('text', 42);
    expect(s.notes.all().map((n) => n.id)).toEqual(['n1']);
  });
});

describe('room projection', () => {
  const demo = makeDemoProgramme();
  const rec = demo.sessions.find((r) => r.persona !== null)!;

  it('shows only shared, visible notes, with no author', () => {
    const content = { ...rec, currentStepId: rec.agenda[1]!.id };
    const p = projectRoom({
      session: rec.session,
      content,
      codebook: demo.codebook,
      actions: demo.actions,
    });
    const expected = rec.notes
      .filter((n) => n.shared && !n.hidden && !n.withdrawn)
      .map((n) => n.id);
    expect(p.notes.map((n) => n.id).sort()).toEqual(expected.sort());
    expect(JSON.stringify(p)).not.toMatch(/participantId|p-co-production|capturedFor|Scribe/);
    expect(p.state.step?.questions).toEqual([rec.persona!.stages[0]!.question]);
    expect(p.state.persona?.stage?.title).toBe(rec.persona!.stages[0]!.title);
    expect(p.actions.length).toBe(demo.actions.filter((a) => a.shared).length);
  });

  it('SessionDoc.mayShowInRoom says no exactly for notes that project to nothing', () => {
    const session = new SessionDoc(new Y.Doc());
    const base = capturedNote({ text: 'Evening clinics', facilitator: 'F' });
    const cases: [Partial<Note>, boolean][] = [
      [{}, false],
      [{ shared: true }, true],
      [{ shared: true, hidden: true }, false],
      [{ shared: true, withdrawn: true }, false],
    ];
    cases.forEach(([flags, shown], i) => {
      const note = { ...base, ...flags, id: `n${i}` };
      session.notes.put(note);
      expect(session.mayShowInRoom(note.id)).toBe(shown);
      expect(projectRoomNote(note) !== null).toBe(shown);
    });
    expect(session.mayShowInRoom('no-such-note')).toBe(false);
  });

  it('counts votes without saying who voted', () => {
    const p = projectRoom({
      session: rec.session,
      content: rec,
      codebook: demo.codebook,
      actions: [],
    });
    for (const [i, card] of p.cards.entries()) {
      const votes = Object.values(rec.reflectCards[i]!.votes);
      expect(card.agree! + card.notQuite! + card.disagree!).toBe(votes.length);
    }
  });

  it('shows no draft, and no tallies or comments until the results are revealed', () => {
    const s = SessionDoc.create();
    const base = {
      text: 'Evening clinics matter',
      themeId: null,
      polarity: 'want' as const,
      order: 0,
      votes: {},
      comments: [],
    };
    s.cards.put({ ...base, id: 'c1', stage: 'draft' });
    s.setVote('c1', 'p1', 'agree');
    s.addCardComment('c1', { id: 'm1', participantId: 'p1', text: 'Yes', at: NOW });
    const names = new Map<string, string>();
    expect(projectRoomCards(s.cards.all(), names)).toEqual([]);
    s.sendCard('c1', Date.parse(NOW));
    const sent = projectRoomCards(s.cards.all(), names)[0]!;
    expect(sent).toMatchObject({ stage: 'sent', comments: [] });
    expect(sent.agree).toBeUndefined();
    s.revealCard('c1', Date.parse(NOW));
    s.decideCard('c1', { outcome: 'amended', wording: 'Evening and weekend clinics', at: NOW });
    expect(projectRoomCards(s.cards.all(), names)[0]).toMatchObject({
      stage: 'revealed',
      agree: 1,
      notQuite: 0,
      disagree: 0,
      comments: ['Yes'],
      outcome: 'amended',
      wording: 'Evening and weekend clinics',
    });
    expect(s.cards.get('c1')?.decision?.outcome).toBe('amended');
    s.decideCard('c1', null);
    expect(s.cards.get('c1')?.decision).toBeUndefined();
  });

  it('projects the current step timer and story turn, never who speaks', () => {
    const s = SessionDoc.create({
      agenda: [
        { id: 'st1', type: 'story-round', title: 'Stories', minutes: 20, prompt: 'Tell us' },
      ],
      currentStepId: 'st1',
    });
    s.setTimer(startTimer(newStepTimer('st1', 20), Date.parse(NOW)));
    s.setStoryRound(startStoryRound('st1', ['p1', 'p2'], 120, Date.parse(NOW)));
    const state = projectRoomState({ title: 'T', status: 'open' }, s.read(), {
      timer: s.timer(),
      storyRound: s.storyRound(),
    });
    expect(state.timer).toEqual({ durationMs: 1_200_000, elapsedMs: 0, startedAt: NOW });
    expect(state.storyTurn).toEqual({ number: 1, of: 2, secondsEach: 120, startedAt: NOW });
    expect(JSON.stringify(state)).not.toContain('p1');
  });

  it('applying the same projection twice sends nothing the second time', () => {
    const room = RoomDoc.create();
    const p = projectRoom({
      session: rec.session,
      content: rec,
      codebook: demo.codebook,
      actions: demo.actions,
    });
    room.apply(p);
    let updates = 0;
    room.doc.on('update', () => updates++);
    room.apply(p);
    expect(updates).toBe(0);
    expect(room.read()).toEqual({
      ...p,
      notes: [...p.notes].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
    });
  });

  it('removes a note from the room when the facilitator unshares it', () => {
    const room = RoomDoc.create();
    const shared = rec.notes.find((n) => n.shared && !n.hidden)!;
    room.apply(projectRoom({ session: rec.session, content: rec, codebook: [], actions: [] }));
    expect(room.notes.has(shared.id)).toBe(true);
    const notes = rec.notes.map((n) => (n.id === shared.id ? { ...n, shared: false } : n));
    room.apply(
      projectRoom({ session: rec.session, content: { ...rec, notes }, codebook: [], actions: [] }),
    );
    expect(room.notes.has(shared.id)).toBe(false);
  });
});

describe('room migration 2: entries as plain values', () => {
  it('turns version-1 nested entries into plain values with the same content', () => {
    const doc = new Y.Doc();
    migrateDoc('room', doc, ROOM_DOC_MIGRATIONS.slice(0, 1));
    const note = {
      id: 'n1',
      text: 'Evening clinics',
      polarity: 'want',
      stepId: null,
      at: '2026-03-03T10:31:00.000Z',
    };
    const nested = new Y.Map<unknown>();
    doc.getMap('sharedNotes').set('n1', nested);
    for (const [k, v] of Object.entries(note)) nested.set(k, v);
    expect(RoomDoc.migrate(doc)).toEqual(['room-entries-as-plain-values']);
    expect(doc.getMap('sharedNotes').get('n1')).toEqual(note);
    expect(new RoomDoc(doc).notes.get('n1')).toEqual(note);
  });

  it('writes one plain value per shared note, so a phone applies one struct', () => {
    const room = RoomDoc.create();
    let update: Uint8Array | null = null;
    room.doc.on('update', (u: Uint8Array) => (update = u));
    room.notes.put({
      id: 'n2',
      text: 'Texts while I wait',
      polarity: 'want',
      stepId: null,
      at: '2026-03-03T10:32:00.000Z',
    });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, update!);
    expect(peer.getMap('sharedNotes').get('n2')).not.toBeInstanceOf(Y.Map);
  });
});

describe('capturedNote', () => {
  it('makes a valid facilitator note with capture defaults, keeping what is given', () => {
    const s = SessionDoc.create();
    const n = s.notes.put(
      capturedNote({ text: 'Evening clinics, please', facilitator: 'Scribe', polarity: 'want' }),
    );
    expect(n).toMatchObject({
      text: 'Evening clinics, please',
      author: { type: 'facilitator', facilitator: 'Scribe', capturedFor: null },
      polarity: 'want',
      kind: 'comment',
      shared: false,
      quotable: false,
      themeIds: [],
    });
    expect(capturedNote({ text: 'a', facilitator: 'F' }).id).not.toBe(
      capturedNote({ text: 'a', facilitator: 'F' }).id,
    );
  });
});

describe("a note's themes merge", () => {
  it('keeps both themes when two people add different ones to the same note at once', () => {
    const a = SessionDoc.create({ notes: [note({ themeIds: ['t0'] })] });
    const b = new SessionDoc(mirror(a.doc));
    a.notes.patch('n1', { themeIds: ['t0', 'ta'] });
    b.notes.patch('n1', { themeIds: ['t0', 'tb'] });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    expect(a.notes.get('n1')?.themeIds).toEqual(['t0', 'ta', 'tb']);
    expect(b.notes.get('n1')?.themeIds).toEqual(['t0', 'ta', 'tb']);
  });

  it('keeps a removal on one side and an addition on the other', () => {
    const a = SessionDoc.create({ notes: [note({ themeIds: ['t0', 't1'] })] });
    const b = new SessionDoc(mirror(a.doc));
    a.notes.patch('n1', { themeIds: ['t1'] });
    b.notes.patch('n1', { themeIds: ['t0', 't1', 't2'] });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    expect(a.notes.get('n1')?.themeIds).toEqual(['t1', 't2']);
    expect(b.notes.get('n1')?.themeIds).toEqual(['t1', 't2']);
  });

  it('reads back the order it was given, including a reordering', () => {
    const s = SessionDoc.create({ notes: [note({ themeIds: ['tc', 'ta', 'tb'] })] });
    expect(s.notes.get('n1')?.themeIds).toEqual(['tc', 'ta', 'tb']);
    s.notes.patch('n1', { themeIds: ['tb', 'tc'] });
    expect(s.notes.get('n1')?.themeIds).toEqual(['tb', 'tc']);
  });

  it('reads a note of an older document, and migration 2 moves its list into the set', () => {
    const doc = new Y.Doc();
    migrateDoc('session', doc, SESSION_DOC_MIGRATIONS.slice(0, 1));
    const entry = new Y.Map<unknown>();
    doc.getMap('notes').set('n1', entry);
    for (const [k, v] of Object.entries(note({ themeIds: ['t2', 't1'] }))) entry.set(k, v);
    expect(new SessionDoc(doc).notes.get('n1')?.themeIds).toEqual(['t2', 't1']);
    expect(SessionDoc.migrate(doc)).toEqual(['note-themes-as-set']);
    expect(entry.has('themeIds')).toBe(false);
    expect(new SessionDoc(doc).notes.get('n1')).toEqual(note({ themeIds: ['t2', 't1'] }));
  });
});
