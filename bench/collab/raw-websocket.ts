import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import net from 'node:net';

/**
 * The simulated phones' WebSocket: RFC 6455 over a plain socket, just what a phone's browser
 * does on the wire (the upgrade handshake, binary messages, masked client frames, ping answered
 * with pong, the closing handshake), and no more.
 *
 * Why not the `ws` client: the phones are a thousand clients on one load core. At 1,000 phones a
 * reference server relays every presence renewal to every phone, about 67,000 frames a second;
 * through `ws` each frame cost the load core about 14 µs, which took the load generator to
 * 96-99% of its core, and such runs are discarded. Here every socket reads into one buffer
 * shared by all the phones of the thread (net's `onread`: no stream machinery and no new buffer
 * per read), and frames are parsed in place. That also keeps the phones' reading ahead of a
 * server's sending, so a phone's time is when the server's frame reached it, not when the
 * simulation got round to it.
 */
export interface RawWebSocketHandlers {
  open: () => void;
  /**
   * A whole binary message, with when the read that completed it came off the socket. The bytes
   * are only valid during the call (they may sit in the shared read buffer): copy what you keep.
   */
  message: (data: Uint8Array, at: number) => void;
  /**
   * Asked of each whole (unfragmented) binary message before anything is made of it: true drops
   * it. `bytes` from `start` for `length` is the message, valid only during the call.
   */
  drop?: (bytes: Buffer, start: number, length: number) => boolean;
  close: () => void;
}

const OPCODE_CONTINUATION = 0x0;
const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_HANDSHAKE_BYTES = 16 * 1024;

/** One thread reads one socket at a time, so its phones can share where the bytes land. */
const readBuffer = Buffer.allocUnsafe(256 * 1024);

const now = () => performance.timeOrigin + performance.now();

export class RawWebSocket {
  private readonly socket: net.Socket;
  /** The server's answer to the upgrade, until its blank line; null once upgraded. */
  private handshake: string | null = '';
  private readonly accept: string;
  /** The start of a frame whose end has not arrived yet (a copy). */
  private buffered: Buffer | null = null;
  /** Parts of a fragmented message so far (servers rarely fragment; handled all the same). */
  private fragments: Buffer[] = [];
  private closed = false;

  constructor(
    url: string,
    private readonly on: RawWebSocketHandlers,
  ) {
    const u = new URL(url);
    const key = randomBytes(16).toString('base64');
    this.accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    this.socket = net.connect({
      host: u.hostname,
      port: Number(u.port || 80),
      noDelay: true,
      onread: {
        buffer: readBuffer,
        // Returning false would pause the socket; a phone always reads on.
        callback: (n: number) => {
          this.onRead(n);
          return true;
        },
      },
    });
    this.socket.on('connect', () =>
      this.socket.write(
        `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: Upgrade\r\n` +
          `Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
      ),
    );
    this.socket.on('close', () => this.finish());
    this.socket.on('error', () => this.finish());
  }

  get isOpen(): boolean {
    return this.handshake === null && !this.closed;
  }

  send(data: Uint8Array): void {
    this.write(OPCODE_BINARY, data);
  }

  close(): void {
    if (!this.isOpen) return;
    const normal = Buffer.from([0x03, 0xe8]); // 1000, normal closure
    this.write(OPCODE_CLOSE, normal);
    this.socket.end();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.on.close();
  }

  /** Client frames are always masked (RFC 6455 5.3). */
  private write(opcode: number, payload: Uint8Array): void {
    if (this.socket.destroyed) return;
    const length = payload.byteLength;
    const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(header + 4 + length);
    frame[0] = 0x80 | opcode;
    if (length < 126) {
      frame[1] = 0x80 | length;
    } else if (length < 65_536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    const mask = frame.subarray(header, header + 4);
    randomFillSync(mask);
    for (let i = 0; i < length; i++)
      frame[header + 4 + i] = (payload[i] as number) ^ (mask[i & 3] as number);
    this.socket.write(frame);
  }

  private onRead(n: number): void {
    const at = now();
    if (this.handshake !== null) return this.readHandshake(readBuffer.subarray(0, n), at);
    this.read(readBuffer, n, at);
  }

  /** The server's answer to the upgrade: 101 with the right accept key, or the phone is gone. */
  private readHandshake(chunk: Buffer, at: number): void {
    const text = (this.handshake ?? '') + chunk.toString('latin1');
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) {
      if (text.length > MAX_HANDSHAKE_BYTES) return this.fail();
      this.handshake = text;
      return;
    }
    const head = text.slice(0, end);
    const accept = /^sec-websocket-accept:\s*(\S+)/im.exec(head)?.[1];
    // Refused (a full server, a wrong token) or not a WebSocket server: the phone is simply gone.
    if (!/^HTTP\/1\.1 101 /.test(head) || accept !== this.accept) return this.fail();
    this.handshake = null;
    this.on.open();
    // Frames that came in the same read as the answer (latin1 keeps bytes as they were).
    if (text.length > end + 4) {
      const rest = Buffer.from(text.slice(end + 4), 'latin1');
      this.read(rest, rest.length, at);
    }
  }

  private fail(): void {
    this.socket.destroy();
    this.finish();
  }

  /**
   * Frames are found by position in `data` (the shared read buffer, usually) up to `end`; a view
   * is made only of a message the phone wants. Why: at 67,000 presence frames a second, the two
   * or three views made of every frame cost the load core 3-6 points (Hocuspocus at 1,000: 70.6%
   * with them, 64-68% without), and a run past 70% is discarded.
   */
  private read(chunk: Buffer, chunkEnd: number, at: number): void {
    let data = chunk;
    let end = chunkEnd;
    if (this.buffered) {
      data = Buffer.concat([this.buffered, chunk.subarray(0, chunkEnd)]);
      end = data.length;
      this.buffered = null;
    }
    let pos = 0;
    while (end - pos >= 2) {
      const b0 = data[pos] as number;
      const b1 = data[pos + 1] as number;
      // A server must not mask its frames (RFC 6455 5.1): fail the connection as a browser does.
      if (b1 & 0x80) return this.fail();
      let length = b1 & 0x7f;
      let start = pos + 2;
      if (length === 126) {
        if (end - pos < 4) break;
        length = data.readUInt16BE(pos + 2);
        start = pos + 4;
      } else if (length === 127) {
        if (end - pos < 10) break;
        length = Number(data.readBigUInt64BE(pos + 2));
        start = pos + 10;
      }
      if (end - start < length) break;
      pos = start + length;
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      const whole = fin && opcode === OPCODE_BINARY && this.fragments.length === 0;
      if (whole && this.on.drop?.(data, start, length)) continue;
      this.frame(fin, opcode, data.subarray(start, pos), at);
      if (this.closed) return;
    }
    // Kept as a copy: the shared read buffer is overwritten by the next read of any phone.
    if (pos < end) this.buffered = Buffer.from(data.subarray(pos, end));
  }

  private frame(fin: boolean, opcode: number, payload: Buffer, at: number): void {
    if (opcode === OPCODE_PING) return this.write(OPCODE_PONG, payload);
    if (opcode === OPCODE_CLOSE) {
      // Answer the closing handshake with the same code, then let the server close the socket.
      this.write(OPCODE_CLOSE, payload.subarray(0, 2));
      this.socket.end();
      return this.finish();
    }
    if (opcode === OPCODE_BINARY || opcode === OPCODE_CONTINUATION) {
      if (!fin || this.fragments.length > 0) {
        this.fragments.push(Buffer.from(payload));
        if (!fin) return;
        const whole = Buffer.concat(this.fragments);
        this.fragments = [];
        return this.on.message(whole, at);
      }
      this.on.message(payload, at);
    }
    // Text frames and pongs mean nothing to a y-websocket phone.
  }
}
