import { describe, expect, it } from 'vitest';
import { unpackedPath } from './asar-path.ts';

describe('unpackedPath', () => {
  it('points a file inside the archive at its unpacked copy', () => {
    expect(
      unpackedPath('/opt/Cohear/resources/app.asar/node_modules/@expo-google-fonts/a/b.ttf'),
    ).toBe('/opt/Cohear/resources/app.asar.unpacked/node_modules/@expo-google-fonts/a/b.ttf');
    expect(
      unpackedPath('C:\\Program Files\\Cohear\\resources\\app.asar\\node_modules\\x.ttf'),
    ).toBe('C:\\Program Files\\Cohear\\resources\\app.asar.unpacked\\node_modules\\x.ttf');
  });

  it('leaves paths outside an archive, and already unpacked ones, alone', () => {
    expect(unpackedPath('/work/cohear/node_modules/x.ttf')).toBe('/work/cohear/node_modules/x.ttf');
    expect(unpackedPath('/r/app.asar.unpacked/x.ttf')).toBe('/r/app.asar.unpacked/x.ttf');
    expect(unpackedPath('/home/me/app.asar-notes/x.ttf')).toBe('/home/me/app.asar-notes/x.ttf');
  });
});
