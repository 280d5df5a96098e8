import type { z } from 'zod';
import { fieldProblems, type FieldProblems } from '../../../../core/index.ts';
import { ApiError } from '../../shared/http.ts';

/** Only the fields that changed, so a save never overwrites what someone else changed meanwhile. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}

/** Checks a form's values with the model's own schema; field name -> message. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; problems: FieldProblems } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, problems: fieldProblems(parsed.error) };
}

/** A refusal from the server as field messages (or one message for the whole form). */
export function problemsFromError(e: unknown): FieldProblems {
  if (e instanceof ApiError && Object.keys(e.fields).length > 0) return e.fields;
  return { form: (e as Error).message };
}

/** Field problems keyed by control id (`prefix-field`), as the error summary links to them. */
export function byControlId(prefix: string, problems: FieldProblems): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(problems)) out[`${prefix}-${field}`] = message;
  return out;
}
