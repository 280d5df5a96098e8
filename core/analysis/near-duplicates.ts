import { noteParticipantId, type Note } from '../model/index.ts';
import type { SessionDoc } from '../docs/session-doc.ts';

/** Notes that say the same thing, for the facilitator to merge into one statement. */
export interface DuplicateGroup {
  /** Ids in the order the notes were said; the first is the suggested statement to keep. */
  noteIds: string[];
  /** 1 when every note reads the same once case, spaces and punctuation are ignored. */
  similarity: number;
}

export interface DuplicateOptions {
  /** Word-set overlap (Jaccard) from which two notes count as near-identical; default 0.75. */
  threshold?: number;
}

/** Lower case, punctuation and extra spaces gone: "Evening clinics!" and "evening  clinics" agree. */
export function normaliseStatement(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordSet(text: string): string[] {
  return [
    ...new Set(
      normaliseStatement(text)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ];
}

/**
 * Groups identical and near-identical notes. Two notes are near-identical when their sets of
 * words overlap by at least `threshold` (Jaccard). Notes already merged, hidden or withdrawn are
 * left out. Candidate pairs come from a prefix filter over the rarest words, so 2,000 notes
 * cost a few milliseconds rather than two million comparisons, with the same result.
 */
export function findNearDuplicates(
  notes: readonly Note[],
  options: DuplicateOptions = {},
): DuplicateGroup[] {
  const t = options.threshold ?? 0.75;
  const live = notes
    .filter((n) => !n.hidden && !n.withdrawn && !n.mergedInto)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const sets = live.map((n) => wordSet(n.text));
  const freq = new Map<string, number>();
  for (const s of sets) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const rare = (a: string, b: string) =>
    (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const ordered = sets.map((s) => [...s].sort(rare));
  const parent = live.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const best = new Map<number, number>();
  const index = new Map<string, number[]>();
  ordered.forEach((words, i) => {
    if (words.length === 0) return;
    // Any pair with Jaccard >= t shares one of the first |x| - ceil(t|x|) + 1 rarest words.
    const prefix = words.length - Math.ceil(t * words.length) + 1;
    const seen = new Set<number>();
    for (const w of words.slice(0, prefix)) {
      for (const j of index.get(w) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = sets[j] as string[];
        const mine = sets[i] as string[];
        const small = Math.min(mine.length, other.length);
        const large = Math.max(mine.length, other.length);
        if (small < t * large) continue;
        const o = new Set(other);
        let common = 0;
        for (const x of mine) if (o.has(x)) common += 1;
        const jac = common / (mine.length + other.length - common);
        if (jac >= t) {
          const a = find(i);
          const b = find(j);
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
          best.set(i, Math.min(best.get(i) ?? 1, jac));
          best.set(j, Math.min(best.get(j) ?? 1, jac));
        }
      }
      const list = index.get(w) ?? [];
      list.push(i);
      index.set(w, list);
    }
  });
  const groups = new Map<number, number[]>();
  live.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({
      noteIds: g.map((i) => (live[i] as Note).id),
      similarity: Math.min(...g.map((i) => best.get(i) ?? 1)),
    }))
    .sort(
      (a, b) =>
        b.noteIds.length - a.noteIds.length ||
        (a.noteIds[0] as string).localeCompare(b.noteIds[0] as string),
    );
}

/** Who said a statement: the note itself and the notes merged into it. */
export interface SaidBy {
  /** Different people whose words these are (participants, or named when captured for them). */
  people: number;
  /** Notes behind the statement, itself included. */
  notes: number;
  /** Notes captured by a facilitator for no one in particular (each may be another person). */
  unattributed: number;
}

/**
 * How many people said a statement: the one function the board and the reports use for "said
 * by N people". Counts distinct participants among the note and every note merged into it;
 * a note that belongs to no one counts once in `unattributed`, never as a person.
 * @example saidBy(kept, allNotes) // { people: 3, notes: 3, unattributed: 0 }
 */
export function saidBy(note: Note, allNotes: readonly Note[]): SaidBy {
  const members = [note, ...allNotes.filter((n) => n.mergedInto === note.id && n.id !== note.id)];
  const people = new Set<string>();
  let unattributed = 0;
  for (const m of members) {
    const pid = noteParticipantId(m);
    if (pid === null) unattributed += 1;
    else people.add(pid);
  }
  return { people: people.size, notes: members.length, unattributed };
}

/** The note ids a statement stands for: itself and what was merged into it. */
export function withMergedNotes(noteIds: readonly string[], allNotes: readonly Note[]): string[] {
  const wanted = new Set(noteIds);
  const out = [...noteIds];
  for (const n of allNotes)
    if (n.mergedInto && wanted.has(n.mergedInto) && !wanted.has(n.id)) out.push(n.id);
  return out;
}

/**
 * Merges notes into one statement kept as `keepId`: the others keep their words and authors and
 * point at it, and take its themes, polarity and quotable flag so every count agrees with the
 * statement. A note merged earlier into one of them now points at the kept note. Returns how
 * many notes were merged.
 */
export function mergeNotes(
  sessions: readonly SessionDoc[],
  keepId: string,
  noteIds: readonly string[],
): number {
  const holder = sessions.find((s) => s.notes.has(keepId));
  const keep = holder?.notes.get(keepId);
  if (!keep) throw new Error('The statement to keep no longer exists.');
  const merging = new Set(noteIds.filter((id) => id !== keepId));
  let merged = 0;
  for (const s of sessions) {
    s.doc.transact(() => {
      for (const n of s.notes.all()) {
        if (!(merging.has(n.id) || (n.mergedInto && merging.has(n.mergedInto)))) continue;
        s.notes.patch(n.id, {
          mergedInto: keepId,
          themeIds: keep.themeIds,
          polarity: keep.polarity,
          quotable: keep.quotable,
        });
        if (merging.has(n.id)) merged += 1;
      }
    });
  }
  if (keep.mergedInto) holder?.notes.patch(keepId, { mergedInto: null });
  return merged;
}

/** Takes a note back out of the statement it was merged into. */
export function unmergeNote(sessions: readonly SessionDoc[], noteId: string): boolean {
  const s = sessions.find((x) => x.notes.has(noteId));
  const n = s?.notes.get(noteId);
  if (!s || !n || !n.mergedInto) return false;
  s.notes.patch(noteId, { mergedInto: null });
  return true;
}
