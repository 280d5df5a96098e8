import type * as Y from 'yjs';
import type { z } from 'zod';
import { sameJson } from './entry-map.ts';

/**
 * A root Y.Map whose entries are plain values, each replaced whole. For documents that one
 * writer rewrites entry by entry (the server's room projection), this is the cheap form: one
 * struct per entry instead of one per field, which made a shared note about ten times cheaper to
 * apply on each participant's phone. Where several people edit fields of one record at once,
 * use EntryMap, which keeps each field's edit.
 */
export class ValueMap<S extends z.ZodType<{ id: string }>> {
  constructor(
    readonly map: Y.Map<unknown>,
    private readonly schema: S,
  ) {}

  has(id: string): boolean {
    return this.map.has(id);
  }

  get size(): number {
    return this.map.size;
  }

  get(id: string): z.infer<S> | null {
    const parsed = this.schema.safeParse(this.map.get(id));
    return parsed.success ? parsed.data : null;
  }

  /** Every entry that validates; one that does not is left out rather than failing readers. */
  all(): z.infer<S>[] {
    const out: z.infer<S>[] = [];
    for (const value of this.map.values()) {
      const parsed = this.schema.safeParse(value);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  /** Writes the entry only if it differs from what is there, so an unchanged entry sends nothing. */
  put(value: z.infer<S>): z.infer<S> {
    const v = this.schema.parse(value) as z.infer<S> & { id: string };
    if (!sameJson(this.map.get(v.id), v)) this.map.set(v.id, v);
    return v;
  }

  remove(id: string): boolean {
    if (!this.map.has(id)) return false;
    this.map.delete(id);
    return true;
  }
}
