import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../../core/index.ts';
import { JoinCodes } from '../auth/join-codes.ts';
import { Store, importSnapshot } from './index.ts';
import { LatePolicies } from './late-policy.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openStore(): Store {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-late-'));
  const store = Store.openFolder(dir);
  importSnapshot(store, makeDemoProgramme());
  return store;
}

describe('late contributions', () => {
  it('a session takes no late words until the facilitator allows some, and only for that long', () => {
    const store = openStore();
    const late = new LatePolicies(store.db);
    const codes = new JoinCodes(store, { digits: 12, maxLiveCodes: 50 });
    const closedAt = Date.parse('2026-03-01T12:00:00Z');
    codes.issue('session-01');
    codes.revoke('session-01', closedAt);
    expect(late.acceptsLate('session-01', closedAt + 1000)).toBe(false);
    late.setDays('session-01', 7);
    expect(late.get('session-01').lateUntil).toBe('2026-03-08T12:00:00.000Z');
    expect(late.acceptsLate('session-01', closedAt + 6 * 86_400_000)).toBe(true);
    expect(late.acceptsLate('session-01', closedAt + 7 * 86_400_000)).toBe(false);
    store.close();
  });

  it("a closed session's code is recognised as closed, not reissued, and forgotten after 30 days", () => {
    const store = openStore();
    const codes = new JoinCodes(store, { digits: 12, maxLiveCodes: 50 });
    const { code } = codes.issue('session-02');
    const closedAt = Date.now();
    codes.revoke('session-02', closedAt);
    expect(codes.findByCode(code)).toBeNull();
    expect(codes.findClosedByCode(code, closedAt + 1000)).toBe('session-02');
    expect(codes.findClosedByCode(code, closedAt + 31 * 86_400_000)).toBeNull();
    // Reopened: a new code, and the old one is no longer "closed".
    const again = codes.issue('session-02');
    expect(again.code).not.toBe(code);
    expect(codes.findClosedByCode(code, closedAt + 1000)).toBeNull();
    store.close();
  });
});
