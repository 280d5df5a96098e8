import { useState } from 'react';
import { DEFAULT_DEBRIEF_DUE_DAYS } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { patchProgramme } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { Field } from '../../ui/Field.tsx';

/** How many days after a session its debrief is due (the brief's practice is 14). */
export function DebriefSettings() {
  const { programme, refresh } = useProgramme();
  const announce = useAnnounce();
  const [text, setText] = useState(String(programme.debriefDueDays ?? DEFAULT_DEBRIEF_DUE_DAYS));
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <section className="card" aria-labelledby="debrief-settings-heading">
      <h2 id="debrief-settings-heading">Debriefs</h2>
      <form
        className="row align-end"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const days = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
          if (!Number.isInteger(days) || days < 1 || days > 90) {
            setError('Enter a whole number of days from 1 to 90.');
            document.getElementById('settings-debrief-days')?.focus();
            return;
          }
          try {
            await patchProgramme(programme.id, { debriefDueDays: days });
            await refresh();
            setError(undefined);
            announce(`Debriefs are now due ${days} days after each session.`);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Field
          id="settings-debrief-days"
          label="Days after a session that its debrief is due"
          hint="Debriefing within two weeks keeps what was said fresh."
          error={error}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              className="short-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
