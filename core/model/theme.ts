import { z } from 'zod';
import { colourSchema, idSchema, longText, shortText } from './primitives.ts';

/** One code in the hierarchical codebook. */
export const themeSchema = z
  .object({
    id: idSchema,
    name: shortText(120),
    description: longText(2000),
    colour: colourSchema,
    parentId: idSchema.nullable(),
    order: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

/** A colour-blind-safe palette (Okabe-Ito, then darker tints) new themes cycle through. */
export const THEME_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7f6b00',
  '#4d4d4d',
] as const;

/** Codebook problems a facilitator must fix: missing parents and cycles. */
export function codebookProblems(themes: readonly Theme[]): string[] {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const problems: string[] = [];
  for (const t of themes) {
    if (t.parentId !== null && !byId.has(t.parentId)) {
      problems.push(`theme ${t.id}: parent ${t.parentId} does not exist`);
    }
    const seen = new Set<string>([t.id]);
    let p = t.parentId === null ? undefined : byId.get(t.parentId);
    while (p) {
      if (seen.has(p.id)) {
        problems.push(`theme ${t.id}: parents form a cycle`);
        break;
      }
      seen.add(p.id);
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
  }
  return problems;
}

/** Themes in reading order: parents before children, siblings by `order` then name. */
export function sortThemes(themes: readonly Theme[]): Theme[] {
  const children = new Map<string | null, Theme[]>();
  for (const t of themes) {
    const key = t.parentId !== null && themes.some((p) => p.id === t.parentId) ? t.parentId : null;
    const list = children.get(key) ?? [];
    list.push(t);
    children.set(key, list);
  }
  const out: Theme[] = [];
  const visit = (parent: string | null, seen: Set<string>) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    for (const t of list) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push(t);
      visit(t.id, seen);
    }
  };
  visit(null, new Set());
  return out;
}
