import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDemoProgramme, type Participant } from '../../core/index.ts';
import { importSnapshot } from './programme-io.ts';
import { Store } from './store.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-imports-participants-'));
  store = Store.open(path.join(dir, 'a.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ParticipantsTable.insertMany (the attendee-list bulk path)', () => {
  it('stores exactly what put would, for every person', () => {
    const demo = makeDemoProgramme();
    importSnapshot(store, demo);
    const programmeId = demo.programme.id;
    const sessionId = demo.sessions[0]!.session.id;
    const person = (i: number): Participant => ({
      id: `p_bulk${i}`,
      descriptor: `Resident ${100 + i}`,
      cohort: 'Residents',
      consent: {
        storeWords: { given: true, at: '2026-03-01T10:00:00.000Z' },
        quoteAnonymously: { given: false, at: null },
        recording: { given: false, at: null },
      },
      demographics: { gender: 'woman', ageBand: i % 2 ? '25-49' : null, carer: 'yes' },
      attendance: [{ sessionId, registered: true, attended: i % 2 === 0 }],
      contact:
        i === 2 ? null : { name: `Given${i} Family`, email: `g${i}@example.org`, phone: null },
    });
    const people = [1, 2, 3].map(person);
    store.participants.insertMany(programmeId, people);
    for (const p of people) expect(store.participants.get(p.id)).toEqual(p);
    // The same records through put read back identically.
    const viaPut = person(4);
    store.participants.put(programmeId, viaPut);
    expect(store.participants.get(viaPut.id)).toEqual(viaPut);
  });

  it('adds nobody when one record is invalid', () => {
    const demo = makeDemoProgramme();
    importSnapshot(store, demo);
    const before = store.participants.list(demo.programme.id).length;
    const good = { ...demo.participants[0]!, id: 'p_good1', descriptor: 'Resident 901' };
    const bad = { ...good, id: 'p_bad1', descriptor: '' };
    expect(() => store.participants.insertMany(demo.programme.id, [good, bad])).toThrow();
    expect(store.participants.list(demo.programme.id)).toHaveLength(before);
  });
});
