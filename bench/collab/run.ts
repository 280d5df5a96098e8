import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { percentile, writeBenchSection } from '../report.ts';
import { cpuSeconds, rssBytes, sleep, startOnCore0, stop, threadCpuSeconds } from './measure.ts';
import { hocuspocus, ours, reference, type Client, type Target } from './targets.ts';

/**
 * npm run bench:collab. The server runs on core 0, this load generator on core 1 (taskset); a
 * run whose load generator passes 70% of its core is reported as discarded. Never a test.
 * BENCH_SIZES=100,300, BENCH_SECONDS=8 and BENCH_REPEATS=1 shorten it; BENCH_PHONES=stock runs
 * the stock provider for every phone too; BENCH_DEBUG=1 prints each shared note's spread and
 * where the load generator's CPU went, thread by thread.
 */
if (process.env.COHEAR_BENCH_PINNED !== '1') {
  const r = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, '--expose-gc', '--import', 'tsx', import.meta.filename],
    {
      stdio: 'inherit',
      env: { ...process.env, COHEAR_BENCH_PINNED: '1' },
    },
  );
  process.exit(r.status ?? 1);
}

// A client socket torn down mid-handshake (Hocuspocus' provider at 1,000) must not end the run.
process.on('uncaughtException', (e) =>
  process.stderr.write(`client error ignored: ${String(e)}\n`),
);

const SIZES = (process.env.BENCH_SIZES ?? '100,300,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
// BENCH_TARGETS=cohear runs only our server, for quick looks while working; the figures in
// docs/benchmarks.md always come from a run of all three (it is written only then).
const ALL_TARGETS = [ours, reference, hocuspocus];
const TARGETS = process.env.BENCH_TARGETS
  ? ALL_TARGETS.filter((t) => process.env.BENCH_TARGETS?.split(',').includes(t.name))
  : ALL_TARGETS;
const FACILITATORS = 5;
/**
 * Load before anything is measured. A server is started fresh for every run, and V8 goes on
 * optimising more of a server's code for a long while at 20 notes a second: in our server 45 s
 * after start it still compiled two functions a second, each taking the server's one core for
 * 1-3 ms. A session runs for hours, so the figures are for a server past its first seconds.
 */
const WARMUP_MS = 20_000;
const NOTES_PER_SECOND = 20;

interface Result {
  target: string;
  n: number;
  connectMs: number;
  facP50: number;
  facP99: number;
  partP99: number;
  partAppliedP99: number;
  partFirstP50: number;
  fanOutP50: number;
  serverCpuPct: number;
  rssPerConnKB: number;
  cpuPerConnMs: number;
  saturation: number;
  loadCpuPct: number;
  samples: {
    fac: number;
    part: number;
    lostNotes: number;
    shares: number;
    sharesSeen: number;
    sharesApplied: number;
    documents: number;
  };
  /** Every latency sample after the warm-up, in ms, so that runs can be pooled. */
  raw: { fac: number[]; part: number[]; applied: number[] };
  discarded: boolean;
}

async function runOne(target: Target, n: number): Promise<Result> {
  const server = await startOnCore0(target.script);
  const pid = server.child.pid as number;
  try {
    const creds = await target.prepareParticipants(server.ready, n);
    // Memory per connection counts connections only: joining (records, tokens) is done by now.
    await sleep(500);
    const rss0 = rssBytes(pid);
    // The phones live in a worker thread (same core); only their tokens cross over.
    const phones = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      // A reference server's N-squared presence at 1,000 phones outgrows a worker's default heap.
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
      workerData: {
        module: './phones.ts',
        target: target.name,
        ready: server.ready,
        credentials: creds.map((c) =>
          c && typeof c === 'object' && 'token' in c
            ? { token: (c as { token: string }).token }
            : null,
        ),
      },
    });
    await nextMessage(phones, 'loaded');
    // The join storm: all N connect at once; done when every one has synced.
    const cpuConnect0 = cpuSeconds(pid);
    const t0 = performance.now();
    phones.postMessage({ type: 'connect' });
    await nextMessage(phones, 'synced');
    const connectMs = performance.now() - t0;
    const cpuConnect = cpuSeconds(pid) - cpuConnect0;
    const facs = Array.from({ length: FACILITATORS }, () => target.facilitator(server.ready));
    // Reference servers take participants' notes as direct edits of the shared document; this
    // client makes them (ours go through the validated HTTP path with each phone's token).
    const writerClient = target === ours ? null : target.facilitator(server.ready);
    await Promise.all([...facs, ...(writerClient ? [writerClient] : [])].map((f) => f.synced));
    await sleep(1000);
    const rss1 = rssBytes(pid);

    // Steady phase: notes at 20/s from participants, a shared note every second, presence on.
    const sentAt = new Map<string, { t: number; seen: number }>();
    /** When each note was shared, in epoch milliseconds (comparable with the phones' thread). */
    const sharedAt = new Map<string, number>();
    const facLat: number[] = [];
    let lastArrived: string | null = null;
    // The first seconds also run cold code paths in a thousand simulated clients at once (one of
    // them stalled this process for 130 ms); samples are kept only after the warm-up.
    const measureFrom = performance.now() + WARMUP_MS;
    const measureFromEpoch = performance.timeOrigin + measureFrom;
    facs.forEach((f, fi) =>
      f.notes().observe((e) => {
        const now = performance.now();
        for (const k of e.keysChanged) {
          const s = sentAt.get(k);
          if (!s) continue;
          if (s.t >= measureFrom) facLat.push(now - s.t);
          if (fi === 0) lastArrived = k;
          if (++s.seen === FACILITATORS) sentAt.delete(k);
        }
      }),
    );
    const cpuA = cpuSeconds(pid);
    const loadA = process.cpuUsage();
    const threadsA = process.env.BENCH_DEBUG ? threadCpuSeconds() : null;
    const wallA = performance.now();
    let seq = 0;
    const errors: unknown[] = [];
    const writer = setInterval(() => {
      const i = seq++ % n;
      const id = `n${n}x${seq}`;
      sentAt.set(id, { t: performance.now(), seen: 0 });
      target
        .writeNote(
          server.ready,
          creds[i],
          writerClient as Client,
          id,
          `Note ${seq} from participant ${i}`,
        )
        .catch((e) => errors.push(e));
    }, 1000 / NOTES_PER_SECOND);
    const sharer = setInterval(() => {
      const id = target === ours ? lastArrived : `s${seq}`;
      if (!id || sharedAt.has(id)) return;
      sharedAt.set(id, performance.timeOrigin + performance.now());
      target.shareNote(facs[0] as Client, id, `Shared ${id}`);
    }, 1000);
    await sleep(WARMUP_MS + SECONDS * 1000);
    clearInterval(writer);
    clearInterval(sharer);
    await sleep(1000);
    const wall = (performance.now() - wallA) / 1000;
    const load = process.cpuUsage(loadA);
    const loadCpuPct = ((load.user + load.system) / 1e6 / wall) * 100;
    if (process.env.BENCH_DEBUG) {
      const pct = (seconds: number) => `${((seconds / wall) * 100).toFixed(1)}%`;
      process.stderr.write(
        `load generator: user ${pct(load.user / 1e6)}, system ${pct(load.system / 1e6)}\n`,
      );
      // Threads in the order they were made: main (the facilitators), V8's helpers, the phones.
      for (const [tid, b] of threadCpuSeconds()) {
        const a = threadsA?.get(tid) ?? { user: 0, system: 0 };
        const [user, system] = [b.user - a.user, b.system - a.system];
        if ((user + system) / wall < 0.005) continue;
        const name = tid === process.pid ? 'main' : `thread ${tid}`;
        process.stderr.write(`  ${name}: user ${pct(user)}, system ${pct(system)}\n`);
      }
    }
    const serverCpuPct = ((cpuSeconds(pid) - cpuA) / wall) * 100;
    const lostNotes = sentAt.size;

    // Each shared note's arrival at every phone, measured after the warm-up.
    phones.postMessage({ type: 'report' });
    const { arrivals, applied, documents } = (await nextMessage(phones, 'arrivals')) as {
      arrivals: [string, number[]][];
      applied: [string, number[]][];
      documents: number;
    };
    const partLat: number[] = [];
    const appliedLat: number[] = [];
    let sharesApplied = 0;
    for (const [k, times] of applied) {
      const t = sharedAt.get(k);
      if (t === undefined || t < measureFromEpoch) continue;
      appliedLat.push(...times.map((x) => x - t));
      if (times.length === documents) sharesApplied++;
    }
    // Counted from the shares made, so that one no phone saw still counts as not seen.
    const shares = [...sharedAt.values()].filter((t) => t >= measureFromEpoch).length;
    let sharesSeen = 0;
    const perShare: { first: number; last: number }[] = [];
    for (const [k, times] of arrivals) {
      const t = sharedAt.get(k);
      if (t === undefined || t < measureFromEpoch || times.length === 0) continue;
      const lat = times.map((x) => x - t);
      partLat.push(...lat);
      if (times.length === n) sharesSeen++;
      perShare.push({ first: Math.min(...lat), last: Math.max(...lat) });
      // BENCH_DEBUG=1: one line per shared note, to see which ones a stall hit.
      if (process.env.BENCH_DEBUG)
        process.stderr.write(
          `share at ${((t - measureFromEpoch) / 1000).toFixed(1)} s: first ${fmt(Math.min(...lat))}, median ${fmt(percentile(lat, 50))}, last ${fmt(Math.max(...lat))} ms\n`,
        );
    }

    // Saturation: as many notes as the server will take for 3 s; counted as they reach a facilitator.
    let arrived = 0;
    let open = true;
    facs[0]?.notes().observe((e) => {
      if (open) arrived += e.keysChanged.size;
    });
    const satStart = performance.now();
    const writers = Array.from({ length: 64 }, async (_x, w) => {
      for (let k = 0; performance.now() - satStart < 3000; k++) {
        const i = (w * 7919 + k) % n;
        try {
          await target.writeNote(
            server.ready,
            creds[i],
            writerClient as Client,
            `sat${w}x${k}`,
            `Saturation ${k}`,
          );
        } catch {
          /* refused under load: not counted */
        }
        if (k % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    });
    await Promise.all(writers);
    await sleep(Math.max(0, 3000 - (performance.now() - satStart)));
    open = false;
    const saturation = arrived / 3;

    phones.postMessage({ type: 'stop' });
    await nextMessage(phones, 'stopped');
    await phones.terminate();
    for (const c of [...facs, ...(writerClient ? [writerClient] : [])]) {
      try {
        c.destroy();
      } catch {
        /* a socket still connecting; it is closed with the server below */
      }
    }
    if (errors.length)
      console.error(
        `${target.name} n=${n}: ${errors.length} write errors, first: ${String(errors[0])}`,
      );
    return {
      target: target.name,
      n,
      connectMs,
      facP50: percentile(facLat, 50),
      facP99: percentile(facLat, 99),
      partP99: percentile(partLat, 99),
      partAppliedP99: percentile(appliedLat, 99),
      partFirstP50: percentile(
        perShare.map((v) => v.first),
        50,
      ),
      fanOutP50: percentile(
        perShare.map((v) => v.last - v.first),
        50,
      ),
      serverCpuPct,
      rssPerConnKB: (rss1 - rss0) / (n + FACILITATORS) / 1024,
      cpuPerConnMs: (cpuConnect * 1000) / n,
      saturation,
      loadCpuPct,
      samples: {
        fac: facLat.length,
        part: partLat.length,
        lostNotes,
        shares,
        sharesSeen,
        sharesApplied,
        documents,
      },
      raw: { fac: facLat, part: partLat, applied: appliedLat },
      discarded: loadCpuPct > 70,
    };
  } finally {
    await stop(server);
  }
}

/** The next message of `type` from the phones' worker (rejects if the worker fails). */
function nextMessage(worker: Worker, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ratio = (a: number, b: number, lowerIsBetter = true) =>
  Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0
    ? `${fmt(lowerIsBetter ? b / a : a / b, 1)}x`
    : 'n/a';

/** A target's runs at one size: figures are medians over the kept runs (all, if none was kept). */
interface Summary {
  name: string;
  runs: Result[];
  used: Result[];
  discarded: boolean;
}

function summarise(target: Target, n: number): Summary | null {
  const all = results.filter((r) => r.n === n && r.target === target.name);
  if (all.length === 0) return null;
  const kept = all.filter((r) => !r.discarded);
  return { name: target.name, runs: all, used: kept.length ? kept : all, discarded: !kept.length };
}

/**
 * A figure of one run, and for latency percentiles how to pool runs: a p99 of one run rests on its
 * few slowest notes (three of 600 in 30 s at 20 a second), so the median of three runs' p99s
 * swings with whichever run met a stall. The percentile of all kept runs' samples together rests
 * on more of them; the brackets still show each run's own figure.
 */
interface Metric {
  get: (r: Result) => number;
  pooled?: { samples: (r: Result) => number[]; q: number };
}

function value(s: Summary, m: Metric): number {
  if (!m.pooled) return percentile(s.used.map(m.get), 50);
  const { samples, q } = m.pooled;
  return percentile(
    s.used.flatMap((r) => samples(r)),
    q,
  );
}

function cell(s: Summary | null, m: Metric, d: number, unit = ''): string {
  if (!s) return 'n/a';
  const get = m.get;
  const v = `${fmt(value(s, m), d)}${unit}`;
  const xs = s.used.map(get);
  const range = xs.length > 1 ? ` (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})` : '';
  return `${s.discarded ? '~~' : ''}${v}${range}${s.discarded ? '~~' : ''}`;
}

function report(): string {
  const rows: string[] = [];
  for (const n of SIZES) {
    const o = summarise(ours, n);
    const y = summarise(reference, n);
    const h = summarise(hocuspocus, n);
    if (!o) continue;
    const vs = (other: Summary | null, m: Metric, lower: boolean) => {
      if (!other) return 'n/a';
      if (other.discarded || o.discarded) return 'discarded';
      return ratio(value(o, m), value(other, m), lower);
    };
    const line = (
      label: string,
      get: Metric | ((r: Result) => number),
      unit: string,
      lower = true,
      d = 1,
    ) => {
      const m = typeof get === 'function' ? { get } : get;
      return `| ${n} | ${label} | ${cell(o, m, d, ` ${unit}`)} | ${cell(y, m, d)} | ${cell(h, m, d)} | ${vs(y, m, lower)} | ${vs(h, m, lower)} |`;
    };
    const pooled = (get: (r: Result) => number, samples: (r: Result) => number[], q: number) => ({
      get,
      pooled: { samples, q },
    });
    rows.push(
      line(
        'participant write → facilitator, p50',
        pooled(
          (r) => r.facP50,
          (r) => r.raw.fac,
          50,
        ),
        'ms',
      ),
      line(
        'participant write → facilitator, p99',
        pooled(
          (r) => r.facP99,
          (r) => r.raw.fac,
          99,
        ),
        'ms',
      ),
      line(
        "shared note → every participant's phone, p99",
        pooled(
          (r) => r.partP99,
          (r) => r.raw.part,
          99,
        ),
        'ms',
      ),
      line(
        'shared note → first phone, median (breakdown of the row above; Cohear syncs to disk first)',
        (r) => r.partFirstP50,
        'ms',
      ),
      line('… then to the last phone, median (breakdown)', (r) => r.fanOutP50, 'ms'),
      line(
        '… applied by the phones that keep a document (1 in 10), on the one load core, p99 (not a server figure)',
        pooled(
          (r) => r.partAppliedP99,
          (r) => r.raw.applied,
          99,
        ),
        'ms',
      ),
      line('connect all N (join storm)', (r) => r.connectMs, 'ms', true, 0),
      line('server memory per connection', (r) => r.rssPerConnKB, 'KB'),
      line('server CPU per connection (join)', (r) => r.cpuPerConnMs, 'ms', true, 2),
      line('server CPU, steady (20 notes/s)', (r) => r.serverCpuPct, '%'),
      line('notes per second at saturation', (r) => r.saturation, '/s', false, 0),
    );
    const flags = [o, y, h]
      .filter((s): s is Summary => Boolean(s))
      .map((s) => {
        const kept = s.runs.filter((r) => !r.discarded).length;
        const load = s.runs.map((r) => fmt(r.loadCpuPct, 0)).join(', ');
        const sum = (get: (r: Result) => number) => s.runs.reduce((a, r) => a + get(r), 0);
        return `${s.name}: ${kept} of ${s.runs.length} runs kept (load generator ${load}% of its core${s.discarded ? '; over 70%, so DISCARDED and struck through' : ''}), ${sum((r) => r.samples.fac)} facilitator and ${sum((r) => r.samples.part)} phone samples, ${sum((r) => r.samples.lostNotes)} notes not seen by all ${FACILITATORS} facilitators, ${sum((r) => r.samples.sharesSeen)} of ${sum((r) => r.samples.shares)} shared notes read by every phone and ${sum((r) => r.samples.sharesApplied)} applied by all ${s.runs[0]?.samples.documents ?? 0} phones that keep a document`;
      });
    rows.push(`| ${n} | runs | ${flags.join('; ')} | | | | |`);
  }

  const md = `## Live collaboration (\`npm run bench:collab\`)

Server on core 0, load generator on core 1 (\`taskset\`). N participants with presence on, ${FACILITATORS}
facilitator clients, notes at ${NOTES_PER_SECOND}/s for ${SECONDS} s and one shared note a second (after ${WARMUP_MS / 1000} s of the same
load that is not measured), then 3 s of notes as fast as 64 concurrent writers can send them. Each
size runs every server ${REPEATS} times, interleaved. A latency percentile is taken over the samples of
all of a server's kept runs together (one run's p99 rests on its three slowest notes); any other
figure is the median of the kept runs. Brackets give the lowest and highest run's own figure. A run whose load generator passed 70% of its core is discarded:
its figures are struck through and give no ratio.

How the load is simulated (\`bench/collab/\`), and why:
- Every run is a fresh server and a fresh load process.
- Facilitators are the stock providers (y-websocket's \`WebsocketProvider\`, Hocuspocus'
  provider), in the load process's main thread.
- Phones are lean protocol clients (\`lean-phone.ts\`) in a worker thread of the load process,
  each with its own socket, reading WebSocket frames straight off it (\`raw-websocket.ts\`; the
  \`ws\` client cost the load core about 14 µs a frame). They sync and renew presence every 15 s
  (each on its own phase, as phones that joined over minutes would). A phone's time for a shared
  note is when the frame carrying it is read off its socket (what an update holds is decoded once
  per thread, since a broadcast is the same bytes for every phone). One phone in 10 also keeps a
  real Y.Doc that gets every update it read, applied on a thread of its own at the lowest
  priority (\`document-keeper.ts\`), so that one phone's applying never delays another's reading;
  the "applied" row is the last of those. A thousand real phones apply on a thousand devices; one
  load core applying every note a thousand times over (a reference server sends every note to
  every phone) took 40 points of that core and put those runs past 70%. Phones do not echo other
  people's presence back as the stock client does, which spares the reference servers work.
- Participants' notes: Cohear's go through the validated HTTP path with each phone's token
  (node:http with kept-alive sockets, \`lean-fetch.ts\`), and are committed to SQLite and
  synced to disk before they are acknowledged or broadcast. The reference servers
  keep documents in memory and take notes as direct edits of the shared document from one
  client, so they do less work per note; their saturation figure is bounded by how fast that
  client makes local edits.
- Memory per connection is the server's resident memory after everyone has connected, less
  what it held once everyone had joined (Cohear's join and consent are HTTP calls before the
  connection), over N + ${FACILITATORS} connections.

Ratios: how many times better Cohear is (above 1x is better). Taskset pins these processes only:
other work on the machine (${os.loadavg()[0]?.toFixed(1)} load average at the end of this run, on ${os.cpus().length} cores) shares both
cores, which shows most in the p99 columns.

The two breakdown rows split "shared note → every participant's phone" into the wait for the first
phone and the spread from there to the last. Cohear's first phone waits for the shared note to be
committed to SQLite and synced to disk (about 1.5 ms: apply and commit, then fdatasync), which the
reference servers, keeping documents in memory only, do not do. The spread is the time for one
frame to reach N sockets: the server writing it N times on its core, and the phones reading it on
the load core. At 1,000, over five full runs, Cohear's spread ran from 0.3 ms shorter to 2.4 ms
longer than y-websocket's; sending it to every phone in one go instead of in slices of 250
changed it only within the noise.

| N | measure | Cohear | y-websocket 2.1.0 | Hocuspocus 3.4.4 | vs y-websocket | vs Hocuspocus |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
  return md;
}

// Each size runs every target REPEATS times, interleaved, so that whatever else the machine is
// doing falls on all three alike; each figure is the median of a target's kept runs.
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const RESULT = 'bench-result ';
const results: Result[] = [];
/**
 * Every run is its own load process (on the same core): a reference server at 1,000 phones
 * leaves the facilitators' thread with hundreds of megabytes of presence to collect, and
 * providers still winding down, which then stalled the next server's run for tens of ms.
 */
function runIsolated(t: Target, n: number): Result {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', import.meta.filename],
    {
      env: { ...process.env, BENCH_ONE: JSON.stringify({ target: t.name, n }) },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT));
  if (!line) throw new Error(`the run ended (${child.status}) without a result`);
  return JSON.parse(line.slice(RESULT.length)) as Result;
}

const one = process.env.BENCH_ONE
  ? (JSON.parse(process.env.BENCH_ONE) as { target: string; n: number })
  : null;
if (one) {
  const t = ALL_TARGETS.find((x) => x.name === one.target);
  if (!t) throw new Error(`unknown target ${one.target}`);
  const line = `${RESULT}${JSON.stringify(await runOne(t, one.n))}\n`;
  // Exit only once the line is out: a pipe takes 64 KB at a time, and exiting with a result of a
  // megabyte still queued cut it short.
  await new Promise<void>((resolve) => process.stdout.write(line, () => resolve()));
  process.exit(0);
}

for (const n of SIZES) {
  for (let rep = 1; rep <= REPEATS; rep++) {
    for (const t of TARGETS) {
      process.stderr.write(`running ${t.name} with ${n} participants (${rep}/${REPEATS})...\n`);
      try {
        const r = runIsolated(t, n);
        results.push(r);
        process.stderr.write(`${JSON.stringify({ ...r, raw: undefined })}\n`);
      } catch (e) {
        process.stderr.write(`${t.name} n=${n} failed: ${String(e)}\n`);
      }
    }
  }
  if (TARGETS.length === ALL_TARGETS.length) writeBenchSection('collab', report());
}

console.log(report());
process.exit(0);
