import { DOWNLOAD_CATALOGUE } from '../../../core/index.ts';

/**
 * Report and table downloads for one programme. Each is built on the server from what is saved
 * now, with personal details redacted.
 */
export function Downloads(props: { programmeId: string; title?: string }) {
  return (
    <section
      className="card"
      aria-label={props.title ? `Downloads for ${props.title}` : 'Reports and exports'}
    >
      <h2>{props.title ?? 'Reports and exports'}</h2>
      <ul>
        {DOWNLOAD_CATALOGUE.map((d) => (
          <li key={d.name}>
            <a
              href={`/api/programmes/${encodeURIComponent(props.programmeId)}/exports/${d.name}`}
              download
            >
              {d.label}
            </a>
          </li>
        ))}
      </ul>
      <p className="hint">
        Names and contact details are never included; quotes come only from people who agreed to be
        quoted.
      </p>
    </section>
  );
}
