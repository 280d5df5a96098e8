import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { leanPhoneDocuments } from './lean-phone.ts';
import { hocuspocus, ours, reference, type Client, type Ready } from './targets.ts';

/**
 * The simulated phones, in a worker thread of the load process (pinned to the same core). Phones
 * are separate devices: kept here, the time this thread spends applying a shared note to a
 * thousand of them no longer queues the facilitators' and the writer's work in the main thread.
 * Arrival times are wall-clock (epoch) milliseconds, comparable with the main thread's: when the
 * frame was read off the phone's socket (lean phones), and when the phone's document had it.
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
// Phones run at the same priority as the facilitators' thread. Lowered (BENCH_PHONES_NICE=10;
// on Linux a nice value belongs to the thread that sets it), the phones were the ones delayed:
// a share's arrivals stalled for 10-15 ms whenever anything at normal priority ran (the
// facilitators, V8's compiler and GC threads), and both latency figures came out higher.
const nice = Number(process.env.BENCH_PHONES_NICE ?? 0);
if (nice !== 0) os.setPriority(0, nice);

let phones: Client[] = [];
/** Per shared note: when each phone had its frame, and when each had applied it. */
const arrivals = new Map<string, number[]>();
const applied = new Map<string, number[]>();
const record = (table: Map<string, number[]>, k: string, at: number) => {
  const list = table.get(k);
  if (list) list.push(at);
  else table.set(k, [at]);
};

port.on('message', (m: { type: string }) => {
  if (m.type === 'connect') {
    phones = input.credentials.map((c, i) => target.participant(input.ready, c, i));
    void Promise.all(phones.map((p) => p.synced)).then(() => {
      for (const p of phones) {
        // Lean phones report a shared note when its frame is read, and their documents (in the
        // DocumentKeeper's thread) when applied; stock ones both when it is applied here.
        if (p.onShared) {
          p.onShared((keys, at) => keys.forEach((k) => record(arrivals, k, at)));
          continue;
        }
        p.shared().observe((e) => {
          const at = now();
          for (const k of e.keysChanged) {
            if (!p.shared().has(k)) continue;
            record(arrivals, k, at);
            record(applied, k, at);
          }
        });
      }
      port.postMessage({ type: 'synced' });
    });
  } else if (m.type === 'report') {
    const keeper = leanPhoneDocuments();
    void (keeper ? keeper.applied() : Promise.resolve([...applied])).then((kept) =>
      port.postMessage({
        type: 'arrivals',
        arrivals: [...arrivals],
        applied: kept,
        documents: phones.filter((p) => p.keepsDocument !== false).length,
      }),
    );
  } else if (m.type === 'stop') {
    for (const p of phones) {
      try {
        p.destroy();
      } catch {
        /* a socket still connecting; the server closes it */
      }
    }
    void (leanPhoneDocuments()?.stop() ?? Promise.resolve()).then(() =>
      port.postMessage({ type: 'stopped' }),
    );
  }
});
port.postMessage({ type: 'loaded' });
