import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc } from '../../core/index.ts';
import {
  api,
  connect,
  liveServer,
  joinAndConsent,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

describe('participant writes: votes, comments, edits, withdrawals, consent, demographics', () => {
  const live = liveServer({ limits: { writeBurst: 3, writesPerSecond: 0.5 } });

  it('apply through the server and reach the room without any participant id', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const f = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    await synced(f);
    const s = new SessionDoc(f.doc);
    s.cards.put({
      id: 'card-1',
      text: 'People want to be kept informed while waiting',
      themeId: null,
      polarity: 'want',
      order: 0,
      votes: {},
      comments: [],
    });
    const a = await joinAndConsent(server.url, code);
    const b = await joinAndConsent(server.url, code);
    const room = connect(server.url, a.roomDoc, a.token);
    await synced(room);
    const r = new RoomDoc(room.doc);
    await waitFor(() => r.cards.has('card-1'), 5000, 'card in room');

    expect((await a.send(writes.vote('card-1', 'agree'))).ok).toBe(true);
    expect((await b.send(writes.vote('card-1', 'not-quite'))).ok).toBe(true);
    const comment = writes.comment('card-1', 'Texts would be enough');
    expect((await b.send(comment)).ok).toBe(true);
    await waitFor(
      () =>
        r.cards.get('card-1')?.agree === 1 &&
        r.cards.get('card-1')?.notQuite === 1 &&
        r.cards.get('card-1')?.comments.length === 1,
      5000,
      'votes',
    );
    expect(JSON.stringify(room.doc.toJSON())).not.toContain(a.participantId);
    expect(s.cards.get('card-1')?.votes[a.participantId]).toBe('agree');

    // Rate: the fourth write in a burst of three is refused with a retry time, and changes nothing.
    const limited = await b.send(writes.vote('card-1', 'disagree'));
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    await new Promise((res) => setTimeout(res, 2100));

    // Edit and withdraw own note; the room follows.
    const add = writes.addNote('First words');
    expect((await a.send(add)).ok).toBe(true);
    const id = add.type === 'note.add' ? add.note.id : '';
    await waitFor(() => s.notes.has(id), 5000, 'note');
    s.notes.patch(id, { shared: true });
    await waitFor(() => r.notes.has(id), 5000, 'shared');
    expect((await a.send(writes.editNote(id, 'Better words'))).ok).toBe(true);
    await waitFor(() => r.notes.get(id)?.text === 'Better words', 5000, 'edit in room');
    await new Promise((res) => setTimeout(res, 2100));
    expect((await a.send(writes.withdrawNote(id))).ok).toBe(true);
    await waitFor(() => !r.notes.has(id), 5000, 'withdrawn from room');
    expect(s.notes.get(id)?.withdrawn).toBe(true);

    // Without consent to keep words, a note is refused with a reason the page can show.
    const fresh = await api(server.url, 'POST', '/api/join', { body: { code } });
    const noConsent = await api(server.url, 'POST', '/api/participant/writes', {
      token: fresh.body.token as string,
      body: writes.addNote('hello'),
    });
    expect(noConsent.status).toBe(409);
    expect((noConsent.body.error as { code: string }).code).toBe('consent-required');

    // Demographics: validated, merged, stored only in SQLite.
    await new Promise((res) => setTimeout(res, 2100));
    const demo = await api(server.url, 'POST', '/api/participant/writes', {
      token: b.token,
      body: {
        writeId: 'w-demo-1',
        type: 'demographics.set',
        demographics: { ageBand: '35-44', town: 'Leeds' },
      },
    });
    expect(demo.status).toBe(200);
    const bad = await api(server.url, 'POST', '/api/participant/writes', {
      token: b.token,
      body: { writeId: 'w-demo-2', type: 'demographics.set', demographics: { ageBand: '99-100' } },
    });
    expect(bad.status).toBe(400);
    const me = await api(server.url, 'GET', '/api/participant/me', { token: b.token });
    expect(me.body.demographics).toMatchObject({ ageBand: '35-44', town: 'Leeds' });
    expect(JSON.stringify(f.doc.toJSON())).not.toContain('Leeds');
    f.destroy();
    room.destroy();
  });
});
