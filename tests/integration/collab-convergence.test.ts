import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc, newId, projectRoom, ProgrammeDoc } from '../../core/index.ts';
import { Store, exportSnapshot } from '../../collab-server/store/index.ts';
import {
  connect,
  liveServer,
  joinAndConsent,
  openSession,
  synced,
  waitFor,
  type TestParticipant,
} from './collab-helpers/harness.ts';

describe('3 facilitators and 20 participants', () => {
  const live = liveServer();

  it('converge: every facilitator holds the same session, every phone the same room', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const secret = server.desktopSecret as string;
    const facilitators = [0, 1, 2].map(() => connect(server.url, `session/${sid}`, secret));
    const programme = connect(server.url, `programme/${data.programmeId}`, secret);
    providers.push(...facilitators, programme);
    await Promise.all([...facilitators, programme].map((p) => synced(p)));

    const people: TestParticipant[] = [];
    for (let i = 0; i < 20; i++) people.push(await joinAndConsent(server.url, code));
    const rooms = people.map((p) => connect(server.url, p.roomDoc, p.token));
    providers.push(...rooms);
    await Promise.all(rooms.map((r) => synced(r)));
    rooms.forEach((r, i) =>
      r.awareness.setLocalState({ name: `Phone ${i}`, colour: '#336699', secret: 'x' }),
    );

    // Everyone at once: participants add notes, facilitators add, tag and share concurrently.
    const sessions = facilitators.map((f) => new SessionDoc(f.doc));
    const added: string[] = [];
    await Promise.all([
      ...people.map(async (p, i) => {
        for (let k = 0; k < 3; k++) {
          const w = writes.addNote(`Participant ${i} point ${k}: the phone line is always busy`);
          const r = await p.send(w);
          expect(r.ok).toBe(true);
          if (w.type === 'note.add') added.push(w.note.id);
        }
      }),
      ...sessions.map(async (s, fi) => {
        for (let k = 0; k < 5; k++) {
          s.notes.put({
            id: newId('fn'),
            text: `Facilitator ${fi} heard ${k}`,
            kind: 'comment',
            stepId: null,
            author: { type: 'facilitator', facilitator: `F${fi}`, capturedFor: null },
            createdAt: new Date().toISOString(),
            polarity: 'want',
            themeIds: [],
            quotable: false,
            hidden: false,
            shared: k % 2 === 0,
            withdrawn: false,
          });
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    ]);
    await waitFor(
      () => sessions.every((s) => added.every((id) => s.notes.has(id))),
      10_000,
      'notes',
    );
    // Facilitator 1 shares the first five participant notes; facilitator 2 moves the step.
    for (const id of added.slice(0, 5)) sessions[1]?.notes.patch(id, { shared: true });
    const firstStep = sessions[2]?.agenda()[1]?.id ?? null;
    sessions[2]?.setCurrentStep(firstStep);

    const sameSession = () => {
      const states = facilitators.map((f) =>
        Buffer.from(Y.encodeStateAsUpdate(f.doc)).toString('base64'),
      );
      return states.every((s) => s === states[0]);
    };
    await waitFor(sameSession, 10_000, 'facilitator convergence');

    // The room everyone sees is exactly the projection of the converged session.
    const content = (sessions[0] as SessionDoc).read();
    const store = Store.openFolder(data.dir, { readonly: true });
    const record = exportSnapshot(store, data.programmeId).sessions.find(
      (s) => s.session.id === sid,
    );
    store.close();
    const expected = projectRoom({
      session: record!.session,
      content,
      codebook: new ProgrammeDoc(programme.doc).themes.all(),
      actions: new ProgrammeDoc(programme.doc).actions.all(),
    });
    const roomDocs = rooms.map((r) => new RoomDoc(r.doc));
    const roomsMatch = () =>
      roomDocs.every(
        (r) =>
          JSON.stringify(r.read()) ===
          JSON.stringify({
            ...expected,
            notes: [...expected.notes].sort(
              (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
            ),
            cards: [...expected.cards].sort(
              (a, b) => a.order - b.order || a.id.localeCompare(b.id),
            ),
            actions: [...expected.actions].sort((a, b) => a.id.localeCompare(b.id)),
          }),
      );
    await waitFor(roomsMatch, 10_000, 'room projection');
    const roomStates = rooms.map((r) =>
      Buffer.from(Y.encodeStateAsUpdate(r.doc)).toString('base64'),
    );
    expect(new Set(roomStates).size).toBe(1);
    expect(roomDocs[0]?.state()?.step?.id ?? null).toBe(firstStep);
    // No author and no participant id ever reaches a phone.
    const roomJson = JSON.stringify(rooms[0]?.doc.toJSON());
    for (const p of people) expect(roomJson).not.toContain(p.participantId);

    // Presence: facilitators see all 20 (sanitised); phones see a count, never each other.
    await waitFor(
      () =>
        [...(facilitators[0]?.awareness.getStates().values() ?? [])].filter(
          (s) => s.role === 'participant',
        ).length === 20,
      10_000,
      'facilitator presence',
    );
    const seen = [...(facilitators[0]?.awareness.getStates().values() ?? [])].filter(
      (s) => s.role === 'participant',
    );
    // Who each is comes from their token (descriptor and id), never from what the phone claims.
    expect(
      seen.every((s) => !('secret' in s) && !('name' in s) && typeof s.descriptor === 'string'),
    ).toBe(true);
    expect(new Set(seen.map((s) => s.participantId))).toEqual(
      new Set(people.map((p) => p.participantId)),
    );
    await waitFor(
      () => rooms.every((r) => [...r.awareness.getStates().values()].some((s) => s.present === 20)),
      10_000,
      'participant count',
    );
    for (const r of rooms) {
      const others = [...r.awareness.getStates().entries()].filter(
        ([id, s]) => id !== r.doc.clientID && s.role === 'participant',
      );
      expect(others).toEqual([]);
    }
  });
});
