import { describe, expect, it } from 'vitest';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  RECOMMENDED_DEMOGRAPHIC_FIELDS,
  serialiseProgrammeFile,
  type ReferencePopulation,
} from '../../core/index.ts';
import { Store, exportSnapshot } from '../../collab-server/store/index.ts';
import { api, joinAndConsent, liveServer, openSession } from './collab-helpers/harness.ts';

describe('analysis settings: demographic fields, stop list, reference; clouds and representation', () => {
  const live = liveServer();

  it('follow the programme: the participant form, validation, clouds and representation', async () => {
    const { server, data } = live;
    const pid = data.programmeId;
    const token = server.desktopSecret as string;
    const base = `/api/programmes/${pid}`;

    const before = await api(server.url, 'GET', `${base}/settings/analysis`, { token });
    expect(before.status).toBe(200);
    expect(before.body.customFields).toBe(false);
    expect((before.body.demographicFields as { id: string }[]).map((f) => f.id)).toEqual([
      'gender',
      'ageBand',
      'ethnicity',
      'town',
    ]);

    // A field list that drops an answer people gave is refused, and changes nothing.
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    const old = await p.send({
      writeId: 'w-old-age',
      type: 'demographics.set',
      demographics: { ageBand: '65-74' },
    });
    expect(old.ok).toBe(true);
    const refused = await api(server.url, 'PUT', `${base}/settings/demographic-fields`, {
      token,
      body: { fields: RECOMMENDED_DEMOGRAPHIC_FIELDS },
    });
    expect(refused.status).toBe(409);
    expect((refused.body.error as { message: string }).message).toContain(
      'answered "65-74" to "Age"',
    );
    const same = await api(server.url, 'GET', `${base}/settings/analysis`, { token });
    expect(same.body.customFields).toBe(false);

    // Keeping the bands people already chose makes the change acceptable (broad ethnic groups
    // already given stay valid answers to the 19-category question).
    const fields = RECOMMENDED_DEMOGRAPHIC_FIELDS.map((f) =>
      f.id === 'ageBand' ? LEGACY_DEMOGRAPHIC_FIELDS[1]! : f,
    );
    const saved = await api(server.url, 'PUT', `${base}/settings/demographic-fields`, {
      token,
      body: { fields },
    });
    expect(saved.body).toMatchObject({ ok: true });
    expect(saved.body.customFields).toBe(true);

    // The participant page now gets the programme's questions, and answers are checked by them.
    const me = await api(server.url, 'GET', '/api/participant/me', { token: p.token });
    expect((me.body.demographicFields as { id: string }[]).map((f) => f.id)).toContain('carer');
    const carer = await p.send({
      writeId: 'w-carer',
      type: 'demographics.set',
      demographics: { carer: 'yes', ethnicity: 'asian-pakistani' },
    });
    expect(carer.ok).toBe(true);
    const wrong = await p.send({
      writeId: 'w-wrong',
      type: 'demographics.set',
      demographics: { carer: 'sometimes' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid' } });

    // Stop list: refused when malformed, then applied to the clouds.
    const badWords = await api(server.url, 'PUT', `${base}/settings/stop-words`, {
      token,
      body: { words: ['fine', 'four words is too many'] },
    });
    expect(badWords.status).toBe(400);
    const clouds1 = await api(server.url, 'GET', `${base}/analysis/clouds`, { token });
    const programmeWords = (clouds1.body.scopes as { words: { text: string }[] }[])[0]!.words;
    const top = programmeWords[0]!.text;
    const words = await api(server.url, 'PUT', `${base}/settings/stop-words`, {
      token,
      body: { words: [top.toUpperCase()] },
    });
    expect(words.status).toBe(200);
    expect(words.body.stopWords).toEqual([top]);
    const clouds2 = await api(server.url, 'GET', `${base}/analysis/clouds`, { token });
    const scopes = clouds2.body.scopes as { def: { kind: string }; words: { text: string }[] }[];
    expect(scopes.every((s) => !s.words.some((w) => w.text === top))).toBe(true);
    expect(new Set(scopes.map((s) => s.def.kind))).toEqual(
      new Set(['programme', 'session', 'theme', 'cohort', 'polarity']),
    );

    // Representation against the census, then against a local reference.
    const rep = await api(server.url, 'GET', `${base}/analysis/representation`, { token });
    const r = rep.body.representation as { local: boolean; dimensions: { fieldId: string }[] };
    expect(r.local).toBe(false);
    expect(r.dimensions.map((d) => d.fieldId)).toEqual(['gender', 'ageBand', 'ethnicity']);
    // Age is compared in the programme's own bands, and a local reference starts from them.
    const bands = LEGACY_DEMOGRAPHIC_FIELDS[1]!.options.map((o) => o.id);
    const ageRows = (r.dimensions[1] as unknown as { rows: { id: string }[] }).rows;
    expect(ageRows.map((row) => row.id)).toEqual(bands);
    const now = await api(server.url, 'GET', `${base}/settings/analysis`, { token });
    const census = (now.body.defaults as { census: ReferencePopulation }).census;
    expect(census.dimensions[1]!.categories.map((c) => c.id)).toEqual(bands);
    const badRef = await api(server.url, 'PUT', `${base}/settings/reference`, {
      token,
      body: {
        reference: {
          name: 'Our ICB',
          source: 'ICB',
          dimensions: [
            {
              fieldId: 'gender',
              label: 'Sex',
              categories: [
                { id: 'f', label: 'Female', percent: 50, answers: ['woman'] },
                { id: 'm', label: 'Male', percent: 45, answers: ['man'] },
              ],
            },
          ],
        },
      },
    });
    expect(badRef.status).toBe(400);
    expect((badRef.body.error as { message: string }).message).toContain('add up to 95, not 100');

    // The settings travel in the programme file, and the audit log names who changed them.
    const store = Store.openFolder(data.dir, { readonly: true });
    try {
      const snap = exportSnapshot(store, pid);
      expect(snap.settings?.stopWords).toEqual([top]);
      expect(serialiseProgrammeFile(snap)).toContain('"carer"');
      const audit = store.db
        .prepare("SELECT action FROM audit_log WHERE action LIKE 'settings.%' ORDER BY rowid")
        .all() as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual([
        'settings.demographic-fields',
        'settings.stop-words',
      ]);
    } finally {
      store.close();
    }
  });
});
