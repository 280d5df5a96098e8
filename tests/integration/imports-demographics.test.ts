import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDED_DEMOGRAPHIC_FIELDS, type DemographicFieldDef } from '../../core/index.ts';
import { Store } from '../../collab-server/store/index.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'cohear.mjs');
const P = 'demo-msk-2026';

/** Recommended fields (age bands 25-49 … 80+, 19 ethnic groups) plus a question of its own. */
const FIELDS: DemographicFieldDef[] = [
  ...RECOMMENDED_DEMOGRAPHIC_FIELDS,
  {
    id: 'transport',
    label: 'How you travel',
    question: 'How do you usually get to your appointments?',
    kind: 'choice',
    options: [
      { id: 'bus', label: 'Bus' },
      { id: 'car', label: 'Car or taxi' },
      { id: 'walk', label: 'On foot' },
    ],
  },
];

async function cohear(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, stdout: x.stdout };
  }
}

let dir: string;
let data: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-imports-fields-'));
  data = path.join(dir, 'data');
  expect((await cohear('demo', '--data', data)).code).toBe(0);
  const store = Store.openFolder(data);
  store.records.putSettings(P, { ...store.records.getSettings(P), demographicFields: FIELDS });
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an attendee list for a programme with its own demographic questions', () => {
  it('maps answers onto its fields, names the cells that do not map, and imports twice without duplicates', async () => {
    const file = path.join(dir, 'attendees.csv');
    writeFileSync(
      file,
      [
        'First Name,Surname,Email,Ticket Type,Checked In,Age group,Ethnic group,How you travel,Disability',
        'Nell Notreal,Notreal,nell.notreal@example.org,Residents,Yes,67,Asian or Asian British: Indian,ON FOOT,no',
        'Otto Imaginary,Imaginary,otto.imaginary@example.org,Residents,No,35-44,White,Prefer not to say,Y',
        'Pia Placeholder,Placeholder,pia.placeholder@example.org,Residents,Yes,80+,Klingon,Bicycle,',
      ].join('\n'),
    );
    const args = ['import-registrations', file, '--data', data, '--programme', P];
    const dry = await cohear(...args, '--session', 'session-01', '--dry-run');
    expect(dry.stdout).toContain('Age group -> ageBand');
    expect(dry.stdout).toContain('How you travel -> transport');
    expect(dry.stdout).toContain('Disability -> disability');
    expect(dry.stdout).toContain('warning: cell F3: "35-44" is none of the answers to "Age"');
    expect(dry.stdout).toContain(
      'warning: cell G4: "Klingon" is none of the answers to "Ethnicity"',
    );
    expect(dry.stdout).toContain(
      'warning: cell H4: "Bicycle" is none of the answers to "How you travel"',
    );

    const first = await cohear(...args, '--session', 'session-01');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created 3/);
    const answers = () => {
      const db = new Database(path.join(data, 'cohear.sqlite'), { readonly: true });
      try {
        return db
          .prepare(
            `SELECT c.email, d.field_id, d.value FROM demographic_answers d
             JOIN participant_contacts c ON c.participant_id = d.participant_id
             WHERE c.email LIKE '%@example.org' ORDER BY c.email, d.position`,
          )
          .all() as { email: string; field_id: string; value: string | null }[];
      } finally {
        db.close();
      }
    };
    const byPerson = (email: string) =>
      Object.fromEntries(
        answers()
          .filter((a) => a.email === email)
          .map((a) => [a.field_id, a.value]),
      );
    expect(byPerson('nell.notreal@example.org')).toEqual({
      gender: null,
      ageBand: '65-79',
      ethnicity: 'asian-indian',
      disability: 'no',
      'long-term-condition': null,
      carer: null,
      town: null,
      transport: 'walk',
    });
    expect(byPerson('otto.imaginary@example.org')).toMatchObject({
      ageBand: null,
      ethnicity: 'white',
      transport: 'prefer-not-to-say',
      disability: 'yes',
    });
    expect(byPerson('pia.placeholder@example.org')).toMatchObject({
      ageBand: '80-plus',
      ethnicity: null,
      transport: null,
    });
    const before = answers();
    const again = await cohear(...args, '--session', 'session-01');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing new/);
    expect(answers()).toEqual(before);
  }, 120_000);
});
