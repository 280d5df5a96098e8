import { useCallback, useEffect, useState } from 'react';
import { NetworkError, type JoinResponse } from '../../../core/client/index.ts';
import { newId, type Demographics } from '../../../core/index.ts';
import { ConsentForm, type ConsentChoice } from './ConsentForm.tsx';
import { DemographicsForm } from './DemographicsForm.tsx';
import { useT } from './i18n/i18n.tsx';
import { writeErrorKey } from './messages.ts';
import { cacheLoadedAssets } from './offline-cache.ts';
import { Page } from './Page.tsx';
import { transport } from './participant-api.ts';
import { RoomScreen } from './RoomScreen.tsx';
import { loadFlag, saveFlag } from './stored-session.ts';
import { useParticipant } from './use-participant.ts';

type Stage = 'consent' | 'about' | 'room';

/** Everything after joining: consent, the optional questions about you, then the room. */
export default function Joined(props: { joined: JoinResponse; onLeft: (reason: string) => void }) {
  const { t } = useT();
  const { joined } = props;
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((m: string) => {
    // Cleared first so the same words said twice are announced twice.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(m), 50);
  }, []);
  const me = useParticipant(joined, {
    onLeft: props.onLeft,
    onSent: (w) => {
      if (w.type === 'note.add') announce(t('notes.sentAnnounce'));
      if (w.type === 'card.comment') announce(t('cards.commentSent'));
    },
    onRefused: (_w, code) => announce(t(writeErrorKey(code))),
  });
  const [override, setOverride] = useState<Stage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => cacheLoadedAssets(), []);

  const view = me.view;
  const stage: Stage | null = !view
    ? null
    : (override ??
      (view.consent.storeWords.at === null
        ? 'consent'
        : !loadFlag(`about-${view.sessionId}`)
          ? 'about'
          : 'room'));

  const direct = async (
    write: Parameters<ReturnType<typeof transport>>[0],
    next: () => void,
  ): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const res = await transport(joined.token)(write);
      if (res.ok) next();
      else setError(t(writeErrorKey(res.error.code)));
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      setError(t('error.offline'));
    } finally {
      setBusy(false);
    }
  };

  const live = (
    <div className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );
  const errorLine = error && (
    <p className="error" role="alert">
      {error}
    </p>
  );

  if (!view || !stage)
    return (
      <Page>
        <p className="card">{t('room.connecting')}</p>
      </Page>
    );

  if (stage === 'consent')
    return (
      <Page>
        <ConsentForm
          initial={view.consent}
          recordingAsked
          busy={busy}
          onSubmit={(c: ConsentChoice) =>
            void direct({ type: 'consent.set', writeId: newId('w'), consent: c }, () => {
              setOverride(null);
              void me.refresh();
            })
          }
        />
        {errorLine}
      </Page>
    );

  if (stage === 'about') {
    const done = () => {
      saveFlag(`about-${view.sessionId}`);
      setOverride(null);
      void me.refresh();
    };
    return (
      <Page>
        <DemographicsForm
          initial={view.demographics}
          {...(view.demographicFields ? { fields: view.demographicFields } : {})}
          busy={busy}
          onSubmit={(d: Demographics) =>
            void direct({ type: 'demographics.set', writeId: newId('w'), demographics: d }, done)
          }
          onSkip={done}
        />
        {errorLine}
      </Page>
    );
  }

  return (
    <RoomScreen
      joined={joined}
      me={me}
      announce={announce}
      live={live}
      onChangeChoices={() => setOverride('consent')}
    />
  );
}
