import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { PersonRecord } from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { personalLink, revokePersonalLink } from './people-api.ts';

/**
 * A person's own join link: a printable card with a QR code, or text to paste into the
 * facilitator's own email. Opening it on a phone joins the session of theirs that is open, as
 * them, so attendance and consent are recorded against their registration.
 */
export function PersonalLinkCard(props: {
  person: PersonRecord;
  programmeTitle: string;
  onChanged: (hasLink: boolean) => void;
}) {
  const { person } = props;
  const [link, setLink] = useState<string | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  useEffect(() => {
    setLink(null);
    if (person.hasPersonalLink)
      personalLink(person.id).then(
        (r) => setLink(r.link),
        () => {},
      );
  }, [person.id, person.hasPersonalLink]);
  useEffect(() => {
    if (!link) return setQr('');
    void QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [link]);
  const message = link
    ? `Your personal link to join ${props.programmeTitle}: ${link}\nOpen it on your phone when the session starts.`
    : '';
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="stack" aria-labelledby={`link-heading-${person.id}`}>
      <h3 id={`link-heading-${person.id}`}>Personal join link</h3>
      {!link ? (
        <>
          <p className="hint">
            A link only {person.descriptor} uses: their phone joins as them, so their attendance and
            consent are theirs. The session code still works for anyone.
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void act(async () => {
                const r = await personalLink(person.id);
                setLink(r.link);
                props.onChanged(true);
                announce(`Personal link made for ${person.descriptor}.`);
              })
            }
          >
            Make a personal link
          </button>
        </>
      ) : (
        <>
          <div className="print-card">
            <p className="print-card-title">
              <strong>{props.programmeTitle}</strong>
              <br />
              Your personal link ({person.descriptor})
            </p>
            {/* The SVG is generated locally by the qrcode library from our own link. */}
            <div
              className="qr"
              role="img"
              aria-label={`QR code of ${person.descriptor}'s personal join link`}
              dangerouslySetInnerHTML={{ __html: qr }}
            />
            <p className="hint">Scan with your phone&rsquo;s camera when the session starts.</p>
          </div>
          <label htmlFor={`link-text-${person.id}`}>Text for your own email</label>
          <textarea id={`link-text-${person.id}`} readOnly value={message} rows={3} />
          <div className="row">
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void act(async () => {
                  await navigator.clipboard.writeText(message);
                  announce('Copied. Paste it into an email to them.');
                })
              }
            >
              Copy for an email
            </button>
            <button type="button" className="secondary" onClick={() => window.print()}>
              Print the card
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void act(async () => {
                  await revokePersonalLink(person.id);
                  setLink(null);
                  props.onChanged(false);
                  announce('That link no longer works. Make a new one if needed.');
                })
              }
            >
              Stop this link (lost card)
            </button>
          </div>
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
