import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../../shared/http.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { Field } from '../../ui/Field.tsx';
import { getLatePolicy, setLatePolicy, type LatePolicyView } from './late-api.ts';

const MAX_DAYS = 90;

/** Why a typed number of days cannot be saved, or null when it can. */
export function lateDaysProblem(typed: string): string | null {
  if (!/^\s*\d+\s*$/.test(typed)) return 'Give a whole number of days, such as 7 (0 for none).';
  const n = Number(typed);
  if (n > MAX_DAYS) return `At most ${MAX_DAYS} days.`;
  return null;
}

/**
 * "Accept late contributions for N days after close", for one session: participants who write
 * after the session has closed are either still heard (their words arrive marked late) or told
 * plainly that the session is not taking more, and can copy what they wrote. Self-contained so
 * the session planner can place it where it fits.
 */
export function LateContributions(props: { sessionId: string }) {
  const id = useId();
  const announce = useAnnounce();
  const [policy, setPolicy] = useState<LatePolicyView | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void getLatePolicy(props.sessionId).then(
      (p) => {
        if (!live) return;
        setPolicy(p);
        setTyped(String(p.days));
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [props.sessionId]);

  const save = async () => {
    const problem = lateDaysProblem(typed);
    if (problem) {
      setError(problem);
      document.getElementById(`${id}-days`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const p = await setLatePolicy(props.sessionId, Number(typed));
      setPolicy(p);
      setError(null);
      announce(
        p.days === 0
          ? 'Late contributions are off for this session.'
          : `Late contributions accepted for ${p.days} ${p.days === 1 ? 'day' : 'days'} after close.`,
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Late contributions</h2>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          id={`${id}-days`}
          label="Accept participants' words for this many days after the session closes"
          hint="0 means none: people who write after close are told the session has closed and can copy their words. Late words arrive marked as late."
          error={error ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              className="short-number"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <button type="submit" disabled={saving || policy === null}>
            Save
          </button>
        </div>
      </form>
      {policy?.lateUntil && (
        <p className="hint">
          Closed; late words accepted until{' '}
          {new Date(policy.lateUntil).toLocaleString(undefined, {
            dateStyle: 'medium',
            timeStyle: 'short',
          })}
          .
        </p>
      )}
    </section>
  );
}
