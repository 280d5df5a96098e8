import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A network between the phone and the server that can go silent, as a phone's does in a lift:
 * while cut, every byte either way is held (as TCP would keep retransmitting it) and new
 * connections wait, with no error and no close on either side. Restored, what was held goes on.
 *
 * Chromium's own offline switch (`context.setOffline`) refuses new requests but leaves a
 * WebSocket opened before it untouched, so it cannot prove that nothing was sent while offline;
 * this can. It also notes the request lines that tried to cross while cut.
 */
export interface CuttableNetwork {
  /** Where the phone should go instead of the server (same paths). */
  url: string;
  cut(): void;
  restore(): void;
  /** "POST /api/participant/writes" and the like, for each HTTP request held while cut. */
  heldRequests(): string[];
  close(): Promise<void>;
}

export async function cuttableNetwork(serverUrl: string): Promise<CuttableNetwork> {
  const target = new URL(serverUrl);
  let isCut = false;
  const held: string[] = [];
  const waiting: (() => void)[] = [];
  const sockets = new Set<Socket>();

  /** Forwards one direction, holding the bytes while the network is cut. */
  function forward(from: Socket, to: Socket, toServer: boolean): void {
    const backlog: Buffer[] = [];
    const flush = () => {
      for (const b of backlog.splice(0)) to.write(b);
    };
    from.on('data', (chunk: Buffer) => {
      if (!isCut && backlog.length === 0) {
        to.write(chunk);
        return;
      }
      if (isCut && toServer) noteRequests(chunk);
      if (backlog.length === 0) waiting.push(flush);
      backlog.push(chunk);
    });
    from.on('end', () => {
      if (!isCut) to.end();
      else waiting.push(() => to.end());
    });
  }

  function noteRequests(chunk: Buffer): void {
    const text = chunk.toString('latin1');
    for (const m of text.matchAll(/(?:^|\r\n)(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1/g))
      held.push(`${m[1]} ${m[2]}`);
  }

  function join(client: Socket): void {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    forward(client, upstream, true);
    forward(upstream, client, false);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  // A connection made while cut is joined at once, but its bytes are held like any others (the
  // server sees an idle connection, never a request).
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    join(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      isCut = true;
    },
    restore: () => {
      isCut = false;
      for (const go of waiting.splice(0)) go();
    },
    heldRequests: () => [...held],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
