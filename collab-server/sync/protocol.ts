import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket wire protocol (as spoken by y-protocols and the stock WebsocketProvider):
 * each binary frame starts with a message type, and sync messages carry a sub-type. Encoded here
 * by hand rather than through `readSyncMessage`, because that helper applies sync step 2 and
 * updates straight into the document, and the server must decide first (read-only rooms,
 * durability, limits).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type IncomingMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/** Parses one frame; throws MalformedMessageError for anything that is not the protocol. */
export function readMessage(frame: Uint8Array): IncomingMessage {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SYNC_STEP_1) return { kind: 'sync-step-1', stateVector: payload };
        if (sub === SYNC_STEP_2) return { kind: 'sync-step-2', update: payload };
        if (sub === SYNC_UPDATE) return { kind: 'update', update: payload };
        throw new MalformedMessageError(`unknown sync message type ${sub}`);
      }
      case MESSAGE_AWARENESS:
        return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
      case MESSAGE_QUERY_AWARENESS:
        return { kind: 'query-awareness' };
      case MESSAGE_AUTH:
        return { kind: 'auth' };
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
  } catch (e) {
    if (e instanceof MalformedMessageError) throw e;
    throw new MalformedMessageError('truncated or garbled message');
  }
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP_1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP_2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

/** The auth message the stock client logs as "Permission denied" (sent before a 44xx close). */
export const encodePermissionDenied = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null means "gone". */
  state: Record<string, unknown> | null;
}

export function encodeAwarenessPayload(entries: readonly AwarenessEntry[]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const x of entries) {
      encoding.writeVarUint(e, x.clientId);
      encoding.writeVarUint(e, x.clock);
      encoding.writeVarString(e, JSON.stringify(x.state));
    }
  });
}

export const encodeAwareness = (entries: readonly AwarenessEntry[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, encodeAwarenessPayload(entries));
  });

/** Decodes an awareness payload; states that are not JSON objects come back as null. */
export function readAwarenessPayload(
  payload: Uint8Array,
  maxEntries: number,
  /**
   * Only this client's state is parsed (the others' JSON is read past, not parsed); null parses
   * the first entry's and every later entry of the same client. Undefined parses all.
   */
  onlyClient?: number | null,
): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(payload);
    const n = decoding.readVarUint(d);
    if (n > maxEntries) throw new MalformedMessageError(`too many awareness entries (${n})`);
    const out: AwarenessEntry[] = [];
    let wanted = onlyClient;
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      if (wanted === null) wanted = clientId;
      if (wanted !== undefined && clientId !== wanted) continue;
      let state: unknown = null;
      try {
        state = JSON.parse(json);
      } catch {
        throw new MalformedMessageError('awareness state is not JSON');
      }
      out.push({
        clientId,
        clock,
        state:
          state !== null && typeof state === 'object' && !Array.isArray(state)
            ? (state as Record<string, unknown>)
            : null,
      });
    }
    return out;
  } catch (e) {
    if (e instanceof MalformedMessageError) throw e;
    throw new MalformedMessageError('garbled awareness message');
  }
}
