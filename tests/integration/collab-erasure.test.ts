import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc, capturedNote, noteParticipantId } from '../../core/index.ts';
import { DATABASE_FILE } from '../../collab-server/store/data-folder.ts';
import {
  api,
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

/** Every byte the store keeps on disk: the database file and its log and index, if present. */
function storeBytes(dir: string): Buffer {
  const file = path.join(dir, DATABASE_FILE);
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

/**
 * DESIGN.md, Durability: a participant who withdraws consent to keep their words has their
 * contributions removed from the live documents, the update log and snapshots, and the database
 * file itself: afterwards their words cannot be read back from anything the server stores.
 */
describe("withdrawing consent to keep one's words", () => {
  // Compacting every few updates puts the words in snapshots as well as the update log; each
  // test looks at the store straight after its erasure, so scrubs are not spaced out.
  const live = liveServer({ compactEvery: 3, scrubSpacingMs: 0 });

  it("erases the participant's notes, votes and comments everywhere, and nothing else", async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const leaving = await joinAndConsent(server.url, code);
    const staying = await joinAndConsent(server.url, code);
    const facilitator = connect(server.url, `session/${sid}`, secret);
    const room = connect(server.url, staying.roomDoc, staying.token);
    providers.push(facilitator, room);
    await Promise.all([synced(facilitator), synced(room)]);
    const session = new SessionDoc(facilitator.doc);
    // A reflect-back card for both participants to vote and comment on.
    const cardId = 'erasure-card';
    session.cards.put({
      id: cardId,
      text: 'Evening appointments matter',
      themeId: null,
      polarity: 'want',
      order: 0,
      votes: {},
      comments: [],
    });
    const roomDoc = new RoomDoc(room.doc);
    await waitFor(
      () => JSON.stringify(roomDoc.read()).includes('Evening appointments matter'),
      10_000,
      'the card in the room',
    );

    const secretWords = ['Kestrel ward at night', 'Marigold tea trolley', 'Quince shuttle bus'];
    const [first, second] = [
      writes.addNote(secretWords[0] as string),
      writes.addNote(secretWords[1] as string),
    ];
    for (const w of [first, second, writes.vote(cardId, 'agree')])
      expect(await leaving.send(w)).toMatchObject({ ok: true });
    expect((await leaving.send(writes.comment(cardId, secretWords[2] as string))).ok).toBe(true);
    const kept = writes.addNote('Parking by the clinic');
    expect((await staying.send(kept)).ok).toBe(true);
    expect((await staying.send(writes.vote(cardId, 'disagree'))).ok).toBe(true);
    // The facilitator shares one of the leaving participant's notes with the room.
    const firstId = (first as { note: { id: string } }).note.id;
    await waitFor(() => session.notes.has(firstId), 10_000, 'the note at the facilitator');
    session.notes.patch(firstId, { shared: true });
    await waitFor(
      () => JSON.stringify(roomDoc.read()).includes(secretWords[0] as string),
      10_000,
      'the shared note in the room',
    );
    await new Promise((r) => setTimeout(r, 200));
    for (const words of secretWords) expect(storeBytes(data.dir).includes(words)).toBe(true);

    const withdrawn = await leaving.send(
      writes.consent({ storeWords: false, quoteAnonymously: false }),
    );
    expect(withdrawn.ok).toBe(true);

    // Live: gone from the facilitator's document and the room; the other participant's remain.
    await waitFor(
      () => !session.notes.all().some((n) => noteParticipantId(n) === leaving.participantId),
      10_000,
      'the erasure at the facilitator',
    );
    const card = session.cards.get(cardId);
    expect(Object.keys(card?.votes ?? {})).toEqual([staying.participantId]);
    expect(card?.comments.some((c) => c.participantId === leaving.participantId)).toBe(false);
    expect(session.notes.has((kept as { note: { id: string } }).note.id)).toBe(true);
    await waitFor(
      () => !JSON.stringify(roomDoc.read()).includes(secretWords[0] as string),
      10_000,
      'the erasure in the room',
    );
    const me = await api(server.url, 'GET', '/api/participant/me', { token: leaving.token });
    expect(me.body.notes).toEqual([]);

    // Stored: not one of their words is left in any file of the store.
    const bytes = storeBytes(data.dir);
    for (const words of secretWords) expect(bytes.includes(words)).toBe(false);
    expect(bytes.includes('Parking by the clinic')).toBe(true);

    // And nothing new is kept from them without consent.
    for (const w of [writes.addNote('One more thing'), writes.comment(cardId, 'And another')])
      expect(await leaving.send(w)).toMatchObject({
        ok: false,
        error: { code: 'consent-required' },
      });

    // A client that connects now is given the erased state.
    const late = connect(server.url, `session/${sid}`, secret);
    providers.push(late);
    await synced(late);
    for (const words of secretWords) expect(JSON.stringify(late.doc.toJSON())).not.toContain(words);
  });

  it('can be done by the participant after the session has closed', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[1] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    expect(await p.send(writes.addNote('Said before the close'))).toMatchObject({ ok: true });
    const closed = await api(server.url, 'POST', `/api/sessions/${sid}/close`, { token: secret });
    expect(closed.status).toBe(200);
    // Notes are refused once the session has closed; withdrawing consent is not.
    expect(await p.send(writes.addNote('Said after the close'))).toMatchObject({
      ok: false,
      error: { code: 'session-closed' },
    });
    const withdrawn = await p.send(writes.consent({ storeWords: false, quoteAnonymously: false }));
    expect(withdrawn.ok).toBe(true);
    const me = await api(server.url, 'GET', '/api/participant/me', { token: p.token });
    expect(me.body.notes).toEqual([]);
    expect(storeBytes(data.dir).includes('Said before the close')).toBe(false);
  });

  it('can be done by a facilitator when a participant asks, in every session of the programme', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const join = await api(server.url, 'GET', `/api/sessions/${sid}/join`, { token: secret });
    const code = join.body.code as string;
    const p = await joinAndConsent(server.url, code);
    expect(await p.send(writes.addNote('Asked to be forgotten'))).toMatchObject({ ok: true });
    const facilitator = connect(server.url, `session/${sid}`, secret);
    providers.push(facilitator);
    await synced(facilitator);
    // Words a facilitator captured for them in another session (closed by now) are theirs too.
    const other = connect(server.url, `session/${data.sessionIds[1] as string}`, secret);
    providers.push(other);
    await synced(other);
    new SessionDoc(other.doc).notes.put(
      capturedNote({
        text: 'Captured for them elsewhere',
        facilitator: 'F1',
        capturedFor: p.participantId,
      }),
    );
    await new Promise((r) => setTimeout(r, 200));

    // The facilitator finds them in the programme's people, by how reports refer to them.
    const people = async () => {
      const r = await api(server.url, 'GET', `/api/programmes/${data.programmeId}/participants`, {
        token: secret,
      });
      expect(r.status).toBe(200);
      return r.body.participants as Record<string, unknown>[];
    };
    const before = (await people()).find((x) => x.id === p.participantId);
    expect(before).toMatchObject({ descriptor: p.descriptor, keepsWords: true });
    expect(Object.keys(before ?? {}).sort()).toEqual(
      ['attended', 'cohort', 'descriptor', 'id', 'keepsWords'].sort(),
    );

    const unknown = await api(server.url, 'POST', '/api/participants/nobody-here/erase', {
      token: secret,
      body: {},
    });
    expect(unknown.status).toBe(404);
    const done = await api(server.url, 'POST', `/api/participants/${p.participantId}/erase`, {
      token: secret,
      body: {},
    });
    expect(done).toMatchObject({ status: 200, body: { ok: true, removed: 2 } });
    await waitFor(
      () => !JSON.stringify(facilitator.doc.toJSON()).includes('Asked to be forgotten'),
      10_000,
      'the erasure at the facilitator',
    );
    await waitFor(
      () => !JSON.stringify(other.doc.toJSON()).includes('Captured for them elsewhere'),
      10_000,
      'the erasure in the other session',
    );
    expect((await people()).find((x) => x.id === p.participantId)).toMatchObject({
      keepsWords: false,
    });
    const me = await api(server.url, 'GET', '/api/participant/me', { token: p.token });
    expect(me.body.consent).toMatchObject({
      storeWords: { given: false },
      quoteAnonymously: { given: false },
    });
    const bytes = storeBytes(data.dir);
    expect(bytes.includes('Asked to be forgotten')).toBe(false);
    expect(bytes.includes('Captured for them elsewhere')).toBe(false);
  });
});
