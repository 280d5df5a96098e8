import { describe, expect, it } from 'vitest';
import type { ParticipantWrite, WriteResponse } from './messages.ts';
import { MemoryOutboxStorage, Outbox, keyValueOutboxStorage } from './outbox.ts';
import { NetworkError, writes } from './participant-api.ts';

describe('outbox', () => {
  it('keeps writes until answered, retries network failures and settles each once, in order', async () => {
    const serverSeen = new Map<string, number>();
    let online = false;
    const send = async (w: ParticipantWrite): Promise<WriteResponse> => {
      if (!online) throw new NetworkError('offline');
      serverSeen.set(w.writeId, (serverSeen.get(w.writeId) ?? 0) + 1);
      return { ok: true, writeId: w.writeId, replayed: (serverSeen.get(w.writeId) ?? 0) > 1 };
    };
    const timers: (() => void)[] = [];
    const storage = new MemoryOutboxStorage();
    const settled: string[] = [];
    const o = new Outbox({
      storage,
      send,
      setTimer: (fn) => timers.push(fn),
      onSettled: (w) => settled.push(w.writeId),
    });
    const a = writes.addNote('one');
    const b = writes.addNote('two');
    void o.submit(a);
    void o.submit(b);
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.load()).toHaveLength(2);
    // A reload of the page finds the same queue.
    expect(new Outbox({ storage, send, setTimer: () => {} }).pending.map((w) => w.writeId)).toEqual(
      [a.writeId, b.writeId],
    );
    online = true;
    timers.shift()?.();
    await o.drained();
    expect(settled).toEqual([a.writeId, b.writeId]);
    expect(storage.load()).toEqual([]);
  });

  it('drops unreadable stored entries instead of failing to start', () => {
    const kv = new Map<string, string>([
      ['k', JSON.stringify([{ junk: true }, writes.addNote('ok')])],
    ]);
    const s = keyValueOutboxStorage(
      { getItem: (k) => kv.get(k) ?? null, setItem: (k, v) => kv.set(k, v) },
      'k',
    );
    expect(s.load()).toHaveLength(1);
  });
});
