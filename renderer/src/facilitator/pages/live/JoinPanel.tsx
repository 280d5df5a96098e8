import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../../../core/index.ts';
import { closeSession, joinDetails, openSession, type JoinDetails } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { useQrSvg } from './use-qr.ts';

/**
 * Opening a session issues a code to read aloud, a link and a QR code; closing kills all three and
 * stops capture until it is reopened. Focus stays on the button that swaps in for the one pressed.
 */
export function JoinPanel(props: {
  sessionId: string;
  status: Session['status'];
  projectorHref: string;
  onStatusChanged: () => Promise<void>;
}) {
  const [details, setDetails] = useState<JoinDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const announce = useAnnounce();
  const qr = useQrSvg(details?.link ?? null);
  useEffect(() => {
    if (props.status !== 'open') return setDetails(null);
    joinDetails(props.sessionId).then(setDetails, (e: Error) => setError(e.message));
  }, [props.sessionId, props.status]);
  const act = async (open: boolean) => {
    // Not disabled while busy: a disabled button drops the focus to the page.
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      if (open) setDetails(await openSession(props.sessionId));
      else await closeSession(props.sessionId);
      await props.onStatusChanged();
      announce(open ? 'The session is open for joining' : 'The session is closed');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      toggle.current?.focus();
    }
  };
  const open = props.status === 'open';
  return (
    <section className="card stack" aria-labelledby="join-heading" id="join-panel" tabIndex={-1}>
      <h2 id="join-heading">Joining</h2>
      {open && details ? (
        <>
          <p className="join-code-label">
            Code to type on a phone:
            <span className="join-code" data-testid="join-code">
              {details.codeDisplay}
            </span>
          </p>
          <div
            className="qr"
            role="img"
            aria-label="QR code for the join link"
            // The SVG is made in this page by the qrcode library from our own link.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <p className="hint join-link">
            Or open <a href={details.link}>{details.link.replace(/#.*/, '#…')}</a>
          </p>
        </>
      ) : (
        <p className="hint">
          {props.status === 'closed'
            ? 'This session is closed: nothing more can be captured until it is reopened.'
            : 'Open the session to get a join code for participants.'}
        </p>
      )}
      <div className="row">
        <button
          ref={toggle}
          type="button"
          className={open ? 'secondary' : undefined}
          aria-busy={busy || undefined}
          onClick={() => void act(!open)}
        >
          {open ? 'Close the session' : 'Open for joining'}
        </button>
        <a className="button secondary" href={props.projectorHref} target="_blank" rel="noopener">
          Show the projector
        </a>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
