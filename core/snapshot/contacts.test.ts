import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { withoutContacts } from './contacts.ts';
import { parseProgrammeFile, serialiseProgrammeFile } from './programme-file.ts';

describe('programme files without contacts (the default)', () => {
  it('leaves out every name, email and phone and nothing else, and reads back to the same bytes', () => {
    const demo = makeDemoProgramme();
    const withContacts = demo.participants.filter((p) => p.contact !== null);
    expect(withContacts.length).toBeGreaterThan(0);
    const bare = withoutContacts(demo);
    expect(bare.participants.every((p) => p.contact === null)).toBe(true);
    expect(bare.participants.map((p) => ({ ...p, contact: null }))).toEqual(
      demo.participants.map((p) => ({ ...p, contact: null })),
    );
    const text = serialiseProgrammeFile(bare);
    for (const p of withContacts)
      for (const v of [p.contact!.email, p.contact!.phone, p.contact!.name])
        if (v) expect(text).not.toContain(v);
    expect(serialiseProgrammeFile(parseProgrammeFile(text).snapshot)).toBe(text);
    expect(withoutContacts(bare)).toBe(bare);
  });
});
