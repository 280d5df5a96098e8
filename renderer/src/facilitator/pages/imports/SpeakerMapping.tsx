import type { SpeakerTarget } from '../../../../../core/index.ts';
import type { PersonListing } from '../../facilitator-api.ts';

/** The choice of one speaker as a select value: "", "facilitator", "leave-out", "new", "p:<id>". */
export function targetValue(t: SpeakerTarget | undefined): string {
  if (!t) return '';
  if (t.kind === 'participant') return `p:${t.participantId}`;
  return t.kind;
}

/**
 * People grouped by cohort, in the order each cohort first appears: the cohort heads its group,
 * so each choice is only a descriptor and fits its select at 1024 px.
 */
function byCohort(people: readonly PersonListing[]): [string, PersonListing[]][] {
  const groups = new Map<string, PersonListing[]>();
  for (const p of people) groups.set(p.cohort, [...(groups.get(p.cohort) ?? []), p]);
  return [...groups];
}

/**
 * Who each speaker is: an existing participant (by descriptor), a new one (the facilitator
 * writes a descriptor such as "Parent/carer 4"), the facilitator, or left out. The names are the
 * transcript's own; they are shown here to decide, and never stored.
 */
export function SpeakerMapping(props: {
  speakers: { speaker: string; turns: number }[];
  people: PersonListing[];
  targets: Record<string, SpeakerTarget>;
  problems: string[];
  onChange: (speaker: string, target: SpeakerTarget | undefined) => void;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>Who each speaker is</caption>
        <thead>
          <tr>
            <th scope="col">Speaker in the transcript</th>
            <th scope="col">Turns</th>
            <th scope="col">Import as</th>
          </tr>
        </thead>
        <tbody>
          {props.speakers.map((s, i) => {
            const id = `speaker-${i}`;
            const t = props.targets[s.speaker];
            const missing = !t && props.problems.length > 0;
            return (
              <tr key={s.speaker}>
                <th scope="row">
                  <label htmlFor={id}>{s.speaker}</label>
                </th>
                <td>{s.turns}</td>
                <td className={missing ? 'field-error' : undefined}>
                  {missing && (
                    <p id={`${id}-error`} className="field-message">
                      <span className="visually-hidden">Error: </span>
                      Choose who this is, or leave them out
                    </p>
                  )}
                  <select
                    id={id}
                    value={targetValue(t)}
                    aria-invalid={missing ? true : undefined}
                    aria-describedby={missing ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const v = e.target.value;
                      props.onChange(
                        s.speaker,
                        v === ''
                          ? undefined
                          : v === 'facilitator'
                            ? { kind: 'facilitator' }
                            : v === 'leave-out'
                              ? { kind: 'leave-out' }
                              : v === 'new'
                                ? { kind: 'new', descriptor: '' }
                                : { kind: 'participant', participantId: v.slice(2) },
                      );
                    }}
                  >
                    <option value="">Choose…</option>
                    <option value="facilitator">The facilitator</option>
                    <option value="leave-out">Leave out</option>
                    <option value="new">A new participant…</option>
                    {byCohort(props.people).map(([cohort, people]) => (
                      <optgroup key={cohort} label={cohort || 'No cohort'}>
                        {people.map((p) => (
                          <option key={p.id} value={`p:${p.id}`}>
                            {p.descriptor}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  {t?.kind === 'new' && (
                    <div className="field">
                      <label htmlFor={`${id}-descriptor`}>
                        Descriptor<span className="visually-hidden"> for {s.speaker}</span>
                      </label>
                      <input
                        id={`${id}-descriptor`}
                        type="text"
                        maxLength={100}
                        placeholder="for example Parent/carer 4"
                        value={t.descriptor}
                        onChange={(e) =>
                          props.onChange(s.speaker, { kind: 'new', descriptor: e.target.value })
                        }
                      />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
