import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { SessionDoc, capturedNote, type SubjectAccessReport } from '../../core/index.ts';
import { runCli } from '../../collab-server/cli/program.ts';
import { DATABASE_FILE } from '../../collab-server/store/data-folder.ts';
import {
  api,
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
} from './collab-helpers/harness.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cohear-subject-access-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Issue #20: everything held about one participant, as one file, from the app and the CLI. */
describe('subject access', () => {
  const live = liveServer();

  it('gives their record, consent history, every note, edit, vote and comment, and logs the export', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const asker = await joinAndConsent(server.url, code);
    const other = await joinAndConsent(server.url, code);
    const f = connect(server.url, `session/${sid}`, secret);
    providers.push(f);
    await synced(f);
    const session = new SessionDoc(f.doc);
    session.cards.put({
      id: 'sar-card',
      text: 'Letters should say what happens next',
      themeId: null,
      polarity: 'want',
      order: 0,
      votes: {},
      comments: [],
    });
    session.notes.put(
      capturedNote({
        text: 'Said aloud: the bus stops too far away',
        facilitator: 'Scribe',
        capturedFor: asker.participantId,
      }),
    );
    const first = writes.addNote('Waiting room chairs are too low');
    const noteId = (first as { note: { id: string } }).note.id;
    for (const w of [
      first,
      writes.editNote(noteId, 'Waiting room chairs are far too low'),
      writes.comment('sar-card', 'And say who to ring'),
      writes.vote('sar-card', 'agree'),
      {
        writeId: 'w-sar-demographics',
        type: 'demographics.set' as const,
        demographics: { town: 'Eastbridge' },
      },
    ])
      expect(await asker.send(w)).toMatchObject({ ok: true });
    expect(await other.send(writes.addNote('Someone else entirely'))).toMatchObject({ ok: true });

    const refused = await api(
      server.url,
      'GET',
      `/api/participants/${asker.participantId}/export`,
      {
        token: asker.token,
      },
    );
    expect(refused.status).toBe(403);
    const r = await api(server.url, 'GET', `/api/participants/${asker.participantId}/export`, {
      token: secret,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/subject-access-/);
    const report = r.body as unknown as SubjectAccessReport;
    expect(report.participant).toMatchObject({
      id: asker.participantId,
      descriptor: asker.descriptor,
      demographics: { town: 'Eastbridge' },
      consent: { storeWords: { given: true } },
    });
    expect(report.participant.consentHistory.some((c) => c.kind === 'storeWords' && c.given)).toBe(
      true,
    );
    expect(report.notes.map((n) => n.text).sort()).toEqual([
      'Said aloud: the bus stops too far away',
      'Waiting room chairs are far too low',
    ]);
    expect(report.votes).toEqual([expect.objectContaining({ cardId: 'sar-card', vote: 'agree' })]);
    expect(report.comments.map((c) => c.text)).toEqual(['And say who to ring']);
    expect(report.changes.map((c) => c.kind).sort()).toEqual(
      [
        'card.comment',
        'card.vote',
        'consent.set',
        'demographics.set',
        'note.add',
        'note.edit',
      ].sort(),
    );
    expect(JSON.stringify(report)).not.toContain('Someone else entirely');
    const unknown = await api(server.url, 'GET', '/api/participants/nobody/export', {
      token: secret,
    });
    expect(unknown.status).toBe(404);

    // The same file from the command line (apart from when it was made).
    const file = path.join(scratch, 'sar.json');
    const lines: string[] = [];
    const code2 = await runCli(
      ['participant', 'export', asker.participantId, '--data', data.dir, '--out', file],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(code2, lines.join('\n')).toBe(0);
    const fromCli = JSON.parse(fs.readFileSync(file, 'utf8')) as SubjectAccessReport;
    expect({ ...fromCli, producedAt: '' }).toEqual({ ...report, producedAt: '' });

    // Exports of personal data are themselves in the audit log, by whom.
    const db = new Database(path.join(data.dir, DATABASE_FILE), { readonly: true });
    const logged = db
      .prepare("SELECT actor, target FROM audit_log WHERE action = 'participant.export'")
      .all();
    db.close();
    expect(logged).toEqual([
      { actor: 'desktop', target: asker.participantId },
      { actor: 'cli', target: asker.participantId },
    ]);
  });
});
