/**
 * Notices a silently dropped network within 2 s, where the stock y-websocket client waits 30 s.
 *
 * Protocol decision: while the room is on screen the page sends a sync step 1 every second (the
 * same frame the stock client sends on connect and with its `resyncInterval`), which any
 * y-websocket server answers with a sync step 2. Pings are sent on a steady beat rather than
 * after each answer, so a slow but working network (Slow 3G's 2 s round trip) still hears one
 * answer a second; only a gap of more than `silentAfterMs` in everything heard counts as
 * offline. Nothing is sent while the page is hidden (a phone in a pocket costs nothing); on
 * return (or on reconnecting) the silence is counted from then, with one beat's grace.
 *
 * Worst case from drop to "offline" on screen: silentAfterMs + checkEveryMs = 2,000 ms.
 */
export const LIVENESS = {
  pingEveryMs: 1000,
  silentAfterMs: 1750,
  checkEveryMs: 250,
} as const;

export interface LivenessInput {
  now: number;
  /** The socket is open (the stock client's "connected"). */
  connected: boolean;
  visible: boolean;
  /** When the client last heard anything on the socket (y-websocket's wsLastMessageReceived). */
  lastHeard: number;
}

export interface LivenessVerdict {
  /** Send a sync step 1 now. */
  ping: boolean;
  /** Nothing heard for too long: show offline (the socket may still look open). */
  silent: boolean;
}

/** The decision, kept apart from timers and sockets so it can be tested on its own. */
export class LivenessClock {
  private lastPing = -Infinity;
  /** Silence is counted from here at the earliest (page shown again, socket reopened). */
  private countFrom = -Infinity;
  private wasActive = false;

  constructor(private readonly timing = LIVENESS) {}

  check(input: LivenessInput): LivenessVerdict {
    const active = input.connected && input.visible;
    if (!active) {
      this.wasActive = false;
      return { ping: false, silent: false };
    }
    if (!this.wasActive) {
      this.wasActive = true;
      // One beat's grace: the first answer takes a full round trip (2 s on Slow 3G).
      this.countFrom = input.now + this.timing.pingEveryMs;
      this.lastPing = -Infinity;
    }
    const ping = input.now - this.lastPing >= this.timing.pingEveryMs;
    if (ping) this.lastPing = input.now;
    const heard = Math.max(input.lastHeard, this.countFrom);
    return { ping, silent: input.now - heard > this.timing.silentAfterMs };
  }
}
