import { useEffect, useRef, useState } from 'react';
import type { BoardNote } from '../../../../../core/analysis/board.ts';
import type { DuplicateGroup } from '../../../../../core/analysis/near-duplicates.ts';
import type { Suggestions } from '../../../../../core/analysis/suggest.ts';
import type { Note, Theme } from '../../../../../core/index.ts';
import type { FromWorker, ToWorker } from './analysis-worker-protocol.ts';

export interface AnalysisWorkerResults {
  /** Near-duplicate groups of the notes as last sent; null until the first answer. */
  duplicates: DuplicateGroup[] | null;
  /** Suggestions for the note with focus, once the worker has learned and answered. */
  suggestions: Suggestions | null;
}

/**
 * Keeps the analysis worker told of the programme's notes and asks it about the note with focus.
 * Notes are sent a second after changes settle: copying 2,000 notes to the worker costs the page
 * a few milliseconds, and retraining takes a core, which a run of quick tags on a busy
 * two-core machine should not share.
 */
export function useAnalysisWorker(
  board: readonly BoardNote[],
  allNotes: readonly Note[],
  themes: readonly Theme[],
  focused: BoardNote | null,
): AnalysisWorkerResults {
  const worker = useRef<Worker | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateGroup[] | null>(null);
  const [trained, setTrained] = useState(0);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const lastRequest = useRef(0);

  useEffect(() => {
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.kind === 'duplicates') setDuplicates(m.groups);
      else if (m.kind === 'trained') setTrained(m.version);
      else if (m.requestId === lastRequest.current) setSuggestions(m.result);
    });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const version = useRef(0);
  useEffect(() => {
    const t = window.setTimeout(() => {
      const message: ToWorker = {
        kind: 'notes',
        version: ++version.current,
        train: board.map((b) => ({ note: b.note, text: b.note.text, stepKey: b.stepKey })),
        all: [...allNotes],
        themeIds: themes.map((th) => th.id),
      };
      worker.current?.postMessage(message);
    }, 1000);
    return () => window.clearTimeout(t);
  }, [board, allNotes, themes]);

  const focusedId = focused?.note.id ?? null;
  const focusedText = focused?.note.text ?? '';
  const focusedStep = focused?.stepKey ?? null;
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    // A new note's suggestions replace the last note's; a retrained model's replace them quietly.
    if (shownFor.current !== focusedId) setSuggestions(null);
    shownFor.current = focusedId;
    if (!focusedId || !trained) return;
    const requestId = ++lastRequest.current;
    const message: ToWorker = {
      kind: 'suggest',
      requestId,
      noteId: focusedId,
      text: focusedText,
      stepKey: focusedStep,
    };
    worker.current?.postMessage(message);
  }, [focusedId, focusedText, focusedStep, trained]);

  return { duplicates, suggestions };
}
