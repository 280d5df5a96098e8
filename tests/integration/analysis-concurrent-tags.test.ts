import { describe, expect, it } from 'vitest';
import { toggleTheme } from '../../core/codebook/index.ts';
import { ProgrammeDoc, SessionDoc, type Note } from '../../core/index.ts';
import { connect, liveServer, synced, waitFor } from './collab-helpers/harness.ts';

describe('two facilitators tag the same note with different themes', () => {
  const live = liveServer();

  it('both themes survive, whether both are online or one tags while disconnected', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const [a, b] = [0, 1].map(() => connect(server.url, `session/${sid}`, secret));
    const programme = connect(server.url, `programme/${data.programmeId}`, secret);
    providers.push(a!, b!, programme);
    await Promise.all([a!, b!, programme].map((p) => synced(p)));
    const docA = new SessionDoc(a!.doc);
    const docB = new SessionDoc(b!.doc);
    const themes = new ProgrammeDoc(programme.doc).themes.all().map((t) => t.id);
    const [one, two] = docA.notes.all() as [Note, Note];
    const [t1, t2] = themes.filter((t) => !one.themeIds.includes(t)) as [string, string];
    const [t3, t4] = themes.filter((t) => !two.themeIds.includes(t)) as [string, string];

    // At once, both connected: each adds a different theme to the same note in the same tick.
    const first = one.id;
    toggleTheme([docA], [first], t1, true);
    toggleTheme([docB], [first], t2, true);
    await waitFor(() =>
      [docA, docB].every((d) => {
        const ids = d.notes.get(first)?.themeIds ?? [];
        return ids.includes(t1) && ids.includes(t2);
      }),
    );

    // One facilitator's connection drops; both keep tagging the same note; it comes back.
    const second = two.id;
    a!.disconnect();
    toggleTheme([docA], [second], t3, true);
    toggleTheme([docB], [second], t4, true);
    await waitFor(() => (docB.notes.get(second)?.themeIds ?? []).includes(t4));
    expect(docA.notes.get(second)?.themeIds).toEqual([...two.themeIds, t3]);
    a!.connect();
    await waitFor(() =>
      [docA, docB].every((d) => {
        const ids = d.notes.get(second)?.themeIds ?? [];
        return ids.includes(t3) && ids.includes(t4);
      }),
    );
    // Everyone reads the same order, and a third client opening later sees the same.
    expect(docA.notes.get(second)?.themeIds).toEqual(docB.notes.get(second)?.themeIds);
    const c = connect(server.url, `session/${sid}`, secret);
    providers.push(c);
    await synced(c);
    const docC = new SessionDoc(c.doc);
    expect(docC.notes.get(first)?.themeIds).toEqual(docA.notes.get(first)?.themeIds);
    expect(docC.notes.get(second)?.themeIds).toEqual(docA.notes.get(second)?.themeIds);
    expect(docC.notes.get(second)?.themeIds).toHaveLength(two.themeIds.length + 2);
  });
});
