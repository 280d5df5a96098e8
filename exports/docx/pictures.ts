import type { CloudScope } from '../../core/analysis/index.ts';
import { type RenderedChart, chartPng } from '../charts/index.ts';
import { cloudPng, renderCloud } from '../cloud/index.ts';
import { type Block, caption, image, table } from './blocks.ts';

const TABLE_SENTENCE = ' The full list is in the table beside it.';

/** A word cloud placed in a document: picture with alt text, caption, and its word table. */
export function cloudBlocks(
  scope: CloudScope,
  figure: string,
  /** Where the cloud's word table is printed, or null when the document has none. */
  wordTable: 'below' | 'appendix' | null = 'below',
): { picture: Block[]; words: Block[] } {
  const withWordTable = wordTable !== null;
  if (scope.words.length === 0) {
    return { picture: [caption(`${figure}. ${scope.title}: no words to show.`)], words: [] };
  }
  const cloud = renderCloud(scope);
  const png = cloudPng(cloud, 1.5);
  return {
    picture: [
      image(
        png,
        { width: cloud.width, height: cloud.height },
        {
          title: scope.title,
          // The cloud's own description points to its table; without one that would mislead.
          description: withWordTable ? cloud.alt : cloud.alt.replace(TABLE_SENTENCE, ''),
        },
      ),
      caption(
        `${figure}. ${scope.title} (${scope.noteCount} ${scope.noteCount === 1 ? 'note' : 'notes'}).${wordTable === 'below' ? ' Every word and its count is in the word table below.' : wordTable === 'appendix' ? ' Every word and its count is in the word tables appendix.' : ''}`,
      ),
    ],
    words: [
      table(
        ['Word', 'Times said'],
        scope.words.map((w) => [w.text, w.count]),
        [0.7, 0.3],
      ),
    ],
  };
}

/** A chart placed in a document, with alt text and caption. */
export function chartBlocks(chart: RenderedChart, figure: string): Block[] {
  const width = Number(/width="(\d+)"/.exec(chart.svg)?.[1] ?? 760);
  const height = Number(/height="(\d+)"/.exec(chart.svg)?.[1] ?? 400);
  return [
    image(chartPng(chart, 1.5), { width, height }, { title: chart.title, description: chart.alt }),
    // A chart's table follows it: the two stay on one page.
    caption(`${figure}. ${chart.title}`, true),
  ];
}
