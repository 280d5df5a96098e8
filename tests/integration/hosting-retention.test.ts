import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { DATABASE_FILE } from '../../collab-server/store/data-folder.ts';
import {
  api,
  demoDataDir,
  joinAndConsent,
  openSession,
  startTestServer,
  waitFor,
} from './collab-helpers/harness.ts';

const data = demoDataDir();
afterAll(() => data.cleanup());

/** Reads the live database through a connection of its own (WAL lets it read beside the server). */
function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(data.dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

function storeBytes(): Buffer {
  const file = path.join(data.dir, DATABASE_FILE);
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

const audited = (action: string) =>
  query<{ actor: string }>('SELECT actor FROM audit_log WHERE action = ?', action);

/** Issue #20: a retention period per programme, and an expiry job that erases on schedule. */
describe('retention', () => {
  it('erases contact details, then everything identifying, on the days the periods say', async () => {
    let today = new Date('2026-06-01T09:00:00Z');
    const server = await startTestServer(data.dir, {
      clock: () => today,
      retentionEveryMs: 200,
    });
    try {
      const secret = server.desktopSecret as string;
      const pid = data.programmeId;
      const code = await openSession(server, data.sessionIds[0] as string);
      const p = await joinAndConsent(server.url, code);
      expect(await p.send(writes.addNote('Sandpiper ramp at the back door'))).toMatchObject({
        ok: true,
      });
      expect(
        await p.send({
          writeId: 'w-demographics-1',
          type: 'demographics.set',
          demographics: { gender: 'woman', ageBand: '45-54' },
        }),
      ).toMatchObject({ ok: true });

      // Bad periods are refused with the field named, and change nothing.
      const bad = await api(server.url, 'PUT', `/api/programmes/${pid}/retention`, {
        token: secret,
        body: { contactMonthsAfterEnd: 24, identifyingMonthsAfterEnd: 6 },
      });
      expect(bad.status).toBe(400);
      expect(String((bad.body.error as { message: string }).message)).toMatch(
        /identifyingMonthsAfterEnd/,
      );
      const set = await api(server.url, 'PUT', `/api/programmes/${pid}/retention`, {
        token: secret,
        body: { contactMonthsAfterEnd: 6, identifyingMonthsAfterEnd: 24 },
      });
      expect(set.status).toBe(200);
      // The facilitator sees what expires when.
      expect(set.body.schedule).toEqual({
        programmeEnd: '2026-03-10',
        contact: { expiresOn: '2026-09-10', due: false },
        identifying: { expiresOn: '2028-03-10', due: false },
      });
      const contactsOf = () =>
        query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM participant_contacts c JOIN participants p ON p.id = c.participant_id
           WHERE p.programme_id = ?`,
          pid,
        )[0]?.n;
      expect(contactsOf()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 600));
      expect(audited('retention.contacts-expired')).toEqual([]);

      today = new Date('2026-09-10T00:30:00Z');
      await waitFor(() => audited('retention.contacts-expired').length === 1, 20_000, 'contacts');
      expect(contactsOf()).toBe(0);
      expect(audited('retention.contacts-expired')[0]?.actor).toBe('retention');
      expect(storeBytes().includes('Sandpiper ramp at the back door')).toBe(true);

      today = new Date('2028-03-10T00:30:00Z');
      await waitFor(
        () => audited('retention.identifying-expired').length === 1,
        20_000,
        'identifying data',
      );
      await waitFor(
        () => !storeBytes().includes('Sandpiper ramp at the back door'),
        30_000,
        'the words gone from the file',
      );
      const demographics = query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM demographic_answers d JOIN participants p ON p.id = d.participant_id
         WHERE p.programme_id = ?`,
        pid,
      )[0]?.n;
      expect(demographics).toBe(0);
      // Each participant erased once, by the retention job, and not again on later runs.
      await new Promise((r) => setTimeout(r, 800));
      expect(audited('retention.identifying-expired').length).toBe(1);
      const erasures = audited('participant.erase');
      expect(erasures.length).toBeGreaterThan(0);
      expect(erasures.every((e) => e.actor === 'retention')).toBe(true);
      const view = await api(server.url, 'GET', `/api/programmes/${pid}/retention`, {
        token: secret,
      });
      expect(view.body.schedule).toMatchObject({ identifying: { due: true } });
    } finally {
      await server.close();
    }
  });
});
