import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import { CLOSE } from '../server/limits.ts';

let nextConnectionId = 1;

/**
 * One WebSocket connection. Its principal and whether it may write are decided once, when the
 * connection is authenticated, and never re-read from the messages it sends.
 */
export class Connection {
  readonly id = nextConnectionId++;
  /** The awareness client id this connection speaks for, fixed by its first awareness message. */
  presenceClientId: number | null = null;
  closed = false;
  /** When this connection is next due the participant count (which is also its keep-alive). */
  countDueAt = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly principal: Principal,
    readonly docName: string,
    readonly readOnly: boolean,
    readonly address: string,
    private readonly maxBufferedBytes: number,
  ) {}

  get isParticipant(): boolean {
    return this.principal.role === 'participant';
  }

  /** Sends a frame; a client too slow to drain its socket is closed rather than buffered forever. */
  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE.tryAgain, 'connection too slow to keep up; reconnect');
      return;
    }
    this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the protocol.
    this.ws.close(code, reason.slice(0, 120));
  }
}
