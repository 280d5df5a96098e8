import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import { CLOSE } from '../server/limits.ts';
import { WsFrame, frameBinary } from './ws-frame.ts';

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
    /** The upgraded socket under `ws`: messages are written to it ready-framed (see WsFrame). */
    private readonly socket: Duplex,
    readonly principal: Principal,
    readonly docName: string,
    readonly readOnly: boolean,
    readonly address: string,
    private readonly maxBufferedBytes: number,
  ) {}

  get isParticipant(): boolean {
    return this.principal.role === 'participant';
  }

  /**
   * Sends one message: a payload, or a WsFrame made once for many connections. A client too slow
   * to drain its socket is closed rather than buffered forever.
   *
   * Written to the socket directly, not through ws.send: ws writes its own frames (pongs, the
   * closing frame) synchronously to the same socket, with compression off, so the order on the
   * wire is the order of the calls.
   */
  send(message: Uint8Array | WsFrame): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE.tryAgain, 'connection too slow to keep up; reconnect');
      return;
    }
    this.socket.write(message instanceof WsFrame ? message.bytes : frameBinary(message));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the protocol.
    this.ws.close(code, reason.slice(0, 120));
  }
}
