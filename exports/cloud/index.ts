import type { CloudScope } from '../../core/analysis/index.ts';
import { svgToPng } from '../common/png.ts';
import { toCsv } from '../tables/csv.ts';
import { type CloudLayoutOptions, layoutCloud } from './layout.ts';
import { cloudDescription, cloudSvg } from './svg.ts';

export interface RenderedCloud {
  scope: CloudScope;
  svg: string;
  /** Alt text for the picture wherever it is placed. */
  alt: string;
  width: number;
  height: number;
}

/** Lays out and draws one cloud. */
export function renderCloud(scope: CloudScope, options: CloudLayoutOptions = {}): RenderedCloud {
  const layout = layoutCloud(scope.words, options);
  return {
    scope,
    svg: cloudSvg(layout, scope.title),
    alt: cloudDescription(layout, scope.title),
    width: layout.width,
    height: layout.height,
  };
}

/** The cloud's table alternative: every word with its count, as CSV. */
export function cloudWordsCsv(scope: CloudScope): string {
  return toCsv(
    ['Word', 'Count'],
    scope.words.map((w) => [w.text, w.count]),
  );
}

/**
 * PNG of a rendered cloud, by default at twice its size so it stays sharp in print. Reports
 * use 1.5: at the width of an A4 page that is still over 200 dpi, and a third less to encode.
 */
export function cloudPng(cloud: RenderedCloud, scale = 2): Buffer {
  return svgToPng(cloud.svg, { width: Math.round(cloud.width * scale) });
}
