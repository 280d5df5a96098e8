import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { closeSession, joinDetails, openSession, type JoinDetails } from './facilitator-api.ts';

/** Opening a session issues a code to read aloud, a link and a QR code; closing kills all three. */
export function JoinPanel(props: {
  sessionId: string;
  status: string;
  onStatus: (s: string) => void;
}) {
  const [details, setDetails] = useState<JoinDetails | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.status !== 'open') return setDetails(null);
    joinDetails(props.sessionId).then(setDetails, (e: Error) => setError(e.message));
  }, [props.sessionId, props.status]);
  useEffect(() => {
    if (!details) return setQr('');
    void QRCode.toString(details.link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      setQr,
    );
  }, [details]);
  const act = async (fn: () => Promise<unknown>, next: string) => {
    setError(null);
    try {
      const r = (await fn()) as Partial<JoinDetails>;
      if (r.code) setDetails(r as JoinDetails);
      props.onStatus(next);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card stack" aria-labelledby="join-heading">
      <h2 id="join-heading">Joining</h2>
      {details ? (
        <>
          <p>
            Code to type on a phone:
            <span className="join-code">{details.codeDisplay}</span>
          </p>
          <p className="hint">
            Or open <a href={details.link}>{details.link.replace(/#.*/, '#…')}</a>
          </p>
          {/* The SVG is generated locally by the qrcode library from our own link. */}
          <div
            className="qr"
            role="img"
            aria-label="QR code for the join link"
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => closeSession(props.sessionId), 'closed')}
          >
            Close the session
          </button>
        </>
      ) : (
        <>
          <p className="hint">Open the session to get a join code for participants.</p>
          <button
            type="button"
            onClick={() => void act(() => openSession(props.sessionId), 'open')}
          >
            Open for joining
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
