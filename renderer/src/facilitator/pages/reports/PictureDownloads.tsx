import { useEffect, useState } from 'react';
import { type PictureListing, listPictures, pictureUrl } from './reports-api.ts';

/** Every chart and word cloud of the programme, to download one by one as PNG or SVG. */
export function PictureDownloads(props: { programmeId: string }) {
  const [pictures, setPictures] = useState<PictureListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listPictures(props.programmeId).then(
      (r) => setPictures(r.pictures),
      (e: Error) => setError(e.message),
    );
  }, [props.programmeId]);
  const group = (kind: PictureListing['kind'], title: string) => {
    const list = (pictures ?? []).filter((p) => p.kind === kind);
    if (list.length === 0) return null;
    return (
      <>
        <h3>{title}</h3>
        <ul className="picture-downloads">
          {list.map((p) => (
            <li key={p.key}>
              <span>{p.title}</span>{' '}
              <a href={pictureUrl(props.programmeId, p.key, 'png')} download>
                PNG<span className="visually-hidden"> of {p.title}</span>
              </a>{' '}
              <a href={pictureUrl(props.programmeId, p.key, 'svg')} download>
                SVG<span className="visually-hidden"> of {p.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <section className="card" aria-labelledby="pictures-title">
      <h2 id="pictures-title">Charts and word clouds</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {pictures === null && !error && <p role="status">Listing the pictures&hellip;</p>}
      {pictures?.length === 0 && <p className="hint">No charts or clouds yet.</p>}
      {group('chart', 'Charts')}
      {group('cloud', 'Word clouds')}
    </section>
  );
}
