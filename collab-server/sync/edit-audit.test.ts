import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import { EditAudit } from './edit-audit.ts';

const lead: Principal = { role: 'facilitator', userId: 'u1', name: 'Lead' };

describe('EditAudit', () => {
  it('writes one row per person and document per window, counting the edits between', () => {
    let t = 0;
    const rows: [string, string, number][] = [];
    const audit = new EditAudit(
      (a, d, x) => rows.push([a, d, x.edits]),
      60_000,
      () => t,
    );
    audit.note(lead, 'session/s1', 40);
    audit.note(lead, 'session/s1', 40);
    audit.note(lead, 'session/s1', 40);
    audit.note(lead, 'programme/p1', 40);
    t = 61_000;
    audit.note(lead, 'session/s1', 40);
    expect(rows).toEqual([
      ['u1', 'session/s1', 1],
      ['u1', 'programme/p1', 1],
      ['u1', 'session/s1', 3],
    ]);
  });

  it('ignores empty updates and anyone but facilitators', () => {
    const rows: unknown[] = [];
    const audit = new EditAudit((...r) => rows.push(r));
    audit.note(lead, 'session/s1', 2);
    audit.note({ role: 'participant', sessionId: 's1', participantId: 'p1' }, 'room/s1', 50);
    audit.note({ role: 'facilitator', userId: null, name: 'Desktop' }, 'session/s1', 30);
    expect(rows).toEqual([['desktop', 'session/s1', { edits: 1 }]]);
  });
});
