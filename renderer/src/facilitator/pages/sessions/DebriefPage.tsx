import { useEffect, useState } from 'react';
import type { Debrief } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { useSession } from '../../app/session-context.tsx';
import { useSessionDoc } from '../../app/use-session-doc.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { debriefStatus, localToday } from './debrief-status.ts';

const CHECKLIST: { key: keyof NonNullable<Debrief['checklist']>; label: string }[] = [
  { key: 'recordingReviewed', label: 'Recording (or notes) reviewed' },
  { key: 'keyMessagesWritten', label: 'Key messages written' },
  { key: 'themesConfirmed', label: 'Themes confirmed with the group' },
  { key: 'summarySent', label: 'Summary sent to participants' },
];
const EMPTY_CHECKLIST = {
  recordingReviewed: false,
  keyMessagesWritten: false,
  themesConfirmed: false,
  summarySent: false,
};

interface Draft {
  checklist: NonNullable<Debrief['checklist']>;
  keyMessages: string[];
  summary: string;
  confirmed: boolean;
  confirmedOn: string;
}

const toDraft = (d: Debrief): Draft => ({
  checklist: d.checklist ?? EMPTY_CHECKLIST,
  keyMessages: d.keyMessages.length > 0 ? d.keyMessages : [''],
  summary: d.summary,
  confirmed: d.confirmedWithGroup,
  confirmedOn: d.confirmedAt?.slice(0, 10) ?? '',
});

/** The debrief of one session: due within the programme's days, its checklist, its messages. */
export function DebriefPage() {
  const { programme, refresh } = useProgramme();
  const session = useSession();
  const live = useSessionDoc(session.id);
  const announce = useAnnounce();
  const saved = live.doc?.debrief() ?? null;
  const savedJson = JSON.stringify(saved);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!dirty && savedJson !== 'null') setDraft(toDraft(JSON.parse(savedJson) as Debrief));
  }, [savedJson, dirty]);
  const status = debriefStatus(
    { date: session.date, debriefConfirmedAt: saved?.confirmedAt ?? null },
    programme,
  );
  const edit = (changes: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...changes } : d));
    setDirty(true);
  };
  const download = `/api/programmes/${encodeURIComponent(programme.id)}/exports/debrief.docx?session=${encodeURIComponent(session.id)}`;

  return (
    <>
      <PageHeader
        title={`Debrief: ${session.title}`}
        context={programme.title}
        actions={
          <a className="button secondary" href={download} download>
            Download the debrief (.docx)
          </a>
        }
      >
        <p className={`debrief-status tone-${status.tone}`}>{status.text}</p>
      </PageHeader>
      {!live.doc || !draft ? (
        <p className="card" role="status">
          Loading the debrief&hellip;
        </p>
      ) : (
        <form
          className="card stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found: Record<string, string> = {};
            const messages = draft.keyMessages.map((m) => m.trim()).filter(Boolean);
            draft.keyMessages.forEach((m, i) => {
              if (m.length > 1000)
                found[`debrief-message-${i}`] =
                  `Key message ${i + 1} is longer than 1,000 characters.`;
            });
            if (
              draft.confirmed &&
              draft.confirmedOn &&
              !/^\d{4}-\d{2}-\d{2}$/.test(draft.confirmedOn)
            )
              found['debrief-confirmedOn'] =
                'Enter the date the group confirmed it as a real date.';
            if (draft.confirmed && draft.confirmedOn && draft.confirmedOn < session.date)
              found['debrief-confirmedOn'] =
                'The group can only confirm the debrief on or after the session.';
            setProblems(found);
            if (Object.keys(found).length > 0) {
              setAttempt((a) => a + 1);
              return;
            }
            const on = draft.confirmed ? draft.confirmedOn || localToday() : null;
            live.doc?.setDebrief({
              dueDate: status.due,
              checklist: draft.checklist,
              keyMessages: messages,
              summary: draft.summary,
              confirmedWithGroup: draft.confirmed,
              confirmedAt: on ? `${on}T12:00:00.000Z` : null,
            });
            setDirty(false);
            void refresh();
            announce('Debrief saved.');
          }}
        >
          <ErrorSummary errors={problems} attempt={attempt} />
          <fieldset>
            <legend>Checklist</legend>
            {CHECKLIST.map((c) => (
              <label key={c.key} className="choice">
                <input
                  type="checkbox"
                  checked={draft.checklist[c.key]}
                  onChange={(e) =>
                    edit({ checklist: { ...draft.checklist, [c.key]: e.target.checked } })
                  }
                />
                <span>{c.label}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Key messages</legend>
            {draft.keyMessages.map((m, i) => (
              <div key={i} className="question-row">
                <Field
                  id={`debrief-message-${i}`}
                  label={`Key message ${i + 1}`}
                  error={problems[`debrief-message-${i}`]}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      value={m}
                      onChange={(e) =>
                        edit({
                          keyMessages: draft.keyMessages.map((x, j) =>
                            j === i ? e.target.value : x,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => {
                    edit({ keyMessages: draft.keyMessages.filter((_, j) => j !== i) });
                    document.getElementById('debrief-add-message')?.focus();
                  }}
                >
                  Remove<span className="visually-hidden"> key message {i + 1}</span>
                </button>
              </div>
            ))}
            <button
              type="button"
              id="debrief-add-message"
              className="small secondary"
              onClick={() => {
                edit({ keyMessages: [...draft.keyMessages, ''] });
                window.setTimeout(
                  () =>
                    document.getElementById(`debrief-message-${draft.keyMessages.length}`)?.focus(),
                  0,
                );
              }}
            >
              Add a key message
            </button>
          </fieldset>
          <Field
            id="debrief-summary"
            label="Summary"
            hint="What happened and what was heard, for the team and the debrief report."
          >
            {(p) => (
              <textarea
                {...p}
                rows={6}
                maxLength={10_000}
                value={draft.summary}
                onChange={(e) => edit({ summary: e.target.value })}
              />
            )}
          </Field>
          <fieldset>
            <legend>Confirmed with the group</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.confirmed}
                onChange={(e) =>
                  edit({
                    confirmed: e.target.checked,
                    confirmedOn: e.target.checked ? draft.confirmedOn || localToday() : '',
                  })
                }
              />
              <span>The group confirmed that this is what they said</span>
            </label>
            {draft.confirmed && (
              <Field
                id="debrief-confirmedOn"
                label="Confirmed on"
                error={problems['debrief-confirmedOn']}
              >
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={draft.confirmedOn}
                    onChange={(e) => edit({ confirmedOn: e.target.value })}
                  />
                )}
              </Field>
            )}
          </fieldset>
          <div className="row">
            <button type="submit">Save debrief</button>
            {dirty && <span className="hint">Unsaved changes</span>}
          </div>
        </form>
      )}
    </>
  );
}
