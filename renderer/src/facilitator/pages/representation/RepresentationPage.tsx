import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useProgramme } from '../../app/programme-context.tsx';
import {
  formatGap,
  formatRate,
  formatRepresentationScore as score,
} from '../../../../../core/analysis/representation.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getRepresentation, type RepresentationData } from '../clouds/analysis-api.ts';
import '../clouds/clouds.css';
import { Bars, GapBars } from './Bars.tsx';
import { DemographicFieldsSettings } from './DemographicFieldsSettings.tsx';
import { ReferenceSettings } from './ReferenceSettings.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

const pct = (x: number) => `${x}%`;

/**
 * Who took part: each demographic field with its "prefer not to say" share, registered against
 * attended per session, and the comparison with a reference population (gaps and the
 * representation score). All figures come from core, as the exports' do.
 */
export function RepresentationPage() {
  const { programme } = useProgramme();
  const [data, setData] = useState<RepresentationData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      getRepresentation(programme.id).then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [programme.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title="Who took part" context={programme.title}>
        <p className="hint">
          Demographics and representation. See also <Link to="../analysis/clouds">word clouds</Link>
          .
        </p>
      </PageHeader>
      {error && (
        <p className="error" role="alert">
          Could not load the figures: {error}
        </p>
      )}
      {!data && !error && <p role="status">Loading&hellip;</p>}
      {data && (
        <div className="stack">
          <RepresentationSection data={data} />
          <section className="card stack" aria-labelledby="attendance-h">
            <h2 id="attendance-h">Registered and attended, by session</h2>
            <ScrollRegion label="Registered and attended by session">
              <table>
                <caption className="visually-hidden">Registered and attended by session</caption>
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col">Date</th>
                    <th scope="col">Registered</th>
                    <th scope="col">Attended</th>
                    <th scope="col">Came without registering</th>
                  </tr>
                </thead>
                <tbody>
                  {data.attendance.map((a) => (
                    <tr key={a.sessionId}>
                      <th scope="row">{a.title}</th>
                      <td>{a.date}</td>
                      <td>{a.registered}</td>
                      <td>{a.attended}</td>
                      <td>{a.walkIns}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <Bars
              title="Registered and attended"
              bars={data.attendance.flatMap((a) => [
                {
                  label: `${a.title}: registered`,
                  value: a.registered,
                  text: String(a.registered),
                  muted: true,
                },
                { label: `${a.title}: attended`, value: a.attended, text: String(a.attended) },
              ])}
            />
          </section>
          <section className="stack" aria-labelledby="fields-h">
            <h2 id="fields-h">
              Demographics of {data.demographics.basis} (n = {data.demographics.n})
            </h2>
            <div className="field-charts">
              {data.demographics.fields.map((f) => (
                <figure key={f.field} className="card stack">
                  <figcaption>
                    <strong>{f.label}</strong>{' '}
                    <span className="hint">
                      · prefer not to say: {pct(f.preferNotToSayPercent)}
                    </span>
                  </figcaption>
                  <Bars
                    title={f.label}
                    max={100}
                    bars={f.rows.map((r) => ({
                      label: r.label,
                      value: r.percent,
                      text: `${r.count} (${r.percent}%)`,
                      muted: r.value === 'prefer-not-to-say' || r.value === 'not-recorded',
                    }))}
                  />
                  <table className="compact">
                    <caption className="visually-hidden">{f.label}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Answer</th>
                        <th scope="col">People</th>
                        <th scope="col">Share</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.rows.map((r) => (
                        <tr key={r.value}>
                          <th scope="row">{r.label}</th>
                          <td>{r.count}</td>
                          <td>{pct(r.percent)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </figure>
              ))}
            </div>
          </section>
          <DemographicFieldsSettings programmeId={programme.id} onSaved={() => void load()} />
          <ReferenceSettings programmeId={programme.id} onSaved={() => void load()} />
        </div>
      )}
    </>
  );
}

function RepresentationSection({ data }: { data: RepresentationData }) {
  const rep = data.representation;
  return (
    <section className="card stack" aria-labelledby="rep-h">
      <h2 id="rep-h">Compared with {rep.reference.name}</h2>
      <p className="hint">
        Source: {rep.reference.source}.{' '}
        {rep.local ? 'Your own reference population.' : 'The default reference.'}
      </p>
      {rep.notes.length > 0 && (
        <ul className="hint" data-testid="representation-notes">
          {rep.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="rep-score" data-testid="representation-score">
        Representation score: <strong>{score(rep.score)}</strong>
        <span className="hint">
          {' '}
          (the lowest participation rate divided by the highest; 1 means every group took part in
          proportion to its size)
        </span>
      </p>
      {rep.dimensions.map((d) => (
        <div key={d.fieldId} className="stack">
          <h3>
            {d.label}: score {score(d.score)}
          </h3>
          <p className="hint">
            {d.compared} compared; {d.notCompared} not compared (no answer, prefer not to say, or an
            answer outside these groups).
          </p>
          <ScrollRegion label={`${d.label} against the reference`}>
            <table data-testid={`gaps-${d.fieldId}`}>
              <caption className="visually-hidden">{d.label} against the reference</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Took part</th>
                  <th scope="col">Share</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Gap (points)</th>
                  <th scope="col">Participation rate</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.id} className={r.gap < 0 ? 'gap-under' : undefined}>
                    <th scope="row">{r.label}</th>
                    <td>{r.count}</td>
                    <td>{pct(r.percent)}</td>
                    <td>{pct(r.referencePercent)}</td>
                    <td>
                      {formatGap(r.gap)}
                      {r.gap < 0 && <span className="visually-hidden"> (under-represented)</span>}
                    </td>
                    <td>{formatRate(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {d.compared > 0 && <GapBars bars={d.rows.map((r) => ({ label: r.label, gap: r.gap }))} />}
        </div>
      ))}
    </section>
  );
}
