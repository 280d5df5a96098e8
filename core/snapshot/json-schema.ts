import { z } from 'zod';
import { programmeFileSchema } from './programme-file.ts';

/**
 * The programme file's JSON Schema, generated from the zod schemas so the documentation can
 * never drift from what the importer accepts. Cross-reference checks (unknown theme ids and so
 * on) are beyond JSON Schema and are listed in docs/programme-format.md instead.
 */
export function programmeFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(programmeFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://cohear.invalid/schemas/programme-file-v1.json',
    title: 'Cohear programme file, version 1',
    ...schema,
  };
}
