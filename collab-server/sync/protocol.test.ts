import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitisePresence } from './presence.ts';
import {
  MalformedMessageError,
  encodeAwareness,
  encodeSyncStep1,
  encodeUpdate,
  readAwarenessPayload,
  readMessage,
} from './protocol.ts';

describe('protocol', () => {
  it('round-trips the messages the stock client sends', () => {
    expect(readMessage(encodeSyncStep1(new Uint8Array([0])))).toEqual({
      kind: 'sync-step-1',
      stateVector: new Uint8Array([0]),
    });
    expect(readMessage(encodeUpdate(new Uint8Array([1, 2])))).toMatchObject({ kind: 'update' });
    const frame = encodeAwareness([{ clientId: 7, clock: 3, state: { name: 'A' } }]);
    const msg = readMessage(frame);
    expect(msg.kind).toBe('awareness');
    if (msg.kind === 'awareness')
      expect(readAwarenessPayload(msg.update, 4)).toEqual([
        { clientId: 7, clock: 3, state: { name: 'A' } },
      ]);
  });

  it('any bytes either parse or raise MalformedMessageError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const m = readMessage(bytes);
          if (m.kind === 'awareness') readAwarenessPayload(m.update, 64);
        } catch (e) {
          expect(e).toBeInstanceOf(MalformedMessageError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('presence says who from the token, and keeps only colour and typing of what is sent', () => {
    const who = { participantId: 'p_real', descriptor: 'A parent' };
    expect(
      sanitisePresence(
        {
          name: '  Sam\u0000\u202e  ',
          colour: '#aabbcc',
          typing: true,
          participantId: 'p_1',
          descriptor: 'Someone else',
          html: '<img>',
        },
        who,
      ),
    ).toEqual({
      role: 'participant',
      participantId: 'p_real',
      descriptor: 'A parent',
      colour: '#aabbcc',
      typing: true,
    });
    expect(sanitisePresence({ user: { name: 'x'.repeat(500) }, colour: 'red' }, null)).toEqual({
      role: 'participant',
    });
  });
});
