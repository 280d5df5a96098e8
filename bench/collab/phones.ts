import { parentPort, workerData } from 'node:worker_threads';
import { hocuspocus, ours, reference, type Client, type Ready } from './targets.ts';

/**
 * The simulated phones, in a worker thread of the load process (pinned to the same core). Phones
 * are separate devices: kept here, the time this thread spends applying a shared note to a
 * thousand of them no longer queues the facilitators' and the writer's work in the main thread.
 * Arrival times are wall-clock (epoch) milliseconds, comparable with the main thread's.
 */
interface Input {
  target: string;
  ready: Ready;
  credentials: unknown[];
}

const input = workerData as Input;
const port = parentPort;
if (!port) throw new Error('phones.ts runs as a worker');
const target = [ours, reference, hocuspocus].find((t) => t.name === input.target);
if (!target) throw new Error(`unknown target ${input.target}`);
const now = () => performance.timeOrigin + performance.now();

let phones: Client[] = [];
const arrivals = new Map<string, number[]>();

port.on('message', (m: { type: string }) => {
  if (m.type === 'connect') {
    phones = input.credentials.map((c, i) => target.participant(input.ready, c, i));
    void Promise.all(phones.map((p) => p.synced)).then(() => {
      for (const p of phones) {
        p.shared().observe((e) => {
          const at = now();
          for (const k of e.keysChanged) {
            if (!p.shared().has(k)) continue;
            const list = arrivals.get(k) ?? [];
            list.push(at);
            arrivals.set(k, list);
          }
        });
      }
      port.postMessage({ type: 'synced' });
    });
  } else if (m.type === 'report') {
    port.postMessage({ type: 'arrivals', arrivals: [...arrivals] });
  } else if (m.type === 'stop') {
    for (const p of phones) {
      try {
        p.destroy();
      } catch {
        /* a socket still connecting; the server closes it */
      }
    }
    port.postMessage({ type: 'stopped' });
  }
});
port.postMessage({ type: 'loaded' });
