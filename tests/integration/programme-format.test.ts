import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDemoProgramme, serialiseProgrammeFile } from '../../core/index.ts';
import { programmeFileJsonSchema } from '../../core/snapshot/json-schema.ts';

const committed = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'docs',
  'programme-file.schema.json',
);

describe('docs/programme-file.schema.json', () => {
  it('is what the zod schemas generate (run `npx tsx scripts/generate-json-schema.ts` after a change)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(programmeFileJsonSchema());
  });

  it('accepts a real programme file and rejects a broken one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
    ajv.addFormat('email', /@/);
    const validate = ajv.compile(JSON.parse(readFileSync(committed, 'utf8')));
    const file = JSON.parse(serialiseProgrammeFile(makeDemoProgramme()));
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    file.snapshot.sessions[0].notes[0].polarity = 'maybe';
    expect(validate(file)).toBe(false);
  });
});
