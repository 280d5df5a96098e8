import type { Theme } from '../../../../../core/index.ts';

export interface ThemeRow {
  theme: Theme;
  /** "Access › Waiting times" */
  path: string;
  depth: number;
}

/** Themes in reading order with their place in the codebook, for lists and labels. */
export function themeRows(sorted: readonly Theme[]): ThemeRow[] {
  const byId = new Map(sorted.map((t) => [t.id, t]));
  return sorted.map((theme) => {
    const names = [theme.name];
    const seen = new Set([theme.id]);
    let p = theme.parentId === null ? undefined : byId.get(theme.parentId);
    while (p && !seen.has(p.id)) {
      names.unshift(p.name);
      seen.add(p.id);
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
    return { theme, path: names.join(' › '), depth: names.length - 1 };
  });
}
