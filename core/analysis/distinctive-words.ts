import type { CloudTermModel } from './cloud-terms.ts';

/** A word one scope uses more than the rest of the programme. */
export interface DistinctiveWord {
  text: string;
  /** Times said in the scope. */
  count: number;
  /** Times said in the rest of the programme. */
  restCount: number;
  /** The weighted log-odds ratio's z-score: above about 2, unlikely to be chance. */
  z: number;
  /** z / the largest z of the list, in (0, 1]: for drawing the words as a cloud. */
  weight: number;
}

export interface DistinctiveOptions {
  /** Most words to keep; default 150. */
  maxWords?: number;
  /** Keep only words with a z-score at least this; default 1 (leaning towards the scope). */
  minZ?: number;
  /** Leave out words said fewer times than this in the scope; default 2. */
  minCount?: number;
}

/**
 * Words a scope (some of the model's texts, by index) uses more than the rest of them, ranked by
 * the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
 * 2008), the prior being the whole set's own counts. Unlike plain counts, this keeps words every
 * scope uses ("appointment", "physio") from topping every list, so the "want" and "do NOT want"
 * clouds show what sets them apart. A scope that is everything has no rest to compare with and
 * gives an empty list.
 */
export function distinctiveWords(
  model: CloudTermModel,
  scope: readonly number[],
  options: DistinctiveOptions = {},
): DistinctiveWord[] {
  const maxWords = options.maxWords ?? 150;
  const minZ = options.minZ ?? 1;
  const minCount = options.minCount ?? 2;
  const inScope = new Set(scope);
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  model.terms.forEach((terms, i) => {
    const m = inScope.has(i) ? a : b;
    for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  });
  const na = [...a.values()].reduce((s, c) => s + c, 0);
  const nb = [...b.values()].reduce((s, c) => s + c, 0);
  if (na === 0 || nb === 0) return [];
  // The prior: each word's count over the whole set, so alpha0 is the number of words said.
  const alpha0 = na + nb;
  const out: Omit<DistinctiveWord, 'weight'>[] = [];
  for (const [text, ya] of a) {
    if (ya < minCount) continue;
    const yb = b.get(text) ?? 0;
    const alpha = ya + yb;
    const delta =
      Math.log((ya + alpha) / (na + alpha0 - ya - alpha)) -
      Math.log((yb + alpha) / (nb + alpha0 - yb - alpha));
    const z = delta / Math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha));
    if (z >= minZ) out.push({ text, count: ya, restCount: yb, z });
  }
  out.sort((x, y) => y.z - x.z || x.text.localeCompare(y.text));
  const list = out.slice(0, maxWords);
  const max = list[0]?.z ?? 1;
  return list.map((w) => ({ ...w, weight: w.z / max }));
}
