import * as Y from 'yjs';
import type { z } from 'zod';

type Plain = Record<string, unknown>;

/**
 * A root Y.Map whose entries are Y.Maps of one record each, keyed by id. Each field is its own
 * key, so two people editing different fields of the same note both keep their edit. Values are
 * validated with the record's zod schema on the way in and on the way out; an entry that does
 * not validate (written by an old or broken client) is left out of reads rather than crashing
 * every reader.
 */
export class EntryMap<S extends z.ZodType<{ id: string }>> {
  constructor(
    readonly map: Y.Map<Y.Map<unknown>>,
    private readonly schema: S,
    /** Fields held as nested Y.Maps (for example votes keyed by participant). */
    private readonly nestedMaps: readonly string[] = [],
  ) {}

  has(id: string): boolean {
    return this.map.has(id);
  }

  get size(): number {
    return this.map.size;
  }

  get(id: string): z.infer<S> | null {
    const entry = this.map.get(id);
    if (!(entry instanceof Y.Map)) return null;
    const parsed = this.schema.safeParse(this.toPlain(entry));
    return parsed.success ? parsed.data : null;
  }

  all(): z.infer<S>[] {
    const out: z.infer<S>[] = [];
    for (const entry of this.map.values()) {
      if (!(entry instanceof Y.Map)) continue;
      const parsed = this.schema.safeParse(this.toPlain(entry));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  /** Writes a whole record, touching only the fields whose value changed. */
  put(value: z.infer<S>): z.infer<S> {
    const v = this.schema.parse(value) as Plain & { id: string };
    let entry = this.map.get(v.id);
    const doc = this.map.doc;
    const write = () => {
      if (!(entry instanceof Y.Map)) {
        entry = new Y.Map<unknown>();
        this.map.set(v.id, entry);
      }
      this.writeFields(entry, v);
    };
    if (doc) doc.transact(write);
    else write();
    return v as z.infer<S>;
  }

  /** Changes some fields of an existing record; the result must still validate. */
  patch(id: string, changes: Partial<z.infer<S>>): z.infer<S> {
    const current = this.get(id);
    if (!current) throw new Error(`no entry ${id}`);
    return this.put({ ...current, ...changes, id } as z.infer<S>);
  }

  remove(id: string): boolean {
    if (!this.map.has(id)) return false;
    this.map.delete(id);
    return true;
  }

  /** The nested Y.Map of a field declared in `nestedMaps`, for single-key writes such as a vote. */
  nested(id: string, field: string): Y.Map<unknown> | null {
    const entry = this.map.get(id);
    if (!(entry instanceof Y.Map)) return null;
    const inner = entry.get(field);
    return inner instanceof Y.Map ? inner : null;
  }

  private writeFields(entry: Y.Map<unknown>, v: Plain): void {
    for (const [key, value] of Object.entries(v)) {
      if (this.nestedMaps.includes(key)) {
        let inner = entry.get(key);
        if (!(inner instanceof Y.Map)) {
          inner = new Y.Map<unknown>();
          entry.set(key, inner);
        }
        const m = inner as Y.Map<unknown>;
        const record = (value ?? {}) as Plain;
        for (const k of [...m.keys()]) if (!(k in record)) m.delete(k);
        for (const [k, val] of Object.entries(record)) if (!sameJson(m.get(k), val)) m.set(k, val);
      } else if (!sameJson(entry.get(key), value)) {
        entry.set(key, value);
      }
    }
    for (const key of [...entry.keys()]) if (!(key in v)) entry.delete(key);
  }

  private toPlain(entry: Y.Map<unknown>): Plain {
    const out: Plain = {};
    for (const [k, v] of entry.entries()) out[k] = v instanceof Y.Map ? v.toJSON() : v;
    return out;
  }
}

/** Structural equality for JSON values, so unchanged fields produce no update. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = Object.keys(a as Plain);
  const kb = Object.keys(b as Plain);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Plain)[k], (b as Plain)[k]));
}
