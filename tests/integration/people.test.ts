import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { attendanceBySession, erasureLine, tallyDemographics } from '../../core/analysis/index.ts';
import type { PersonRecord } from '../../core/index.ts';
import { Store, exportSnapshot } from '../../collab-server/store/index.ts';
import { joinSession, participantTransport } from '../../core/client/index.ts';
import { api, fetchLike, liveServer, openSession } from './collab-helpers/harness.ts';

/** Item 6 of issue 14: registering people, the register, consent and demographics from paper, personal links. */
describe('people of a programme', () => {
  const live = liveServer();
  const fac = () => live.server.desktopSecret as string;
  const people = async () => {
    const r = await api(live.server.url, 'GET', `/api/programmes/${live.data.programmeId}/people`, {
      token: fac(),
    });
    expect(r.status).toBe(200);
    return r.body as unknown as { people: PersonRecord[]; cohorts: { name: string }[] };
  };
  const auditCount = () => {
    const store = Store.openFolder(live.data.dir, { readonly: true });
    try {
      return (store.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    } finally {
      store.close();
    }
  };
  const snapshot = () => {
    const store = Store.openFolder(live.data.dir, { readonly: true });
    try {
      return exportSnapshot(store, live.data.programmeId);
    } finally {
      store.close();
    }
  };
  const register = (body: Record<string, unknown>) =>
    api(live.server.url, 'POST', `/api/programmes/${live.data.programmeId}/people`, {
      token: fac(),
      body: { cohort: '', name: '', email: '', phone: '', sessionIds: [], ...body },
    });

  it('refuses bad registrations field by field and saves nothing', async () => {
    const before = (await people()).people.length;
    const audits = auditCount();
    const empty = await register({ descriptor: '   ' });
    expect(empty.status).toBe(400);
    expect((empty.body.error as { fields: Record<string, string> }).fields.descriptor).toMatch(
      /descriptor/,
    );
    const email = await register({ descriptor: 'Resident 99', email: 'not an email' });
    expect(email.status).toBe(400);
    expect((email.body.error as { fields: Record<string, string> }).fields.email).toMatch(
      /email address/,
    );
    const taken = (await people()).people[0] as PersonRecord;
    const clash = await register({ descriptor: taken.descriptor.toUpperCase() });
    expect((clash.body.error as { fields: Record<string, string> }).fields.descriptor).toMatch(
      /already called/,
    );
    const session = await register({ descriptor: 'Resident 99', sessionIds: ['nope'] });
    expect(session.status).toBe(400);
    expect((await people()).people.length).toBe(before);
    expect(auditCount()).toBe(audits);
  });

  it('registers a person with contact details kept out of documents and the audit log', async () => {
    const sid = live.data.sessionIds[0] as string;
    const r = await register({
      descriptor: 'Resident 40',
      cohort: 'Residents and service users',
      name: 'Ada Quillfeather',
      email: 'ada.q@example.org',
      sessionIds: [sid],
    });
    expect(r.status).toBe(201);
    const person = r.body.person as PersonRecord;
    expect(person.contact).toEqual({
      name: 'Ada Quillfeather',
      email: 'ada.q@example.org',
      phone: null,
    });
    expect(person.attendance).toEqual([{ sessionId: sid, registered: true, attended: false }]);
    const store = Store.openFolder(live.data.dir, { readonly: true });
    const log = store.db.prepare('SELECT actor, action, detail FROM audit_log').all() as {
      actor: string;
      action: string;
      detail: string;
    }[];
    const updates = store.db.prepare('SELECT update_data FROM doc_updates').all() as {
      update_data: Buffer;
    }[];
    store.close();
    expect(log.find((e) => e.action === 'person.register')?.actor).toBe('desktop');
    expect(JSON.stringify(log)).not.toContain('Quillfeather');
    expect(updates.some((u) => u.update_data.toString('latin1').includes('Quillfeather'))).toBe(
      false,
    );
  });

  it('counts ticks in the report figures, and refuses a join to a closed session', async () => {
    const sid = live.data.sessionIds[0] as string;
    const { people: list } = await people();
    const ada = list.find((p) => p.descriptor === 'Resident 40') as PersonRecord;
    const before = attendanceBySession(snapshot()).find((a) => a.session.id === sid);
    const tick = await api(live.server.url, 'PUT', `/api/people/${ada.id}/attendance/${sid}`, {
      token: fac(),
      body: { attended: true },
    });
    expect(tick.status).toBe(200);
    const after = attendanceBySession(snapshot()).find((a) => a.session.id === sid);
    expect(after?.attended).toBe((before?.attended ?? 0) + 1);
    expect(after?.registeredAndAttended).toBe((before?.registeredAndAttended ?? 0) + 1);
    expect(after?.walkIns).toBe(before?.walkIns);
    const bad = await api(live.server.url, 'PUT', `/api/people/${ada.id}/attendance/${sid}`, {
      token: fac(),
      body: {},
    });
    expect(bad.status).toBe(400);

    // A code read out before the session closed admits no one after it, and counts no one.
    const code = await openSession(live.server, sid);
    await api(live.server.url, 'POST', `/api/sessions/${sid}/close`, { token: fac() });
    const count = (await people()).people.length;
    const late = await api(live.server.url, 'POST', '/api/join', { body: { code } });
    // The phone is told the session closed (issue 17), and nobody is created.
    expect(late.status).toBe(410);
    expect((await people()).people.length).toBe(count);
  });

  it("ties a phone opened from a personal link to that person's registration", async () => {
    const sid = live.data.sessionIds[1] as string;
    const r = await register({ descriptor: 'Resident 41', sessionIds: [sid] });
    const person = r.body.person as PersonRecord;
    const issued = await api(live.server.url, 'POST', `/api/people/${person.id}/link`, {
      token: fac(),
    });
    const link = issued.body.link as string;
    expect(link).toMatch(/\/join#/);
    const key = link.split('#')[1] as string;
    // The same link each time, so a printed card keeps working.
    const again = await api(live.server.url, 'POST', `/api/people/${person.id}/link`, {
      token: fac(),
    });
    expect(again.body.link).toBe(link);

    // Not open yet: refused, and nothing recorded.
    const early = await api(live.server.url, 'POST', '/api/join', { body: { link: key } });
    expect(early.status).toBe(404);
    expect((early.body.error as { message: string }).message).toMatch(/not open yet/);

    const code = await openSession(live.server, sid);
    const joined = await joinSession(fetchLike, live.server.url, { link: key });
    expect(joined.participantId).toBe(person.id);
    expect(joined.descriptor).toBe('Resident 41');
    const send = participantTransport(fetchLike, live.server.url, joined.token);
    expect((await send(writes.consent({ storeWords: true, recording: false }))).ok).toBe(true);
    const mine = (await people()).people.find((p) => p.id === person.id) as PersonRecord;
    expect(mine.attendance).toEqual([{ sessionId: sid, registered: true, attended: true }]);
    expect(mine.consent.storeWords.given).toBe(true);
    expect(mine.consentHistory.map((c) => c.source)).toEqual(['participant', 'participant']);

    // The session code stays anonymous: a new record, not anyone's registration.
    const anon = await joinSession(fetchLike, live.server.url, { code });
    expect(anon.participantId).not.toBe(person.id);

    // A lost card: revoked, the link no longer admits.
    await api(live.server.url, 'DELETE', `/api/people/${person.id}/link`, { token: fac() });
    const revoked = await api(live.server.url, 'POST', '/api/join', { body: { link: key } });
    expect(revoked.status).toBe(404);
    await api(live.server.url, 'POST', `/api/sessions/${sid}/close`, { token: fac() });
  });

  it('records consent and demographics from paper forms, and erasure removes demographics', async () => {
    const r = await register({ descriptor: 'Resident 42' });
    const id = (r.body.person as PersonRecord).id;
    const consent = await api(live.server.url, 'PUT', `/api/people/${id}/consent`, {
      token: fac(),
      body: { storeWords: true, quoteAnonymously: false, recording: true },
    });
    expect(consent.status).toBe(200);
    const badConsent = await api(live.server.url, 'PUT', `/api/people/${id}/consent`, {
      token: fac(),
      body: {},
    });
    expect(badConsent.status).toBe(400);
    const demo = await api(live.server.url, 'PUT', `/api/people/${id}/demographics`, {
      token: fac(),
      body: { gender: 'prefer-not-to-say', ageBand: '35-44', ethnicity: null, town: 'Otley' },
    });
    expect(demo.status).toBe(200);
    const badDemo = await api(live.server.url, 'PUT', `/api/people/${id}/demographics`, {
      token: fac(),
      body: { gender: 'sometimes', ageBand: '35-44', ethnicity: null, town: 'Otley' },
    });
    expect(badDemo.status).toBe(400);
    let me = (await people()).people.find((p) => p.id === id) as PersonRecord;
    expect(me.demographics).toEqual({
      gender: 'prefer-not-to-say',
      ageBand: '35-44',
      ethnicity: null,
      town: 'Otley',
    });
    expect(me.consentHistory.map((c) => [c.kind, c.given, c.source.split(':')[0]])).toEqual([
      ['storeWords', true, 'paper'],
      ['quoteAnonymously', false, 'paper'],
      ['recording', true, 'paper'],
    ]);

    // Attended a session, then asked to be erased.
    const sid = live.data.sessionIds[0] as string;
    await api(live.server.url, 'PUT', `/api/people/${id}/attendance/${sid}`, {
      token: fac(),
      body: { attended: true },
    });
    const before = attendanceBySession(snapshot()).find((a) => a.session.id === sid);
    const erase = await api(live.server.url, 'POST', `/api/participants/${id}/erase`, {
      token: fac(),
    });
    expect(erase.status).toBe(200);
    me = (await people()).people.find((p) => p.id === id) as PersonRecord;
    expect(me.erasedAt).toBeDefined();
    expect(me.demographics).toEqual({});
    const snap = snapshot();
    const after = attendanceBySession(snap).find((a) => a.session.id === sid);
    expect(after?.attended).toBe(before?.attended);
    expect(after?.erased).toBe(1);
    expect(tallyDemographics(snap).fields[3]?.rows.some((row) => row.label === 'Otley')).toBe(
      false,
    );
    expect(erasureLine(snap.participants)).toMatch(/record of 1 person was erased/);
    // An erased record takes no new demographics or consent.
    const refused = await api(live.server.url, 'PUT', `/api/people/${id}/demographics`, {
      token: fac(),
      body: { gender: 'man', ageBand: null, ethnicity: null, town: null },
    });
    expect(refused.status).toBe(409);
  });

  it('erases their words when a paper form withdraws consent to keep them', async () => {
    const sid = live.data.sessionIds[0] as string;
    const code = await openSession(live.server, sid);
    const joined = await joinSession(fetchLike, live.server.url, { code });
    const send = participantTransport(fetchLike, live.server.url, joined.token);
    expect((await send(writes.consent({ storeWords: true }))).ok).toBe(true);
    expect((await send(writes.addNote('Tangerine minibus to the clinic'))).ok).toBe(true);
    const r = await api(live.server.url, 'PUT', `/api/people/${joined.participantId}/consent`, {
      token: fac(),
      body: { storeWords: false },
    });
    expect(r.status).toBe(200);
    expect(r.body.removed).toBe(1);
    const notes = snapshot().sessions.flatMap((s) => s.notes.map((n) => n.text));
    expect(notes).not.toContain('Tangerine minibus to the clinic');
    const me = (await people()).people.find((p) => p.id === joined.participantId) as PersonRecord;
    expect(me.consentHistory.at(-1)).toMatchObject({ kind: 'storeWords', given: false });
    expect(me.consentHistory.at(-1)?.source).toMatch(/^paper:/);
    await api(live.server.url, 'POST', `/api/sessions/${sid}/close`, { token: fac() });
  });

  it('names cohorts with the word their people are called by', async () => {
    const bad = await api(
      live.server.url,
      'POST',
      `/api/programmes/${live.data.programmeId}/cohorts`,
      {
        token: fac(),
        body: { name: 'Carers', descriptor: '' },
      },
    );
    expect(bad.status).toBe(400);
    const ok = await api(
      live.server.url,
      'POST',
      `/api/programmes/${live.data.programmeId}/cohorts`,
      {
        token: fac(),
        body: { name: 'Young carers', descriptor: 'Young carer' },
      },
    );
    expect(ok.status).toBe(200);
    expect((await people()).cohorts.map((c) => c.name)).toContain('Young carers');
    expect(snapshot().cohorts).toEqual([{ name: 'Young carers', descriptor: 'Young carer' }]);
  });

  it('offers only reportable notes as evidence', async () => {
    const r = await api(
      live.server.url,
      'GET',
      `/api/programmes/${live.data.programmeId}/evidence`,
      {
        token: fac(),
      },
    );
    expect(r.status).toBe(200);
    const notes = r.body.notes as { id: string; text: string }[];
    expect(notes.length).toBeGreaterThan(0);
    const snap = snapshot();
    const hidden = snap.sessions.flatMap((s) => s.notes).filter((n) => n.hidden || n.withdrawn);
    for (const h of hidden) expect(notes.some((n) => n.id === h.id)).toBe(false);
  });
});
