/**
 * The analysis core on the 2,000-note fixture, in Node: what the board computes on every filter
 * change and every tag, and the theme suggester's speed and accuracy.
 */
import {
  boardCounts,
  boardNotes,
  evaluateSuggester,
  filterBoard,
  findNearDuplicates,
  snapshotBoardNotes,
  textFeatures,
  trainSuggester,
  type BoardFilter,
} from '../../core/analysis/index.ts';
import { makeGpAccessProgramme } from '../../core/analysis/suggest-fixture.ts';
import { toggleTheme } from '../../core/codebook/index.ts';
import { docsFromSnapshot, makeDemoProgramme, sortThemes } from '../../core/index.ts';
import { percentile } from '../report.ts';

export interface Timing {
  ms: number[];
}

function time(runs: number, fn: () => void): Timing {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return { ms };
}

export const fmt = (t: Timing) =>
  `${percentile(t.ms, 50).toFixed(1)} ms | ${Math.max(...t.ms).toFixed(1)} ms`;

export function benchCore() {
  const big = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
  const themes = big.codebook;
  const build = time(10, () => snapshotBoardNotes(big));
  const notes = snapshotBoardNotes(big);
  const root = sortThemes(themes).find((t) => themes.some((c) => c.parentId === t.id))!;
  const filters: BoardFilter[] = [
    {},
    { themeId: root.id },
    { polarities: ['do-not-want'], source: 'phone' },
    { text: 'waiting' },
    { sessionIds: [big.sessions[1]!.session.id], untagged: true },
  ];
  let k = 0;
  const filter = time(50, () => {
    const f = filters[k++ % filters.length]!;
    filterBoard(notes, f, themes);
    boardCounts(notes, f, themes);
  });
  const dupes = time(5, () => findNearDuplicates(notes.map((b) => b.note)));
  const groups = findNearDuplicates(notes.map((b) => b.note));

  const { sessionDocs } = docsFromSnapshot(big);
  const docs = [...sessionDocs.values()];
  const ids = notes.map((b) => b.note.id);
  let i = 0;
  const tag = time(50, () => {
    toggleTheme(docs, [ids[(i++ * 37) % ids.length]!], root.id);
  });

  // Suggestions: 500 notes have their tags taken away; the model learns from the other 1,500
  // and suggests for the 500. Timed cold (no text parsed yet), as on opening the board.
  const inputs = notes.map((b) => ({ note: b.note, text: b.note.text, stepKey: b.stepKey }));
  const untagged = inputs.slice(0, 500).map((x) => ({ ...x, note: { ...x.note, themeIds: [] } }));
  const themeIds = new Set(themes.map((t) => t.id));
  textFeatures('warm the language model');
  const t0 = performance.now();
  const suggester = trainSuggester([...untagged, ...inputs.slice(500)], themeIds);
  for (const x of untagged) suggester.suggest(x, 3);
  const suggestCold = performance.now() - t0;
  const suggestWarm = time(5, () => {
    const s = trainSuggester([...untagged, ...inputs.slice(500)], themeIds);
    for (const x of untagged) s.suggest(x, 3);
  });

  const demo = makeDemoProgramme();
  const gp = makeGpAccessProgramme();
  const accuracy = [
    ['demo programme (default size)', demo.codebook, snapshotBoardNotes(demo)],
    ['2,000-note fixture (40 themes)', big.codebook, notes],
    [
      'second fixture: GP access review (own text, no agenda)',
      gp.codebook,
      boardNotes(gp.sessions),
    ],
  ] as const;
  const acc = accuracy.map(([name, codebook, list]) => ({
    name,
    ...evaluateSuggester(
      list.map((b) => ({ note: b.note, text: b.note.text, stepKey: b.stepKey })),
      new Set(codebook.map((t) => t.id)),
    ),
  }));
  const noStep = accuracy.map(([name, codebook, list]) => ({
    name,
    ...evaluateSuggester(
      list.map((b) => ({ note: b.note, text: b.note.text })),
      new Set(codebook.map((t) => t.id)),
    ),
  }));
  return {
    big,
    notes: notes.length,
    build,
    filter,
    dupes,
    groups: groups.length,
    tag,
    suggestCold,
    suggestWarm,
    acc,
    noStep,
  };
}
