import { useEffect, useId, useState } from 'react';
import { formatIssues, stopWordSchema } from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { getAnalysisSettings, putStopWords } from './analysis-api.ts';

/** Splits the text box into words, one word or phrase a line (commas also separate). */
function parseLines(text: string): { words: string[]; error: string | null } {
  const words: string[] = [];
  for (const [i, line] of text.split(/[\n,]/).entries()) {
    if (line.trim() === '') continue;
    const r = stopWordSchema.safeParse(line);
    if (!r.success) {
      return {
        words: [],
        error: `"${line.trim()}" (entry ${i + 1}): ${formatIssues(r.error)[0]?.replace(/^\(top level\): /, '')}`,
      };
    }
    words.push(r.data);
  }
  return { words, error: null };
}

/**
 * The programme's stop list: words and phrases kept out of every cloud, on screen and exported
 * ("msk", "service", "appointment"). A settings section; the clouds screen shows it too.
 */
export function StopListSettings(props: {
  programmeId: string;
  /** Words to add, for example from the clouds screen's "leave out this word". */
  words?: string[];
  onSaved?: (words: string[]) => void;
}) {
  const id = useId();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (props.words) {
      setText(props.words.join('\n'));
      setLoaded(true);
      return;
    }
    void getAnalysisSettings(props.programmeId).then((s) => {
      setText(s.stopWords.join('\n'));
      setLoaded(true);
    });
  }, [props.programmeId, props.words]);

  const save = async () => {
    const { words, error: problem } = parseLines(text);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const saved = await putStopWords(props.programmeId, words);
      setError(null);
      setText(saved.stopWords.join('\n'));
      announce(`Saved: ${saved.stopWords.length} words left out of the clouds.`);
      props.onSaved?.(saved.stopWords);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Words left out of the clouds</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          id={`${id}-words`}
          label="Words and phrases to leave out"
          hint="One a line, up to three words each. Common English words are always left out."
          error={error ?? undefined}
        >
          {(p) => (
            <textarea
              {...p}
              rows={5}
              value={text}
              disabled={!loaded}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <button type="submit" disabled={busy || !loaded}>
            Save the list
          </button>
        </div>
      </form>
    </section>
  );
}
