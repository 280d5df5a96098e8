import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatGap,
  formatRate,
  formatRepresentationScore,
  type Representation,
} from '../../core/analysis/index.ts';
import { makeDemoProgramme } from '../../core/demo/index.ts';
import { importSnapshot, Store } from '../../collab-server/store/index.ts';
import { REPORT_SERVICES } from '../../exports/report-services.ts';
import { api, liveServer, startTestServer, type TestServer } from './collab-helpers/harness.ts';

const live = liveServer({ reports: REPORT_SERVICES });

describe('the report editor’s routes', () => {
  it('offers drafts, builds the report with progress to poll, and hands out the file', async () => {
    const { url, desktopSecret } = live.server;
    const token = desktopSecret as string;
    const pid = live.data.programmeId;
    const drafts = await api(url, 'GET', `/api/programmes/${pid}/report/drafts`, { token });
    expect(drafts.status).toBe(200);
    expect((drafts.body.sections as Record<string, string>).conclusions).toMatch(
      /^What people raised most/,
    );

    // Asked first: after the long parse below, a kept-alive socket the server has closed would
    // reset this request on a loaded machine.
    const screen = await api(url, 'GET', `/api/programmes/${pid}/analysis/representation`, {
      token,
    });
    expect(screen.status).toBe(200);
    const rep = screen.body.representation as Representation;

    const bad = await api(url, 'POST', `/api/programmes/${pid}/report/builds`, {
      token,
      body: { wordTables: 'yes' },
    });
    expect(bad.status).toBe(400);
    const started = await api(url, 'POST', `/api/programmes/${pid}/report/builds`, {
      token,
      body: {},
    });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const seen: number[] = [];
    for (let ready = false; !ready;) {
      const s = await api(url, 'GET', `/api/programmes/${pid}/report/builds/${id}`, { token });
      expect(s.status).toBe(200);
      if (s.body.error) throw new Error(String(s.body.error));
      seen.push(s.body.done as number);
      ready = s.body.ready === true;
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen.at(-1)).toBe(seen.length > 0 ? seen.at(-1) : 0);
    const res = await fetch(`${url}/api/programmes/${pid}/report/builds/${id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('Findings');

    // The report's representation is the "Who took part" screen's, figure for figure.
    const html = (await mammoth.convertToHtml({ buffer })).value;
    const compared = rep.dimensions.filter((d) => d.compared > 0);
    expect(compared.length).toBeGreaterThan(0);
    expect(html).toContain(
      `<strong>Representation score: </strong>${formatRepresentationScore(rep.score)}`,
    );
    for (const d of compared) {
      expect(html).toContain(`${d.label}: score ${formatRepresentationScore(d.score)}`);
      for (const r of d.rows)
        expect(html).toContain(
          [
            r.label,
            r.count,
            `${r.percent}%`,
            `${r.referencePercent}%`,
            formatGap(r.gap),
            formatRate(r.rate),
          ]
            .map((c) => `<p>${c}</p>`)
            .join('</td><td>'),
        );
    }

    const pics = await api(url, 'GET', `/api/programmes/${pid}/pictures`, { token });
    const list = pics.body.pictures as { key: string }[];
    expect(list.map((p) => p.key)).toEqual(
      expect.arrayContaining(['cloud-programme', 'chart-attendance']),
    );
    const svg = await fetch(`${url}/api/programmes/${pid}/pictures/chart-attendance.svg`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await svg.text()).toMatch(/^<svg/);
    const missing = await api(url, 'GET', `/api/programmes/${pid}/pictures/cloud-nothing.png`, {
      token,
    });
    expect(missing.status).toBe(404);
  }, 240_000);
});

describe('a report build of a 2,000-note programme', () => {
  let dir = '';
  let server: TestServer;
  let pid = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-reports-'));
    const store = Store.openFolder(dir);
    const snapshot = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
    importSnapshot(store, snapshot, 'test');
    store.close();
    pid = snapshot.programme.id;
    server = await startTestServer(dir, { reports: REPORT_SERVICES });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the server answering health checks and polls while it builds', async () => {
    const token = server.desktopSecret as string;
    const started = await api(server.url, 'POST', `/api/programmes/${pid}/report/builds`, {
      token,
      body: {},
    });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    // Health, then the build's state, over and over: a health answer that arrives while the
    // build is past its first stage and not finished shows the loop was free during the work.
    const answeredDuringBuild: string[] = [];
    const stages = new Set<string>();
    for (;;) {
      const health = await api(server.url, 'GET', '/api/health');
      expect(health.status).toBe(200);
      const s = await api(server.url, 'GET', `/api/programmes/${pid}/report/builds/${id}`, {
        token,
      });
      if (s.body.error) throw new Error(String(s.body.error));
      if (s.body.ready === true) break;
      stages.add(String(s.body.stage));
      if ((s.body.done as number) > 0) answeredDuringBuild.push(String(s.body.stage));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answeredDuringBuild.length).toBeGreaterThan(0);
    // The progress bar still sees the stages, now posted from the worker.
    expect(stages.size).toBeGreaterThan(1);
    const res = await fetch(`${server.url}/api/programmes/${pid}/report/builds/${id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) }))
      .value;
    expect(text).toContain('Findings');
  }, 600_000);
});
