import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import type { KeeperBatch, KeeperInput } from './document-keeper.ts';

/**
 * The documents of the phones that keep one (see DocumentKeeper), in their own thread at the
 * lowest priority: a phone's reading of its socket never waits for another phone's applying.
 */
const input = workerData as KeeperInput;
const port = parentPort;
if (!port) throw new Error('document-keeper-thread.ts runs as a worker');
// On Linux a nice value belongs to the thread that sets it: this one only, not the phones'.
os.setPriority(0, 19);

const now = () => performance.timeOrigin + performance.now();
/** Per shared note: when each document had it. */
const applied = new Map<string, number[]>();
const docs: Y.Doc[] = [];

function documentFor(i: number): Y.Doc {
  const kept = docs[i];
  if (kept) return kept;
  const doc = new Y.Doc();
  const shared = doc.getMap(input.sharedMap);
  shared.observe((e) => {
    const at = now();
    for (const k of e.keysChanged) {
      if (!shared.has(k)) continue;
      const list = applied.get(k);
      if (list) list.push(at);
      else applied.set(k, [at]);
    }
  });
  docs[i] = doc;
  return doc;
}

port.on('message', (m: KeeperBatch | { type: 'report' }) => {
  if (m.type === 'report') {
    port.postMessage({ type: 'applied', applied: [...applied] });
    return;
  }
  // Entries come in the order the phones read their frames: each document's in its own order.
  for (let i = 0; i < m.entries.length; i += 2) {
    const update = m.updates[m.entries[i + 1] as number];
    if (update) Y.applyUpdate(documentFor(m.entries[i] as number), update);
  }
});
