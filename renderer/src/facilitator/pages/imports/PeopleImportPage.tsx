import './imports.css';
import { useState } from 'react';
import { Button, Checkbox, Radio, RadioGroup, Label } from 'react-aria-components';
import { Link } from 'react-router';
import { useProgramme } from '../../app/programme-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ColumnMappingTable } from './ColumnMappingTable.tsx';
import { FilePicker } from './FilePicker.tsx';
import type { ImportRefused } from './imports-api.ts';
import {
  describeCounts,
  fileToBase64,
  previewImport,
  runImport,
  type ImportRequest,
  type Problem,
  type TablePreview,
} from './imports-api.ts';
import { ProblemsList, WarningsList } from './ProblemsList.tsx';
import { UndoLastImport } from './UndoLastImport.tsx';

type Kind = 'registrations' | 'notes';

/**
 * Import an attendee list (registrations for a session) or notes typed up from paper: choose the
 * file, check what each column holds, then import. Nothing changes until "Import".
 */
export function PeopleImportPage() {
  const { programme, sessions, refresh } = useProgramme();
  const announce = useAnnounce();
  const [kind, setKind] = useState<Kind>('registrations');
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [cohort, setCohort] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [consent, setConsent] = useState(false);
  const [preview, setPreview] = useState<TablePreview | null>(null);
  const [mapping, setMapping] = useState<(string | null)[] | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const request = async (m: (string | null)[] | null): Promise<ImportRequest | null> => {
    if (!file) {
      setFileError('Choose the file to import.');
      setAttempt((a) => a + 1);
      return null;
    }
    const common = { sessionId, fileName: file.name, data: await fileToBase64(file) };
    return kind === 'registrations'
      ? { kind, ...common, ...(m ? { mapping: m } : {}), cohort: cohort.trim() || null }
      : { kind, ...common, ...(m ? { mapping: m } : {}), consentGiven: consent };
  };

  const check = async (m: (string | null)[] | null) => {
    const req = await request(m);
    if (!req) return;
    setBusy(true);
    setDone(null);
    try {
      const p = await previewImport<TablePreview>(programme.id, req);
      setPreview(p);
      setMapping(p.columns.map((c) => c.field));
      setRefusal(null);
      announce(p.ready ? 'The file is ready to import.' : 'The file needs some choices first.');
    } catch (e) {
      setPreview(null);
      const r = e as ImportRefused;
      setRefusal({ message: r.message, problems: r.problems ?? [] });
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const importNow = async () => {
    const req = await request(mapping);
    if (!req) return;
    setBusy(true);
    try {
      const result = await runImport(programme.id, req);
      const text = `Imported: ${describeCounts(result.summary)}.`;
      setDone(text);
      announce(text);
      setPreview(null);
      setFile(null);
      setVersion((v) => v + 1);
      void refresh();
    } catch (e) {
      const r = e as ImportRefused;
      setRefusal({ message: r.message, problems: r.problems ?? [] });
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const problems = preview?.problems ?? [];
  return (
    <>
      <PageHeader title="Import people or notes" context={programme.title}>
        <p className="hint">
          <Link to={`/programmes/${encodeURIComponent(programme.id)}/people`}>Back to People</Link>
        </p>
      </PageHeader>
      <div className="stack import-page">
        {refusal && (
          <ProblemsList title={refusal.message} problems={refusal.problems} attempt={attempt} />
        )}
        {done && (
          <p className="card" role="status">
            {done}
          </p>
        )}
        <form
          className="card stack"
          aria-labelledby="import-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void check(null);
          }}
        >
          <h2 id="import-form-heading">The file</h2>
          <RadioGroup
            className="field"
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              setPreview(null);
              setMapping(null);
            }}
          >
            <Label>What are you importing?</Label>
            <Radio value="registrations" className="choice">
              An attendee list from an event tool (CSV or Excel)
            </Radio>
            <Radio value="notes" className="choice">
              Notes typed up from flip charts or sticky notes (CSV or Excel)
            </Radio>
          </RadioGroup>
          <Field
            id="import-session"
            label={kind === 'registrations' ? 'They registered for' : 'Notes from'}
          >
            {(p) => (
              <select {...p} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
                {sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} ({s.date})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind === 'registrations' && (
            <Field
              id="import-cohort"
              label="Cohort (optional)"
              hint="For rows whose file names no cohort or ticket type. Reports call new people by cohort and number, never by name."
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  maxLength={200}
                  value={cohort}
                  onChange={(e) => setCohort(e.target.value)}
                />
              )}
            </Field>
          )}
          <FilePicker
            key={version}
            id="import-file"
            label="File"
            hint="CSV or .xlsx, with the column headings in the first row. At most 10 MB."
            accept={['.csv', 'text/csv', '.xlsx', '.txt']}
            file={file}
            error={fileError}
            onChange={(f, err) => {
              setFile(f);
              setFileError(err);
              setPreview(null);
              setMapping(null);
            }}
          />
          {kind === 'notes' && (
            <Checkbox className="choice checkbox" isSelected={consent} onChange={setConsent}>
              People named in the &ldquo;who said it&rdquo; column who are new to this programme
              agreed to their words being kept
            </Checkbox>
          )}
          <Button type="submit" className="button" isDisabled={busy}>
            Check the file
          </Button>
        </form>
        {preview && mapping && (
          <section className="card stack" aria-labelledby="import-preview-heading">
            <h2 id="import-preview-heading">Check before importing</h2>
            <p>
              {preview.rows} rows. {/* Until the file can be planned there is nothing to count. */}
              {!preview.ready
                ? 'What it would add is counted once the problems below are resolved.'
                : preview.kind === 'registrations'
                  ? `${preview.create ?? 0} new people, ${preview.update ?? 0} already here to update, ${preview.unchanged ?? 0} already up to date.`
                  : `${preview.notes ?? 0} new notes${preview.alreadyThere ? `, ${preview.alreadyThere} already there` : ''}${preview.newThemes?.length ? `; new themes: ${preview.newThemes.join(', ')}` : ''}${preview.newParticipants?.length ? `; new people: ${preview.newParticipants.join(', ')}` : ''}.`}
            </p>
            {problems.length > 0 && (
              <ProblemsList title="Choose before importing" problems={problems} attempt={0} />
            )}
            <ColumnMappingTable
              columns={preview.columns}
              mapping={mapping}
              labels={preview.targets}
              problems={problems}
              onChange={(m) => {
                setMapping(m);
                void check(m);
              }}
            />
            <WarningsList warnings={preview.warnings} />
            <Button className="button" isDisabled={busy || !preview.ready} onPress={importNow}>
              Import
            </Button>
          </section>
        )}
        <UndoLastImport
          programmeId={programme.id}
          version={version}
          onUndone={() => void refresh()}
        />
      </div>
    </>
  );
}

/** The People screen's way in: a link its owner can place (`<ImportPeopleLink />`). */
export function ImportPeopleLink(props: { programmeId: string }) {
  return (
    <Link
      className="button secondary"
      to={`/programmes/${encodeURIComponent(props.programmeId)}/people/import`}
    >
      Import attendees or notes
    </Link>
  );
}
