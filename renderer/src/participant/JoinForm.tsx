import { useState } from 'react';

/** Big, forgiving code entry: spaces and dashes are ignored, as when a code is read aloud. */
export function JoinForm(props: {
  busy: boolean;
  error: string | null;
  onJoin: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) props.onJoin(code);
      }}
    >
      <h1>Join a session</h1>
      <label htmlFor="join-code">Type the code the facilitator gave you</label>
      <input
        id="join-code"
        className="code-input"
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-describedby={props.error ? 'join-error' : undefined}
      />
      {props.error && (
        <p id="join-error" className="error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" disabled={props.busy || !code.trim()}>
        Join
      </button>
      <p className="hint">You do not need an account. Nobody sees your name.</p>
    </form>
  );
}
