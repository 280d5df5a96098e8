import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';

/**
 * Renders an SVG to PNG with the export typeface only (system fonts are not loaded), so the
 * picture is the same on every machine.
 */
export function svgToPng(svg: string, options: { width?: number } = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
