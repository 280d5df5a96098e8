import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { unpackedPath } from '../../core/desktop/asar-path.ts';

/**
 * The one typeface of every image: Atkinson Hyperlegible, designed for readers with low
 * vision. It ships inside an npm package so cloud layout (measured with it) and PNG rendering
 * (drawn with it) agree, and neither depends on the fonts of the machine.
 */
export const FONT_FAMILY = 'Atkinson Hyperlegible';

const dir = path.dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/atkinson-hyperlegible/package.json'),
);

// Native code reads these files, so in the packaged app they come from the unpacked copy.
export const FONT_FILES = {
  regular: unpackedPath(path.join(dir, '400Regular', 'AtkinsonHyperlegible_400Regular.ttf')),
  bold: unpackedPath(path.join(dir, '700Bold', 'AtkinsonHyperlegible_700Bold.ttf')),
} as const;

let registered = false;

/** Makes the typeface known to the canvas used for measuring; idempotent. */
export function registerCanvasFonts(): void {
  if (registered) return;
  for (const file of Object.values(FONT_FILES)) {
    if (!GlobalFonts.registerFromPath(file, FONT_FAMILY)) {
      throw new Error(`could not load the export font from ${file}`);
    }
  }
  registered = true;
}
