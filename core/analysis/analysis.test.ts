import { describe, expect, it } from 'vitest';
import { attendanceBySession } from './attendance.ts';
import { cloudScopes, slug } from './cloud-scopes.ts';
import { tallyDemographics } from './demographics.ts';
import { buildExportView } from './export-view.ts';
import { FIXTURE_SECRETS, makeFixtureSnapshot } from './fixture-snapshot.ts';
import { buildKeyThemeTable } from './key-theme-table.ts';
import { distinctWording, selectQuotes, type Quote } from './quotes.ts';

describe('buildExportView', () => {
  const view = buildExportView(makeFixtureSnapshot());

  it('leaves out hidden and withdrawn notes and the words of people without consent', () => {
    expect(view.excluded).toEqual({ hidden: 1, withdrawn: 1, noConsent: 1 });
    expect(view.notes).toHaveLength(16 - 3);
  });

  it('keeps no secret anywhere in the sanitised snapshot', () => {
    const json = JSON.stringify(view.snapshot);
    for (const secret of FIXTURE_SECRETS) expect(json).not.toContain(secret);
    expect(view.snapshot.participants.every((p) => p.contact === null)).toBe(true);
  });

  it('keeps the words as written only when redaction is explicitly turned off', () => {
    const raw = buildExportView(makeFixtureSnapshot(), { redact: false });
    expect(JSON.stringify(raw.snapshot)).toContain('943 476 5919');
    expect(raw.snapshot.participants.every((p) => p.contact === null)).toBe(true);
    expect(JSON.stringify(raw.snapshot)).not.toContain('should never appear anywhere');
  });
});

describe('buildKeyThemeTable', () => {
  const view = buildExportView(makeFixtureSnapshot());

  it('gives one row per theme with notes, in codebook order, with counts by polarity', () => {
    const table = buildKeyThemeTable(view);
    expect(table.rows.map((r) => r.path)).toEqual([
      'Access',
      'Access › Waiting times',
      'Communication',
    ]);
    const wait = table.rows[1];
    expect(wait?.counts).toEqual({ want: 1, doNotWant: 2, other: 1, total: 4 });
    expect(wait?.participants).toBe(2);
    expect(wait?.doNotWant[0]).toBe('I waited eight months for physiotherapy and heard nothing.');
    expect(table.untagged).toBe(1);
    expect(table.totalNotes).toBe(13);
  });

  it('filters by session and can keep empty themes', () => {
    const table = buildKeyThemeTable(view, { sessionId: 's2', skipEmpty: false });
    expect(table.rows).toHaveLength(4);
    expect(table.rows.find((r) => r.theme.id === 't-wait')?.counts.total).toBe(0);
    expect(table.rows.find((r) => r.theme.id === 't-access')?.want).toEqual([
      'Appointments after school so my child does not miss lessons.',
    ]);
  });
});

describe('selectQuotes', () => {
  const view = buildExportView(makeFixtureSnapshot());

  it('quotes only quotable notes of people who consented, by descriptor and cohort', () => {
    const quotes = selectQuotes(view);
    expect(quotes.map((q) => q.noteId)).toEqual(['n1', 'n5', 'n7', 'n13', 'n14']);
    expect(quotes[0]?.attribution).toBe('Resident 1, Residents and service users');
    // p2 marked quotable but did not consent to be quoted: n3 is not there.
    expect(quotes.some((q) => q.noteId === 'n3')).toBe(false);
    expect(quotes.find((q) => q.noteId === 'n14')?.text).toContain('[name removed]');
  });

  it('filters by theme and session and honours a limit', () => {
    expect(selectQuotes(view, { themeId: 't-comms' }).map((q) => q.noteId)).toEqual([
      'n5',
      'n7',
      'n14',
    ]);
    expect(selectQuotes(view, { sessionId: 's2' })).toHaveLength(2);
    expect(selectQuotes(view, { limit: 2 })).toHaveLength(2);
  });

  it('keeps one quote for the same words from two people, the first to say them', () => {
    const q = (noteId: string, text: string): Quote => ({
      noteId,
      text,
      attribution: `Resident ${noteId}`,
      sessionId: 's1',
      themeIds: [],
      polarity: 'want',
    });
    const kept = distinctWording([
      q('a', 'Evening and Saturday appointments.'),
      q('b', 'One named person to call'),
      q('c', 'evening and saturday  appointments'),
    ]);
    expect(kept.map((k) => k.noteId)).toEqual(['a', 'b']);
  });
});

describe('tallyDemographics', () => {
  const tally = tallyDemographics(makeFixtureSnapshot());

  it('counts the people who attended, each field summing to 100%', () => {
    expect(tally.n).toBe(5);
    for (const field of tally.fields) {
      expect(field.rows.reduce((a, r) => a + r.count, 0)).toBe(5);
      expect(field.rows.reduce((a, r) => a + r.percent, 0)).toBe(100);
    }
  });

  it('orders values as the model does, with prefer-not-to-say and not recorded last', () => {
    const gender = tally.fields.find((f) => f.field === 'gender');
    expect(gender?.rows.map((r) => [r.label, r.count, r.percent])).toEqual([
      ['Woman', 3, 60],
      ['Man', 1, 20],
      ['Prefer not to say', 1, 20],
    ]);
    const ethnicity = tally.fields.find((f) => f.field === 'ethnicity');
    expect(ethnicity?.rows.at(-1)).toMatchObject({ label: 'Not recorded', count: 1 });
  });

  it('groups towns written differently', () => {
    const town = tally.fields.find((f) => f.field === 'town');
    expect(town?.rows[0]).toMatchObject({ label: 'Leeds', count: 2, percent: 40 });
  });
});

describe('attendanceBySession', () => {
  it('gives registered against attended and walk-ins', () => {
    const rows = attendanceBySession(makeFixtureSnapshot());
    expect(rows.map((r) => [r.session.id, r.registered, r.attended, r.walkIns])).toEqual([
      ['s1', 4, 3, 1],
      ['s2', 8, 2, 0],
    ]);
  });
});

describe('cloudScopes', () => {
  const scopes = cloudScopes(buildExportView(makeFixtureSnapshot()));

  it('gives a cloud for the programme, each session, theme, cohort and polarity', () => {
    expect(scopes.map((s) => s.key)).toEqual([
      'programme',
      'session-s1',
      'session-s2',
      'theme-t-access',
      'theme-t-wait',
      'theme-t-comms',
      'cohort-1-parents-and-carers',
      'cohort-2-residents-and-service-users',
      'polarity-want',
      'polarity-do-not-want',
    ]);
  });

  it('never shows a redaction placeholder or a name as a word', () => {
    const words = scopes.flatMap((s) => s.words.map((w) => w.text));
    for (const w of ['removed', 'margaret', 'oyelaran', 'priya', 'mistry']) {
      expect(words).not.toContain(w);
    }
    expect(words).toContain('letters');
  });

  it('makes file-name-safe slugs', () => {
    expect(slug('Parents & carers: Leeds/Bradford')).toBe('parents-carers-leeds-bradford');
    expect(slug('***')).toBe('unnamed');
  });
});
