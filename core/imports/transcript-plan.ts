import type { AgendaStep, Note, Session } from '../model/index.ts';
import { NOTE_MAX_CHARS, newId } from '../model/index.ts';
import { ImportError, ProblemList } from './problems.ts';
import { stableId } from './stable-id.ts';
import { stepAt, type StepChange } from './step-timeline.ts';
import type { Turn } from './transcript-parse.ts';

/** Where a speaker's turns go: a participant (existing or new), the facilitator, or nowhere. */
export type SpeakerTarget =
  | { kind: 'participant'; participantId: string }
  | { kind: 'new'; descriptor: string }
  | { kind: 'facilitator' }
  | { kind: 'leave-out' };

export type StepChoice = { mode: 'timeline' } | { mode: 'step'; stepId: string | null };

export interface TranscriptOptions {
  /** By the speaker's name as the transcript gives it; held only while importing. */
  speakers: Record<string, SpeakerTarget>;
  step: StepChoice;
  /** When the recording started (ISO); turn times are offsets from it. */
  recordingStartedAt: string;
}

/** A new participant the import creates, referred to by descriptor only. */
export interface NewSpeaker {
  id: string;
  descriptor: string;
}

export interface TranscriptPlan {
  notes: Note[];
  newParticipants: NewSpeaker[];
  leftOut: number;
}

/** Longer than this, a turn is a story rather than a comment (about a minute of speech). */
export const STORY_MIN_CHARS = 600;
/** Who "captured" an imported turn: the transcript, never a person's name. */
export const TRANSCRIPT_CAPTURER = 'Transcript import';

/** The recording start a facilitator most likely means: the session's date and start time. */
export function defaultRecordingStart(session: Session): string {
  return new Date(`${session.date}T${session.startTime ?? '00:00'}:00`).toISOString();
}

/**
 * Turns into notes: each mapped speaker's turns become notes (a story when long) with the time
 * they were said and the step current then (or the chosen step), attributed only by participant
 * id or as the facilitator. The speakers' names go nowhere: not into notes, ids or the plan.
 * Facilitator turns are kept but hidden, since they are the questions rather than what the group
 * said; a facilitator can show any of them. Note ids come from the session, the time and the
 * words, so importing the same transcript again writes the same notes, not copies.
 */
export function planTranscript(
  turns: readonly Turn[],
  options: TranscriptOptions,
  context: {
    sessionId: string;
    agenda: readonly AgendaStep[];
    timeline: readonly StepChange[];
    participants: readonly { id: string; descriptor: string }[];
  },
  makeId: () => string = () => newId('p'),
): TranscriptPlan {
  const problems = new ProblemList();
  const start = Date.parse(options.recordingStartedAt);
  if (Number.isNaN(start)) problems.add('recording start', 'expected a date and time');
  const steps = new Set(context.agenda.map((s) => s.id));
  if (
    options.step.mode === 'step' &&
    options.step.stepId !== null &&
    !steps.has(options.step.stepId)
  )
    problems.add('step', 'this session has no such agenda step');
  if (options.step.mode === 'timeline') {
    if (context.timeline.length === 0)
      problems.add(
        'step',
        'this session was not run live in Cohear, so there is no record of its steps: choose a step',
      );
    if (turns.some((t) => t.startMs === null))
      problems.add(
        'step',
        'the transcript has no times, so turns cannot be placed by time: choose a step',
      );
  }
  const byDescriptor = new Map(context.participants.map((p) => [p.descriptor.toLowerCase(), p.id]));
  const known = new Set(context.participants.map((p) => p.id));
  const newParticipants: NewSpeaker[] = [];
  const authorOf = new Map<string, Note['author'] | null>();
  let unmapped = 0;
  for (const speaker of new Set(turns.map((t) => t.speaker))) {
    const target = options.speakers[speaker];
    if (!target) {
      unmapped++;
      continue;
    }
    if (target.kind === 'leave-out') authorOf.set(speaker, null);
    else if (target.kind === 'facilitator')
      authorOf.set(speaker, { type: 'facilitator', facilitator: 'Facilitator', capturedFor: null });
    else {
      let id: string | undefined;
      if (target.kind === 'participant') {
        if (!known.has(target.participantId)) {
          problems.add('speakers', `participant ${target.participantId} is not in this programme`);
          continue;
        }
        id = target.participantId;
      } else {
        const d = target.descriptor.trim();
        if (d === '' || d.length > 100) {
          problems.add('speakers', 'a new participant needs a descriptor of 1 to 100 characters');
          continue;
        }
        id = byDescriptor.get(d.toLowerCase());
        if (!id) {
          id = makeId();
          newParticipants.push({ id, descriptor: d });
          byDescriptor.set(d.toLowerCase(), id);
        }
      }
      authorOf.set(speaker, {
        type: 'facilitator',
        facilitator: TRANSCRIPT_CAPTURER,
        capturedFor: id,
      });
    }
  }
  if (unmapped > 0)
    problems.add(
      'speakers',
      `${unmapped} speaker${unmapped === 1 ? ' is' : 's are'} not mapped: map each to a participant, the facilitator, or leave them out`,
    );
  problems.throwIfAny('The transcript cannot be imported with these choices.');

  const notes: Note[] = [];
  let leftOut = 0;
  turns.forEach((turn, index) => {
    const author = authorOf.get(turn.speaker);
    if (!author) {
      leftOut++;
      return;
    }
    const createdAt = new Date(start + (turn.startMs ?? index * 1000)).toISOString();
    const stepId =
      options.step.mode === 'step' ? options.step.stepId : stepAt(context.timeline, createdAt);
    const chunks = splitText(turn.text, NOTE_MAX_CHARS);
    chunks.forEach((text, chunk) => {
      notes.push({
        id: stableId('t', [context.sessionId, String(turn.startMs ?? index), String(chunk), text]),
        text,
        kind: turn.text.length >= STORY_MIN_CHARS ? 'story' : 'comment',
        stepId,
        author,
        // Chunks of one long turn keep their order by a millisecond each.
        createdAt: chunk === 0 ? createdAt : new Date(Date.parse(createdAt) + chunk).toISOString(),
        polarity: 'neutral',
        themeIds: [],
        quotable: false,
        hidden: author.type === 'facilitator' && author.capturedFor === null,
        shared: false,
        withdrawn: false,
      });
    });
  });
  if (notes.length === 0)
    throw new ImportError('Every speaker is left out, so there is nothing to import.');
  return { notes, newParticipants, leftOut };
}

/** Splits a long turn at sentence ends (else at spaces) into pieces a note can hold. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(
      window.lastIndexOf('. '),
      window.lastIndexOf('? '),
      window.lastIndexOf('! '),
    );
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max - 1;
    out.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest !== '') out.push(rest);
  return out;
}
