import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc, newId, noteAttribution, startStoryRound } from '../../core/index.ts';
import {
  api,
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

describe('running the room through the server', () => {
  const live = liveServer();

  it('counts participants as participants, captures on behalf, runs a story round and refuses capture once closed', async () => {
    const { server, data, providers } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const facilitator = connect(server.url, `session/${sid}`, secret);
    providers.push(facilitator);
    await synced(facilitator);
    facilitator.awareness.setLocalStateField('user', { name: 'Facilitator' });
    const session = new SessionDoc(facilitator.doc);

    // Two phones join: the facilitator sees two participants by descriptor, not itself.
    const people = [await joinAndConsent(server.url, code), await joinAndConsent(server.url, code)];
    const phones = people.map((p) => connect(server.url, p.roomDoc, p.token));
    providers.push(...phones);
    await Promise.all(phones.map((p) => synced(p)));
    // A phone claiming a name gets nowhere: who it is comes from its token.
    phones[0]?.awareness.setLocalStateField('user', { name: 'Mallory' });
    const participantsSeen = () =>
      [...facilitator.awareness.getStates().values()].filter((s) => s.role === 'participant');
    await waitFor(() => participantsSeen().length === 2, 20_000, 'two participants present');
    expect(
      participantsSeen()
        .map((s) => s.descriptor)
        .sort(),
    ).toEqual(people.map((p) => p.descriptor).sort());
    expect(JSON.stringify(participantsSeen())).not.toContain('Mallory');
    await waitFor(
      () => [...facilitator.awareness.getStates().values()].some((s) => s.present === 2),
      20_000,
      'server count of 2',
    );

    // Capture on behalf of a participant and of the group.
    const p1 = people[0]!.participantId;
    const forP1 = newId('n');
    const r1 = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: {
        id: forP1,
        text: 'The phone line is always busy',
        on: { type: 'participant', participantId: p1 },
      },
    });
    expect(r1.status).toBe(201);
    const forGroup = newId('n');
    const r2 = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: {
        id: forGroup,
        text: 'We all want evening clinics',
        polarity: 'want',
        on: { type: 'group' },
      },
    });
    expect(r2.status).toBe(201);
    // A retry of the same capture is kept once.
    const again = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: { id: forGroup, text: 'We all want evening clinics', on: { type: 'group' } },
    });
    expect(again.body.replayed).toBe(true);
    await waitFor(
      () => session.notes.has(forP1) && session.notes.has(forGroup),
      10_000,
      'captures',
    );
    expect(noteAttribution(session.notes.get(forP1)!)).toEqual({
      kind: 'participant',
      participantId: p1,
    });
    expect(noteAttribution(session.notes.get(forGroup)!)).toEqual({ kind: 'group' });

    // Bad input changes nothing and says why.
    const before = session.notes.size;
    const bad = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: { id: newId('n'), text: '   ', on: { type: 'group' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid', field: 'text' });
    const stranger = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: { id: newId('n'), text: 'Who?', on: { type: 'participant', participantId: 'nobody' } },
    });
    expect(stranger.status).toBe(400);
    expect(errorOf(stranger.body)).toMatch(/not registered/);
    const asParticipant = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: people[0]!.token,
      body: { id: newId('n'), text: 'Sneaky', on: { type: 'group' } },
    });
    expect(asParticipant.status).toBe(403);
    expect(session.notes.size).toBe(before);

    // A story round of three: told, passed, told.
    const extra = await joinAndConsent(server.url, code);
    const roundPeople = [p1, people[1]!.participantId, extra.participantId];
    const stepId = session.agenda()[0]!.id;
    const phoneRoom = new RoomDoc(phones[0]!.doc);
    await reachedServer(session, phoneRoom, () =>
      session.setStoryRound(startStoryRound(stepId, roundPeople, 120, Date.now())),
    );
    const turn = (body: unknown) =>
      api(server.url, 'POST', `/api/sessions/${sid}/story-round/turn`, { token: secret, body });
    const story1 = newId('n');
    const first = await turn({ outcome: 'told', id: story1, text: 'I waited six weeks.' });
    expect(first.status).toBe(201);
    expect((await turn({ outcome: 'passed' })).status).toBe(201);
    const story3 = newId('n');
    expect((await turn({ outcome: 'told', id: story3, text: 'My GP was kind.' })).status).toBe(201);
    expect((await turn({ outcome: 'passed' })).status).toBe(409);
    await waitFor(() => (session.storyRound()?.turns.length ?? 0) === 3, 10_000, 'three turns');
    expect(session.storyRound()?.turns.map((t) => t.outcome)).toEqual(['told', 'passed', 'told']);
    const told = session.notes.get(story3)!;
    expect(told.kind).toBe('story');
    expect(noteAttribution(told)).toEqual({
      kind: 'participant',
      participantId: extra.participantId,
    });

    // Closed: no capture from any screen, and none from phones, until reopened.
    const closed = await api(server.url, 'POST', `/api/sessions/${sid}/close`, { token: secret });
    expect(closed.status).toBe(200);
    const refused = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: { id: newId('n'), text: 'Too late', on: { type: 'group' } },
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body)).toMatch(/closed/);
    const count = session.notes.size;
    await openSession(server, sid);
    const reopened = await api(server.url, 'POST', `/api/sessions/${sid}/captures`, {
      token: secret,
      body: { id: newId('n'), text: 'Back again', on: { type: 'facilitator' } },
    });
    expect(reopened.status).toBe(201);
    await waitFor(() => session.notes.size === count + 1, 10_000, 'capture after reopening');
  });

  it('keeps a draft card from phones, and tallies hidden until revealed', async () => {
    const { server, data, providers } = live;
    const sid = data.sessionIds[1] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const facilitator = connect(server.url, `session/${sid}`, secret);
    providers.push(facilitator);
    await synced(facilitator);
    const session = new SessionDoc(facilitator.doc);
    const person = await joinAndConsent(server.url, code);
    const phone = connect(server.url, person.roomDoc, person.token);
    providers.push(phone);
    await synced(phone);
    const room = new RoomDoc(phone.doc);
    const id = newId('card');
    session.cards.put({
      id,
      text: 'People want evening clinics',
      themeId: null,
      polarity: 'want',
      order: 99,
      votes: {},
      comments: [],
      stage: 'draft',
    });
    // Nothing of a draft reaches the phone, and a vote on it is refused as if it did not exist.
    await reachedServer(session, room, () => undefined);
    expect(room.cards.get(id)).toBeNull();
    const vote = await person.send(writes.vote(id, 'agree'));
    expect(vote.ok).toBe(false);
    session.sendCard(id, Date.now());
    await waitFor(() => room.cards.get(id)?.stage === 'sent', 10_000, 'card sent');
    expect((await person.send(writes.vote(id, 'agree'))).ok).toBe(true);
    await waitFor(
      () => Object.keys(session.cards.get(id)?.votes ?? {}).length === 1,
      10_000,
      'vote',
    );
    expect(room.cards.get(id)?.agree).toBeUndefined();
    session.revealCard(id, Date.now());
    await waitFor(() => room.cards.get(id)?.agree === 1, 10_000, 'revealed tally');
  });
});

/**
 * Makes a change, then shares a marker note in a later transaction and waits for it on a phone:
 * once the marker is in the room, the server has applied the change before it.
 */
async function reachedServer(session: SessionDoc, room: RoomDoc, change: () => void) {
  change();
  const marker = newId('mark');
  session.notes.put({
    id: marker,
    text: 'marker',
    kind: 'comment',
    stepId: null,
    author: { type: 'facilitator', facilitator: 'Test', capturedFor: null },
    createdAt: new Date().toISOString(),
    polarity: 'neutral',
    themeIds: [],
    quotable: false,
    hidden: false,
    shared: true,
    withdrawn: false,
  });
  await waitFor(() => room.notes.has(marker), 10_000, 'marker in the room');
  session.notes.remove(marker);
}

function errorOf(body: Record<string, unknown>): string {
  return (body.error as { message: string }).message;
}
