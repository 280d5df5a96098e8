/**
 * The board's heavy thinking, off the page's thread: the language model (3.8 MB, about a second
 * to read), training the theme suggester on every tagged note, and grouping near-duplicates.
 * On the page's thread these froze the board for a second after it opened and again after a
 * burst of tagging; here they only make the answers arrive a moment later.
 */
import { findNearDuplicates } from '../../../../../core/analysis/near-duplicates.ts';
import { trainSuggester, type ThemeSuggester } from '../../../../../core/analysis/suggest.ts';
import type { FromWorker, ToWorker } from './analysis-worker-protocol.ts';

const post = (m: FromWorker) => postMessage(m);
let suggester: ThemeSuggester | null = null;
let pending: Extract<ToWorker, { kind: 'notes' }> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function rebuild() {
  const m = pending;
  pending = null;
  if (!m) return;
  post({ kind: 'duplicates', version: m.version, groups: findNearDuplicates(m.all) });
  suggester = trainSuggester(m.train, new Set(m.themeIds));
  post({ kind: 'trained', version: m.version });
}

addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.kind === 'notes') {
    // A burst of tags sends a burst of snapshots: learn from the last one only.
    pending = m;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 150);
  } else if (m.kind === 'suggest') {
    post({
      kind: 'suggestions',
      requestId: m.requestId,
      noteId: m.noteId,
      result: suggester ? suggester.suggest({ text: m.text, stepKey: m.stepKey }) : null,
    });
  }
});
