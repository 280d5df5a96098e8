import { noteAttribution, type Note, type NoteAttribution } from '../model/index.ts';

/** Whose contributions a set of notes holds, counted the way reports name them. */
export interface Contributors {
  /** Different participants whose words are in the notes. */
  people: number;
  /** Notes the group arrived at together. */
  group: number;
  /** The facilitator's own observations. */
  facilitator: number;
  /** Captures that did not say whose words they were. */
  unattributed: number;
}

export function countContributors(notes: readonly Note[]): Contributors {
  const people = new Set<string>();
  const out: Contributors = { people: 0, group: 0, facilitator: 0, unattributed: 0 };
  for (const n of notes) {
    const a = noteAttribution(n);
    if (a.kind === 'participant') people.add(a.participantId);
    else out[a.kind]++;
  }
  out.people = people.size;
  return out;
}

/**
 * "from 3 people and the group", "from the group", "from 1 person and the facilitator": a
 * group's contribution is named as the group's, never counted as "from 0 people".
 * @example contributorsPhrase({ people: 0, group: 2, facilitator: 0, unattributed: 0 }) // "from the group"
 */
export function contributorsPhrase(c: Contributors): string {
  const parts: string[] = [];
  if (c.people > 0) parts.push(`${c.people} ${c.people === 1 ? 'person' : 'people'}`);
  if (c.group > 0) parts.push('the group');
  if (c.facilitator > 0) parts.push('the facilitator');
  if (parts.length === 0) return c.unattributed > 0 ? 'from people not recorded' : 'from no one';
  const last = parts.pop() as string;
  return `from ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}`;
}

/**
 * How one note is attributed on screen and in reports: the participant's descriptor ("a
 * parent"), "the group", "facilitator's observation", or "not recorded".
 */
export function attributionLabel(a: NoteAttribution, descriptor?: string | null): string {
  switch (a.kind) {
    case 'participant':
      return descriptor || 'a participant';
    case 'group':
      return 'the group';
    case 'facilitator':
      return "facilitator's observation";
    case 'unattributed':
      return 'not recorded';
  }
}
