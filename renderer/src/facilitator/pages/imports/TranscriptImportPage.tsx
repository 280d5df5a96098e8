import './imports.css';
import { useEffect, useState } from 'react';
import { Button, Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { Link } from 'react-router';
import type { SpeakerTarget, StepChoice } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { useSession } from '../../app/session-context.tsx';
import { listPeople, type PersonListing } from '../../facilitator-api.ts';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { FilePicker } from './FilePicker.tsx';
import {
  describeCounts,
  fileToBase64,
  previewImport,
  runImport,
  type ImportRefused,
  type ImportRequest,
  type Problem,
  type TranscriptPreview,
} from './imports-api.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { SpeakerMapping } from './SpeakerMapping.tsx';
import { UndoLastImport } from './UndoLastImport.tsx';

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Import a recorded session's transcript (WebVTT, a Teams .docx, or "Speaker: words" text): map
 * each speaker, choose how turns find their agenda step, check the counts, import.
 */
export function TranscriptImportPage() {
  const { programme } = useProgramme();
  const session = useSession();
  const announce = useAnnounce();
  const [people, setPeople] = useState<PersonListing[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<TranscriptPreview | null>(null);
  const [targets, setTargets] = useState<Record<string, SpeakerTarget>>({});
  const [stepMode, setStepMode] = useState<'timeline' | 'step'>('timeline');
  const [stepId, setStepId] = useState('');
  const [start, setStart] = useState('');
  const [consent, setConsent] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void listPeople(programme.id).then(
      (r) => setPeople(r.participants),
      () => setPeople([]),
    );
  }, [programme.id, version]);

  const request = async (withChoices: boolean): Promise<ImportRequest | null> => {
    if (!file) {
      setFileError('Choose the transcript to import.');
      setAttempt((a) => a + 1);
      return null;
    }
    const step: StepChoice =
      stepMode === 'timeline' ? { mode: 'timeline' } : { mode: 'step', stepId: stepId || null };
    return {
      kind: 'transcript',
      sessionId: session.id,
      fileName: file.name,
      data: await fileToBase64(file),
      ...(withChoices
        ? {
            speakers: targets,
            step,
            recordingStartedAt: start ? new Date(start).toISOString() : null,
            consentGiven: consent,
          }
        : {}),
    };
  };

  const refuse = (e: unknown) => {
    const r = e as ImportRefused;
    setRefusal({ message: r.message, problems: r.problems ?? [] });
    setAttempt((a) => a + 1);
  };

  // After a refused import, each change of the choices is checked again by the server, so the
  // summary and the errors beside the speakers always describe the choices as they are now.
  const refused = refusal !== null && preview !== null;
  useEffect(() => {
    if (!refused) return;
    let current = true;
    const timer = setTimeout(() => {
      void (async () => {
        const req = await request(true);
        if (!req || !current) return;
        try {
          const p = await previewImport<TranscriptPreview>(programme.id, req);
          if (!current) return;
          setRefusal(
            p.problems.length > 0
              ? {
                  message: 'The transcript cannot be imported with these choices.',
                  problems: p.problems,
                }
              : null,
          );
        } catch {
          // The file itself was readable a moment ago; a failed re-check leaves the summary as it was.
        }
      })();
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Re-checked when a choice changes, not when the refusal it may clear changes.
  }, [targets, stepMode, stepId, start, consent]);

  const read = async () => {
    const req = await request(false);
    if (!req) return;
    setBusy(true);
    setDone(null);
    try {
      const p = await previewImport<TranscriptPreview>(programme.id, req);
      setPreview(p);
      setRefusal(null);
      const suggested: Record<string, SpeakerTarget> = {};
      for (const s of p.speakers) if (s.suggested) suggested[s.speaker] = s.suggested;
      setTargets(suggested);
      setStepMode(p.hasTimeline && p.hasTimes ? 'timeline' : 'step');
      setStepId(p.steps[0]?.id ?? '');
      setStart(toLocalInput(p.recordingStartedAt));
      announce(`${p.turns} turns by ${p.speakers.length} speakers read. Say who each speaker is.`);
    } catch (e) {
      setPreview(null);
      refuse(e);
    } finally {
      setBusy(false);
    }
  };

  const importNow = async () => {
    const req = await request(true);
    if (!req) return;
    setBusy(true);
    try {
      const result = await runImport(programme.id, req);
      const text = `Imported: ${describeCounts(result.summary)}.`;
      setDone(text);
      announce(text);
      setRefusal(null);
      setPreview(null);
      setFile(null);
      setVersion((v) => v + 1);
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(false);
    }
  };

  const speakerProblems = (refusal?.problems ?? [])
    .filter((p) => p.where === 'speakers')
    .map((p) => p.message);
  return (
    <>
      <PageHeader title="Import a transcript" context={`${session.title} · ${programme.title}`}>
        <p className="hint">
          Each turn becomes a note of this session. Speakers&rsquo; names are used only to choose
          who they are here; they are never stored.
        </p>
      </PageHeader>
      <div className="stack import-page">
        {refusal && (
          <ProblemsList title={refusal.message} problems={refusal.problems} attempt={attempt} />
        )}
        {done && (
          <p className="card" role="status">
            {done}{' '}
            <Link
              to={`/programmes/${encodeURIComponent(programme.id)}/sessions/${encodeURIComponent(session.id)}/run`}
            >
              See the notes
            </Link>
          </p>
        )}
        <form
          className="card stack"
          aria-labelledby="transcript-file-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void read();
          }}
        >
          <h2 id="transcript-file-heading">The transcript</h2>
          <FilePicker
            key={version}
            id="transcript-file"
            label="Transcript file"
            hint="WebVTT (.vtt) from Teams, Zoom or Meet; the .docx transcript Teams saves; or text with one “Speaker: words” line per turn. At most 10 MB."
            accept={['.vtt', '.docx', '.txt', 'text/vtt', 'text/plain']}
            file={file}
            error={fileError}
            onChange={(f, err) => {
              setFile(f);
              setFileError(err);
              setPreview(null);
            }}
          />
          <Button type="submit" className="button" isDisabled={busy}>
            Read the transcript
          </Button>
        </form>
        {preview && (
          <section className="card stack" aria-labelledby="transcript-choices-heading">
            <h2 id="transcript-choices-heading">Choose, then import</h2>
            <p>
              {preview.turns} turns by {preview.speakers.length} speakers.
            </p>
            <SpeakerMapping
              speakers={preview.speakers}
              people={people}
              targets={targets}
              problems={speakerProblems}
              onChange={(speaker, t) =>
                setTargets((all) => {
                  const next = { ...all };
                  if (t) next[speaker] = t;
                  else delete next[speaker];
                  return next;
                })
              }
            />
            <RadioGroup
              className="field"
              value={stepMode}
              onChange={(v) => setStepMode(v as 'timeline' | 'step')}
            >
              <Label>Which agenda step each note belongs to</Label>
              <Radio
                value="timeline"
                className="choice"
                isDisabled={!preview.hasTimeline || !preview.hasTimes}
              >
                The step the room was on at that time
                {!preview.hasTimeline
                  ? ' (this session was not run live in Cohear)'
                  : !preview.hasTimes
                    ? ' (this transcript has no times)'
                    : ''}
              </Radio>
              <Radio value="step" className="choice">
                One step for every note
              </Radio>
            </RadioGroup>
            {stepMode === 'step' && (
              <Field id="transcript-step" label="Step">
                {(p) => (
                  <select {...p} value={stepId} onChange={(e) => setStepId(e.target.value)}>
                    <option value="">No step</option>
                    {preview.steps.map((s, i) => (
                      <option key={s.id} value={s.id}>
                        {i + 1}. {s.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field
              id="transcript-start"
              label="The recording started at"
              hint="Turn times count from here; it places each turn against the step current then."
            >
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                />
              )}
            </Field>
            <Checkbox className="choice checkbox" isSelected={consent} onChange={setConsent}>
              New participants agreed to their words being kept (without this, their notes are left
              out of reports)
            </Checkbox>
            <Button className="button" isDisabled={busy} onPress={importNow}>
              Import
            </Button>
          </section>
        )}
        <UndoLastImport programmeId={programme.id} version={version} />
      </div>
    </>
  );
}

/** A link to this screen, for a session screen's owner to place. */
export function ImportTranscriptLink(props: { programmeId: string; sessionId: string }) {
  return (
    <Link
      className="button secondary"
      to={`/programmes/${encodeURIComponent(props.programmeId)}/sessions/${encodeURIComponent(props.sessionId)}/import`}
    >
      Import a transcript
    </Link>
  );
}
