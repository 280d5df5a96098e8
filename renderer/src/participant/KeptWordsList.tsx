import { useState } from 'react';
import type { KeptWords } from './device-store.ts';
import { useT } from './i18n/i18n.tsx';
import { writeErrorKey } from './messages.ts';

/**
 * Words the server would not take (the session closed, say), kept on this device, visibly,
 * until the person has copied them and chosen to remove them.
 */
export function KeptWordsList(props: { kept: KeptWords[]; onForget: (id: string) => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState<string | null>(null);
  if (props.kept.length === 0) return null;
  return (
    <section className="card" aria-labelledby="kept-heading">
      <h2 id="kept-heading">{t('kept.heading')}</h2>
      <p className="hint">{t('kept.explain')}</p>
      <ul className="plain-list">
        {props.kept.map((k) => (
          <li key={k.id} className="note">
            <p className="kept-text">{k.text}</p>
            <p className="meta">{t(writeErrorKey(k.reason))}</p>
            <div className="row">
              <button
                type="button"
                className="small"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(k.text)
                    .then(() => setCopied(k.id))
                    .catch(() => setCopied(null))
                }
              >
                {t('kept.copy')}
              </button>
              <button
                type="button"
                className="small secondary"
                onClick={() => props.onForget(k.id)}
              >
                {t('kept.remove')}
              </button>
            </div>
            {copied === k.id && (
              <p className="hint" role="status">
                {t('kept.copied')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
