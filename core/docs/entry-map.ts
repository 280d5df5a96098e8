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
    /**
     * List fields held as a set: field name → the entry key of a nested Y.Map of item → place.
     * Two people adding different items at once both keep theirs (a list in one key would keep
     * one of the two lists); the place keeps the order the items were added. A list still stored
     * under the field's own name (older documents) is read until the entry is next written.
     */
    private readonly setFields: Readonly<Record<string, string>> = {},
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
    const keep = new Set(Object.keys(v));
    for (const [field, stored] of Object.entries(this.setFields)) {
      keep.delete(field);
      keep.add(stored);
      writeOrderedSet(entry, stored, (v[field] ?? []) as unknown[]);
    }
    for (const [key, value] of Object.entries(v)) {
      if (key in this.setFields) continue;
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
    for (const key of [...entry.keys()]) if (!keep.has(key)) entry.delete(key);
  }

  private toPlain(entry: Y.Map<unknown>): Plain {
    const out: Plain = {};
    for (const [k, v] of entry.entries()) out[k] = v instanceof Y.Map ? v.toJSON() : v;
    for (const [field, stored] of Object.entries(this.setFields)) {
      const set = entry.get(stored);
      delete out[stored];
      if (set instanceof Y.Map) out[field] = readOrderedSet(set);
    }
    return out;
  }
}

/** The items of an ordered set, by place, then by item where two were added at once. */
export function readOrderedSet(set: Y.Map<unknown>): string[] {
  return [...set.entries()]
    .map(([item, place]) => [item, typeof place === 'number' ? place : 0] as const)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([item]) => item);
}

/**
 * Makes the nested set at `key` hold `items`, writing only what changed: removed items are
 * deleted and new ones get places after the last, so a concurrent add elsewhere is never
 * overwritten. Only when the list reorders existing items are places rewritten.
 */
function writeOrderedSet(entry: Y.Map<unknown>, key: string, items: readonly unknown[]): void {
  const wanted = [...new Set(items.map(String))];
  let set = entry.get(key);
  if (!(set instanceof Y.Map)) {
    // An older entry keeps its list under the field's name; the set replaces it.
    set = new Y.Map<unknown>();
    entry.set(key, set);
  }
  const m = set as Y.Map<unknown>;
  const want = new Set(wanted);
  for (const item of [...m.keys()]) if (!want.has(item)) m.delete(item);
  const kept = readOrderedSet(m);
  const added = wanted.filter((item) => !m.has(item));
  if (sameJson([...kept, ...added], wanted)) {
    let next = Math.max(-1, ...[...m.values()].map((p) => (typeof p === 'number' ? p : 0))) + 1;
    for (const item of added) m.set(item, next++);
  } else {
    wanted.forEach((item, place) => {
      if (m.get(item) !== place) m.set(item, place);
    });
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
