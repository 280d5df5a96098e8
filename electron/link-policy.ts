/**
 * What the desktop window does with a link or a navigation. Security decision: the window shows
 * only the embedded server's own pages; anything else either opens outside the app (in the
 * user's browser or mail program, and only for a few schemes) or is refused. Pure, so every case
 * is unit-tested without Electron.
 */
export interface LinkContext {
  /** The embedded server's origin as the window loads it, e.g. `http://127.0.0.1:51234`. */
  appOrigin: string;
  /** Hosts the user has already agreed to open in their browser. */
  knownHosts: ReadonlySet<string>;
}

export type LinkDecision =
  /** Our own page in a new app window (the projector view), hardened like the first. */
  | { action: 'open-in-app' }
  /** Hand to the operating system without asking (a host agreed to before, or a mail link). */
  | { action: 'open-external' }
  /** Ask first: a web address on a host the user has not opened from Cohear before. */
  | { action: 'confirm-external'; host: string }
  | { action: 'deny'; reason: string };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Loopback names: plain http to these never leaves the machine. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * A link the page asked to open (window.open, target="_blank", a middle click) or a navigation
 * away from our pages. Our own pages stay in the app; web addresses go to the browser over
 * https (http only to this machine, where nothing crosses a network in the clear); `mailto:`
 * goes to the mail program, which shows the message before anything is sent. Every other scheme
 * (file:, javascript:, custom app protocols, smb:, ...) is refused: handing those to the
 * operating system is how a page becomes a way to run programs.
 */
export function decideLink(url: string, ctx: LinkContext): LinkDecision {
  const u = parse(url);
  if (!u) return { action: 'deny', reason: 'not a valid address' };
  if (u.origin === ctx.appOrigin && (u.protocol === 'http:' || u.protocol === 'https:'))
    return { action: 'open-in-app' };
  if (u.username || u.password)
    return { action: 'deny', reason: 'addresses with a user name or password are refused' };
  if (u.protocol === 'mailto:') return { action: 'open-external' };
  if (u.protocol === 'http:' && !isLoopback(u.hostname))
    return { action: 'deny', reason: 'plain http is opened only for this computer' };
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { action: 'deny', reason: `${u.protocol} links are not opened` };
  const host = u.host.toLowerCase();
  return ctx.knownHosts.has(host)
    ? { action: 'open-external' }
    : { action: 'confirm-external', host };
}

/** Whether the window itself may go to `url`: only to our own pages. */
export function navigationAllowed(url: string, appOrigin: string): boolean {
  return parse(url)?.origin === appOrigin;
}

/** The remembered hosts file's contents, or an empty set if it is missing or damaged. */
export function parseKnownHosts(text: string | null): Set<string> {
  if (text === null) return new Set();
  try {
    const data: unknown = JSON.parse(text);
    if (
      typeof data === 'object' &&
      data !== null &&
      'hosts' in data &&
      Array.isArray(data.hosts) &&
      data.hosts.every((h): h is string => typeof h === 'string')
    )
      return new Set(data.hosts.map((h) => h.toLowerCase()));
  } catch {
    // A damaged file only means the user is asked again.
  }
  return new Set();
}

export function serialiseKnownHosts(hosts: ReadonlySet<string>): string {
  return `${JSON.stringify({ hosts: [...hosts].sort() }, null, 2)}\n`;
}
