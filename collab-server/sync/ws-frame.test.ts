import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { WsFrame, frameBinary } from './ws-frame.ts';

const LENGTHS = [0, 1, 125, 126, 65_535, 65_536, 200_000];
const payloadOf = (length: number) => {
  const p = Buffer.alloc(length);
  for (let i = 0; i < length; i++) p[i] = (i * 31 + 7) & 0xff;
  return p;
};

// The server writes pre-framed bytes straight to the upgraded socket, as Connection does; the
// stock client must read every one back unchanged and in order, interleaved with ws's own sends.
let server: Server;
let url: string;
beforeAll(async () => {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server = createServer();
  server.on('upgrade', (req, socket: Duplex, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      for (const length of LENGTHS) {
        socket.write(new WsFrame(new Uint8Array(payloadOf(length))).bytes);
        ws.send(Buffer.from(`after ${length}`));
      }
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('WsFrame', () => {
  it('frames each length so that the stock client reads it back unchanged', async () => {
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data: Buffer) => {
        received.push(data);
        if (received.length === LENGTHS.length * 2) resolve();
      });
      client.on('error', reject);
    });
    client.close();
    LENGTHS.forEach((length, i) => {
      expect(received[2 * i]?.equals(payloadOf(length))).toBe(true);
      expect(received[2 * i + 1]?.toString()).toBe(`after ${length}`);
    });
  });

  it('uses the shortest length encoding', () => {
    expect(frameBinary(new Uint8Array(125)).byteLength).toBe(127);
    expect(frameBinary(new Uint8Array(126)).byteLength).toBe(130);
    expect(frameBinary(new Uint8Array(65_536)).byteLength).toBe(65_546);
  });
});
