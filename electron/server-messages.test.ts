import { describe, expect, it } from 'vitest';
import { parseFromServer, parseToServer } from './server-messages.ts';

const secret = 'a'.repeat(43);

describe('messages to the server process', () => {
  it('accepts a start and a stop', () => {
    const start = { type: 'start', dataDir: '/data', host: '0.0.0.0', port: 0 };
    expect(parseToServer(start)).toEqual(start);
    expect(parseToServer({ ...start, staticDir: '/app/renderer/dist' })).toEqual({
      ...start,
      staticDir: '/app/renderer/dist',
    });
    expect(parseToServer({ type: 'stop' })).toEqual({ type: 'stop' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'stop',
      { type: 'stop', now: true },
      { type: 'start', dataDir: '', host: '0.0.0.0', port: 0 },
      { type: 'start', dataDir: '/d', host: '0.0.0.0', port: 70000 },
      { type: 'start', dataDir: '/d', host: '0.0.0.0', port: 1.5 },
      { type: 'start', dataDir: '/d', host: '0.0.0.0' },
      { type: 'eval', code: 'process.exit()' },
    ])
      expect(parseToServer(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('messages from the server process', () => {
  it('accepts ready, failed and stopped', () => {
    const ready = { type: 'ready', url: 'http://0.0.0.0:5123', port: 5123, desktopSecret: secret };
    expect(parseFromServer(ready)).toEqual(ready);
    expect(parseFromServer({ type: 'failed', message: 'disk full' })).toEqual({
      type: 'failed',
      message: 'disk full',
    });
    expect(parseFromServer({ type: 'stopped' })).toEqual({ type: 'stopped' });
  });

  it('refuses a ready without a usable port, address or secret', () => {
    const ready = { type: 'ready', url: 'http://0.0.0.0:5123', port: 5123, desktopSecret: secret };
    expect(parseFromServer({ ...ready, port: 0 })).toBeNull();
    expect(parseFromServer({ ...ready, url: 'not a url' })).toBeNull();
    expect(parseFromServer({ ...ready, desktopSecret: 'short' })).toBeNull();
    expect(parseFromServer({ ...ready, desktopSecret: null })).toBeNull();
    expect(parseFromServer({ type: 'ready' })).toBeNull();
    expect(parseFromServer({ type: 'log', line: 'x' })).toBeNull();
  });
});
