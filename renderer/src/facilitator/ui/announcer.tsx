import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

/**
 * One polite live region for the whole app, so every screen tells screen-reader users what an
 * action did ("Session saved") without moving their focus. The text is cleared first, so the
 * same message said twice is read twice.
 */
export function AnnouncerProvider(props: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback<Announce>((text) => {
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(text), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {props.children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** @example const announce = useAnnounce(); announce('Action saved'); */
export const useAnnounce = (): Announce => useContext(AnnounceContext);
