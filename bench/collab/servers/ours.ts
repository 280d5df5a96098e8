import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDemoProgramme } from '../../../core/demo/index.ts';
import { startServer } from '../../../collab-server/server/start-server.ts';
import { Store, importSnapshot } from '../../../collab-server/store/index.ts';

/** Our server with a demo programme in a fresh data folder, limits raised for one-address load. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-bench-'));
const store = Store.openFolder(dir);
const snapshot = makeDemoProgramme({ sessions: 1, notes: 20 });
importSnapshot(store, snapshot, 'bench');
store.close();
const server = await startServer({
  dataDir: dir,
  port: 0,
  host: '127.0.0.1',
  mode: 'desktop',
  log: () => {},
  limits: {
    maxConnectionsPerAddress: 10_000,
    maxConnections: 10_000,
    writeBurst: 1000,
    writesPerSecond: 1000,
  },
  joinThrottle: {
    perAddressBurst: 10_000,
    perAddressPerSecond: 1000,
    totalBurst: 10_000,
    totalPerSecond: 1000,
  },
});
process.stdout.write(
  `${JSON.stringify({ event: 'ready', url: server.url, secret: server.desktopSecret, sessionId: snapshot.sessions[0]?.session.id, dataDir: dir })}\n`,
);
// Each run makes a fresh data folder of several megabytes; a long session of runs left hundreds.
process.once(
  'SIGTERM',
  () =>
    void server.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }),
);
