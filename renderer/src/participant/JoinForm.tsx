import { useEffect, useRef, useState } from 'react';
import { useT, type MessageKey } from './i18n/i18n.tsx';

const CODE_DIGITS = 12;

/** Digits only, grouped in fours as they are read aloud ("4821 0937 5562"). */
export function groupCode(typed: string): string {
  return typed
    .replace(/\D/g, '')
    .slice(0, CODE_DIGITS)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

const ERRORS: Record<string, MessageKey> = {
  'wrong-code': 'join.error.wrongCode',
  'session-closed': 'join.error.closed',
  'link-expired': 'join.error.linkExpired',
  offline: 'join.error.offline',
  invalid: 'join.error.short',
  short: 'join.error.short',
};

export interface JoinProblem {
  code: string;
  retryAfterMs: number | null;
}

/**
 * Code entry: the phone's number pad, digits grouped as typed, the error beside the field.
 * A wait the server asks for is shown as a countdown, and the code is sent again when it ends.
 */
export function JoinForm(props: {
  busy: boolean;
  problem: JoinProblem | null;
  initialCode: string;
  onJoin: (code: string) => void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(() => groupCode(props.initialCode));
  const [shortError, setShortError] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<HTMLInputElement>(null);
  const digits = code.replace(/\D/g, '');

  useEffect(() => {
    if (props.problem?.code === 'rate-limited' && props.problem.retryAfterMs !== null)
      setWaitUntil(Date.now() + props.problem.retryAfterMs);
    else if (props.problem) input.current?.focus();
  }, [props.problem]);

  useEffect(() => {
    if (waitUntil === null) return;
    const tick = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= waitUntil) {
        clearInterval(tick);
        setWaitUntil(null);
        props.onJoin(digits);
      }
    }, 250);
    return () => clearInterval(tick);
  }, [waitUntil]);

  const seconds = waitUntil === null ? 0 : Math.max(1, Math.ceil((waitUntil - now) / 1000));
  const errorKey = shortError
    ? ERRORS.short
    : props.problem && props.problem.code !== 'rate-limited'
      ? (ERRORS[props.problem.code] ?? 'join.error.other')
      : null;
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (digits.length !== CODE_DIGITS) {
          setShortError(true);
          input.current?.focus();
          return;
        }
        setShortError(false);
        props.onJoin(digits);
      }}
    >
      <h1>{t('join.title')}</h1>
      <label htmlFor="join-code">{t('join.label')}</label>
      <p id="join-code-hint" className="hint">
        {t('join.hint', { digits: CODE_DIGITS })}
      </p>
      <input
        ref={input}
        id="join-code"
        name="code"
        className="code-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        enterKeyHint="go"
        dir="ltr"
        value={code}
        aria-invalid={errorKey !== null}
        aria-describedby={errorKey ? 'join-code-hint join-code-error' : 'join-code-hint'}
        onChange={(e) => {
          setCode(groupCode(e.target.value));
          setShortError(false);
        }}
      />
      {errorKey && (
        <p id="join-code-error" className="error" role="alert">
          {t(errorKey, { digits: CODE_DIGITS, typed: digits.length })}
        </p>
      )}
      {waitUntil !== null && (
        <div className="notice">
          <p role="status">{t('join.wait.reason')}</p>
          <p className="countdown" aria-hidden="true">
            {t('join.wait.countdown', { seconds })}
          </p>
        </div>
      )}
      <button type="submit" disabled={props.busy || waitUntil !== null}>
        {t('join.submit')}
      </button>
      <p className="hint">{t('join.noAccount')}</p>
    </form>
  );
}
