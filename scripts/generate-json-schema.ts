import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { programmeFileJsonSchema } from '../core/snapshot/json-schema.ts';

/** Rewrites docs/programme-file.schema.json from the zod schemas. */
const target = path.resolve(import.meta.dirname, '..', 'docs', 'programme-file.schema.json');
writeFileSync(target, `${JSON.stringify(programmeFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
