import type { ReactNode } from 'react';
import { useT } from './i18n/i18n.tsx';
import { Preferences } from './Preferences.tsx';

/** The frame of every participant screen: name, connection state, then language and text size. */
export function Page(props: {
  title?: string | undefined;
  online?: boolean | undefined;
  /** Language and text size open on the first screen; folded away after it, one tap to open. */
  prefsOpen?: boolean;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <header className="topbar">
        <span className="brand">Cohear</span>
        <span className="spacer" />
        {props.online !== undefined && (
          <span role="status" className="connection">
            <span className={`status-dot${props.online ? ' online' : ''}`} aria-hidden="true" />{' '}
            {props.online ? t('status.connected') : t('status.offline')}
          </span>
        )}
      </header>
      <main className="narrow">
        {props.prefsOpen ? (
          <Preferences />
        ) : (
          <details className="prefs-fold">
            <summary>{t('prefs.summary')}</summary>
            <Preferences />
          </details>
        )}
        {props.title && <h1>{props.title}</h1>}
        {props.children}
      </main>
    </>
  );
}
