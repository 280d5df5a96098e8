import { describe, expect, it } from 'vitest';
import {
  analysisPersonSchema,
  filteredKeyThemeTable,
  findNearDuplicates,
  liveSnapshot,
  mergeNotes,
  type KeyThemeTable,
} from '../../core/analysis/index.ts';
import { mergeThemes, toggleTheme } from '../../core/codebook/index.ts';
import { ProgrammeDoc, SessionDoc, programmeSchema, sessionSchema } from '../../core/index.ts';
import { api, connect, liveServer, synced } from './collab-helpers/harness.ts';

const numbers = (t: KeyThemeTable) => ({
  rows: t.rows.map((r) => [r.path, r.counts, r.participants, r.sessionIds]),
  untagged: t.untagged,
  totalNotes: t.totalNotes,
});

/** Issue 15: the key theme table on screen gives exactly the numbers of the exported table. */
describe('the key theme table on screen', () => {
  const live = liveServer();

  it('equals the exported table after live merges and tags, and the people route sends no contacts', async () => {
    const { server, providers, data } = live;
    const token = server.desktopSecret as string;
    const overview = await api(server.url, 'GET', `/api/programmes/${data.programmeId}`, { token });
    const people = await api(
      server.url,
      'GET',
      `/api/programmes/${data.programmeId}/analysis/people`,
      { token },
    );
    expect(people.status).toBe(200);
    const list = analysisPersonSchema.array().parse(people.body.people);
    expect(list.length).toBeGreaterThan(0);
    expect(JSON.stringify(people.body)).not.toMatch(/@example\.org|07700/);

    const pp = connect(server.url, `programme/${data.programmeId}`, token);
    const sps = data.sessionIds.map((id) => connect(server.url, `session/${id}`, token));
    providers.push(pp, ...sps);
    await Promise.all([pp, ...sps].map((p) => synced(p)));
    const programmeDoc = new ProgrammeDoc(pp.doc);
    const sessionDocs = new Map(data.sessionIds.map((id, i) => [id, new SessionDoc(sps[i]!.doc)]));
    const docs = [...sessionDocs.values()];

    // Live analysis work: merge near-duplicates, merge two themes, tag a note.
    const all = docs.flatMap((d) => d.notes.all());
    const group = findNearDuplicates(all)[0]!;
    mergeNotes(docs, group.noteIds[0]!, group.noteIds);
    const [keep, gone] = programmeDoc.themes.all().filter((t) => t.parentId === null);
    mergeThemes(programmeDoc, docs, keep!.id, gone!.id);
    const untagged = docs.flatMap((d) => d.notes.all()).find((n) => n.themeIds.length === 0);
    if (untagged) toggleTheme(docs, [untagged.id], keep!.id);

    const programme = programmeSchema.parse(overview.body.programme);
    const sessions = (overview.body.sessions as Record<string, unknown>[]).map((s) =>
      sessionSchema.parse(
        Object.fromEntries(Object.keys(sessionSchema.shape).map((k) => [k, s[k]])),
      ),
    );
    const screen = filteredKeyThemeTable(
      liveSnapshot(programme, sessions, list, programmeDoc, sessionDocs),
      {},
    );

    // The server applies the updates as they arrive; poll the export until it has them all.
    const target = JSON.stringify(numbers(screen));
    let exported: KeyThemeTable | null = null;
    for (let i = 0; i < 200; i += 1) {
      const r = await api(
        server.url,
        'GET',
        `/api/programmes/${data.programmeId}/exports/key-theme-table.json`,
        { token },
      );
      exported = r.body as unknown as KeyThemeTable;
      if (JSON.stringify(numbers(exported)) === target) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(exported).not.toBeNull();
    expect(numbers(exported!)).toEqual(numbers(screen));
    expect(screen.rows.some((r) => r.theme.id === gone!.id)).toBe(false);
  });
});
