import { useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../ui/announcer.tsx';
import { type BuildState, buildFileUrl, getBuild, startBuild } from './reports-api.ts';

/**
 * Builds the programme report on the server and downloads it, with a progress bar while it
 * builds (a report with every chart and cloud takes a few seconds).
 */
export function ReportDownload(props: { programmeId: string }) {
  const [wordTables, setWordTables] = useState(false);
  const [build, setBuild] = useState<{ id: string; state: BuildState } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const link = useRef<HTMLAnchorElement>(null);
  const announce = useAnnounce();
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (id: string) => {
    getBuild(props.programmeId, id).then(
      (state) => {
        setBuild({ id, state });
        if (state.error) {
          setError(`The report could not be built: ${state.error}`);
          announce('The report could not be built.');
        } else if (state.ready) {
          announce('The report is ready and downloading.');
          // The file is sent as an attachment, so the browser saves it and the page stays.
          window.location.assign(buildFileUrl(props.programmeId, id));
          window.setTimeout(() => link.current?.focus(), 0);
        } else timer.current = window.setTimeout(() => poll(id), 400);
      },
      (e: Error) => setError(e.message),
    );
  };
  const start = () => {
    setError(null);
    startBuild(props.programmeId, wordTables).then(
      ({ id }) => {
        setBuild({
          id,
          state: {
            stage: 'starting',
            done: 0,
            total: 1,
            ready: false,
            error: null,
            filename: null,
          },
        });
        announce('Building the report.');
        poll(id);
      },
      (e: Error) => setError(e.message),
    );
  };
  const busy = build !== null && !build.state.ready && !build.state.error && error === null;
  const pct = build ? Math.round((100 * build.state.done) / Math.max(1, build.state.total)) : 0;
  return (
    <section className="card" aria-labelledby="report-download-title">
      <h2 id="report-download-title">Programme report</h2>
      <p className="hint">
        A Word document for commissioners, with what you wrote here, the findings, demographics and
        charts.
      </p>
      <div className="row">
        <input
          id="word-tables"
          type="checkbox"
          checked={wordTables}
          onChange={(e) => setWordTables(e.target.checked)}
        />
        <label htmlFor="word-tables">Add an appendix listing every word of each word cloud</label>
      </div>
      <button type="button" className="button" onClick={start} disabled={busy} aria-disabled={busy}>
        Build and download the report
      </button>
      {build && (
        <div className="report-progress">
          <label htmlFor="report-progress">
            {build.state.ready ? 'Ready' : `Building: ${build.state.stage}`}
          </label>
          <progress id="report-progress" max={100} value={build.state.ready ? 100 : pct}>
            {pct}%
          </progress>
          {build.state.ready && (
            <p>
              <a
                ref={link}
                href={buildFileUrl(props.programmeId, build.id)}
                download={build.state.filename ?? undefined}
              >
                Download {build.state.filename ?? 'the report'} again
              </a>
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
