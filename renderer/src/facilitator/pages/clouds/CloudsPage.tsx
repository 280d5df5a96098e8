import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CloudsScreenData } from '../../../../../core/analysis/clouds-view.ts';
import { screenNotesWithWord } from '../../../../../core/analysis/cloud-notes.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { getClouds } from './analysis-api.ts';
import './clouds.css';
import { CloudWordsTable, type WordRow } from './CloudWordsTable.tsx';
import { StopListSettings } from './StopListSettings.tsx';
import { WordCloudCanvas } from './WordCloudCanvas.tsx';

type Mode = 'frequent' | 'distinctive';

/**
 * Word clouds of the programme, by session, theme, cohort and polarity: the words said most, or
 * the words a scope uses more than the rest of the programme. A word picked in the cloud or the
 * table shows the notes that say it. The words are the exported clouds' words (core computes
 * both from the same notes).
 */
export function CloudsPage() {
  const { programme } = useProgramme();
  const id = useId();
  const announce = useAnnounce();
  const [data, setData] = useState<CloudsScreenData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scopeKey, setScopeKey] = useState('programme');
  const [mode, setMode] = useState<Mode>('frequent');
  const [word, setWord] = useState<string | null>(null);
  const notesHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    () =>
      getClouds(programme.id).then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [programme.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const scope = data?.scopes.find((s) => s.def.key === scopeKey) ?? data?.scopes[0];
  const distinctive = mode === 'distinctive' && scope?.def.kind !== 'programme';
  const rows: WordRow[] = useMemo(
    () =>
      !scope
        ? []
        : distinctive
          ? scope.distinctive.map((w) => ({
              text: w.text,
              count: w.count,
              restCount: w.restCount,
              z: w.z,
            }))
          : scope.words.map((w) => ({ text: w.text, count: w.count })),
    [scope, distinctive],
  );
  const cloudWords = useMemo(
    () => (!scope ? [] : distinctive ? scope.distinctive : scope.words),
    [scope, distinctive],
  );
  const notes = data && scope && word ? screenNotesWithWord(data, scope.def.key, word) : [];

  const choose = (w: string, fromCloud: boolean) => {
    setWord(w);
    const n = data && scope ? screenNotesWithWord(data, scope.def.key, w).length : 0;
    announce(`${n} ${n === 1 ? 'note says' : 'notes say'} "${w}".`);
    // A click on the canvas moves focus to what it opened; in the table, focus stays on the row.
    if (fromCloud) setTimeout(() => notesHeading.current?.focus(), 0);
  };

  return (
    <>
      <PageHeader title="Word clouds" context={programme.title}>
        <p className="hint">
          Words are counted by their root ("waits", "waited" and "waiting" are one word), and
          phrases said in three or more notes stay together. The exported clouds use the same words.
          See also <Link to="../analysis/representation">who took part</Link>.
        </p>
      </PageHeader>
      {error && (
        <p className="error" role="alert">
          Could not load the clouds: {error}
        </p>
      )}
      {!data && !error && <p role="status">Loading the clouds&hellip;</p>}
      {data && scope && (
        <div className="stack">
          <div className="row cloud-controls">
            <div className="field">
              <label htmlFor={`${id}-scope`}>Notes from</label>
              <select
                id={`${id}-scope`}
                value={scope.def.key}
                onChange={(e) => {
                  setScopeKey(e.target.value);
                  setWord(null);
                }}
              >
                {data.scopes.map((s) => (
                  <option key={s.def.key} value={s.def.key}>
                    {s.def.label} ({s.def.noteIndexes.length} notes)
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="segmented">
              <legend>Show</legend>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === 'frequent'}
                  onChange={() => {
                    setMode('frequent');
                    setWord(null);
                  }}
                />
                <span>Words said most</span>
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === 'distinctive'}
                  onChange={() => {
                    setMode('distinctive');
                    setWord(null);
                  }}
                />
                <span>Distinctive words</span>
              </label>
            </fieldset>
          </div>
          {mode === 'distinctive' && scope.def.kind === 'programme' && (
            <p className="notice">
              Distinctive words compare one part of the programme with the rest: choose a session,
              theme, cohort or polarity.
            </p>
          )}
          <section className="card stack" aria-labelledby={`${id}-cloud-h`}>
            <h2 id={`${id}-cloud-h`}>
              {distinctive ? `Distinctive words: ${scope.def.label}` : scope.def.title}
            </h2>
            <p className="hint">
              {distinctive
                ? 'Ranked by how much more these notes use a word than the rest of the programme (weighted log-odds; above 2 is unlikely to be chance).'
                : `${scope.def.noteIndexes.length} notes. Bigger words were said more often.`}{' '}
              Choose a word in the cloud or the table to see the notes that say it.
            </p>
            {cloudWords.length > 0 ? (
              <WordCloudCanvas words={cloudWords} onPick={(w) => choose(w, true)} />
            ) : (
              <p>No words to draw yet.</p>
            )}
          </section>
          <div className="cloud-detail">
            <section className="card stack" aria-labelledby={`${id}-table-h`}>
              <h2 id={`${id}-table-h`}>The words as a table</h2>
              <CloudWordsTable
                caption={`Words of ${scope.def.label}`}
                rows={rows}
                distinctive={distinctive}
                selected={word}
                onSelect={(w) => choose(w, false)}
              />
            </section>
            <section className="card stack" aria-labelledby={`${id}-notes-h`}>
              <h2 id={`${id}-notes-h`} ref={notesHeading} tabIndex={-1}>
                {word ? `Notes that say "${word}" (${notes.length})` : 'Notes that say a word'}
              </h2>
              {!word && <p className="hint">Choose a word to list its notes here.</p>}
              {word && (
                <ul className="plain-list cloud-notes" data-testid="word-notes">
                  {notes.map((n) => (
                    <li key={n.id} className="note">
                      <p>{n.text}</p>
                      <p className="hint">
                        {n.who} · {n.session} · {n.polarity}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <StopListSettings
            programmeId={programme.id}
            words={data.stopWords}
            onSaved={() => void load()}
          />
        </div>
      )}
    </>
  );
}
