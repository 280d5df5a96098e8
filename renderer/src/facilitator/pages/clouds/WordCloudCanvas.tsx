import { useEffect, useRef, useState } from 'react';
import WordCloud from 'wordcloud';
import { CLOUD_COLOURS, CLOUD_OPTIONS, cloudList } from './cloud-layout.ts';

/**
 * The cloud drawn by wordcloud2 on a canvas. The canvas is hidden from assistive technology: the
 * table beside it holds the same words, and is how keyboard and screen-reader users pick one.
 */
export function WordCloudCanvas(props: {
  words: readonly { text: string; weight: number }[];
  onPick: (word: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const pick = useRef(props.onPick);
  pick.current = props.onPick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, []);

  const height = Math.max(240, Math.round(width * 0.55));
  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = width * ratio;
    c.height = height * ratio;
    c.dataset.drawn = 'false';
    const done = () => {
      c.dataset.drawn = 'true';
    };
    c.addEventListener('wordcloudstop', done);
    const list = cloudList(props.words, width).map(
      ([text, size]) => [text, size * ratio] as [string, number],
    );
    WordCloud(c, {
      ...CLOUD_OPTIONS,
      list,
      color: (_word: string, _weight: string | number, _size: number, _d: number, _t: number) =>
        CLOUD_COLOURS[list.findIndex((l) => l[0] === _word) % CLOUD_COLOURS.length] ?? '#333333',
      click: (item) => pick.current(String(item[0])),
      classes: undefined,
    });
    return () => {
      c.removeEventListener('wordcloudstop', done);
      WordCloud.stop();
    };
  }, [props.words, width, height]);

  return (
    <div ref={box} className="cloud-box">
      <canvas
        ref={canvas}
        aria-hidden="true"
        data-testid="word-cloud"
        style={{ width: '100%', height: `${height}px`, cursor: 'pointer' }}
      />
    </div>
  );
}
