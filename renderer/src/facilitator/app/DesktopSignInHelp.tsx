/** Desktop mode has no accounts: the way in is the private link printed where Cohear started. */
export function DesktopSignInHelp() {
  return (
    <main id="main" className="page narrow">
      <div className="card stack">
        <h1>Open your facilitator link</h1>
        <p>
          This copy of Cohear runs on this computer and has no accounts. Open the private
          facilitator link that Cohear printed when it started (it ends in{' '}
          <code>#secret=&hellip;</code>), or paste it into this tab&rsquo;s address bar.
        </p>
        <p className="hint">
          The desktop app signs in by itself; you see this page only in a browser that was not
          opened from that link.
        </p>
      </div>
    </main>
  );
}
