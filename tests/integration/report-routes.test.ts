import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { REPORT_SERVICES } from '../../exports/report-services.ts';
import { api, liveServer } from './collab-helpers/harness.ts';

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
