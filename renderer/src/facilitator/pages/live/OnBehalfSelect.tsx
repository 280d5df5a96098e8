import type { CaptureOnBehalf } from '../../../../../core/index.ts';
import type { PersonListing } from '../../facilitator-api.ts';
import type { PresentPerson } from './use-presence.ts';

/** One select value per choice: "group", "facilitator" or "p:<participant id>". */
export function onBehalfValue(on: CaptureOnBehalf): string {
  return on.type === 'participant' ? `p:${on.participantId}` : on.type;
}

export function onBehalfFromValue(value: string): CaptureOnBehalf {
  if (value.startsWith('p:')) return { type: 'participant', participantId: value.slice(2) };
  return value === 'facilitator' ? { type: 'facilitator' } : { type: 'group' };
}

/**
 * Whose words these are: the group, the facilitator's own observation, or a registered
 * participant by descriptor (those connected now first).
 */
export function OnBehalfSelect(props: {
  id: string;
  value: CaptureOnBehalf;
  onChange: (on: CaptureOnBehalf) => void;
  present: PresentPerson[];
  registered: PersonListing[];
}) {
  const presentIds = new Set(props.present.map((p) => p.participantId));
  const others = props.registered.filter((p) => !presentIds.has(p.id));
  return (
    <select
      id={props.id}
      value={onBehalfValue(props.value)}
      onChange={(e) => props.onChange(onBehalfFromValue(e.target.value))}
    >
      <option value="group">The group</option>
      <option value="facilitator">My own observation</option>
      {props.present.length > 0 && (
        <optgroup label="Connected now">
          {props.present.map((p) => (
            <option key={p.participantId} value={`p:${p.participantId}`}>
              {p.descriptor}
            </option>
          ))}
        </optgroup>
      )}
      {others.length > 0 && (
        <optgroup label="Registered">
          {others.map((p) => (
            <option key={p.id} value={`p:${p.id}`}>
              {p.descriptor}
              {p.cohort ? ` (${p.cohort})` : ''}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
