import type { ParticipantWrite } from '../../core/client/messages.ts';
import { cardStage, type Note, type SessionDoc } from '../../core/index.ts';
import { WriteError } from './write-error.ts';

export interface WriteContext {
  participantId: string;
  /** Consent as it stands in the store. */
  consent: { storeWords: boolean; quoteAnonymously: boolean };
  now: string;
  /** The session has closed and this write came in its late-contributions period. */
  late: boolean;
}

type DocWrite = Extract<
  ParticipantWrite,
  { type: 'note.add' | 'note.edit' | 'note.withdraw' | 'card.vote' | 'card.comment' }
>;

export function isDocWrite(w: ParticipantWrite): w is DocWrite {
  return w.type !== 'consent.set' && w.type !== 'demographics.set';
}

/**
 * Applies one participant write to the session document, or throws a WriteError having changed
 * nothing. Security decision: every check (ownership, existence, consent) happens before the
 * first change, and the note's author is always taken from the token, never from the message.
 */
export function applyDocWrite(
  session: SessionDoc,
  w: DocWrite,
  ctx: WriteContext,
): string | undefined {
  switch (w.type) {
    case 'note.add': {
      if (!ctx.consent.storeWords)
        throw new WriteError(
          'consent-required',
          'Please agree that we may keep your words before adding a note.',
        );
      const existing = session.notes.get(w.note.id);
      if (existing) {
        if (ownerOf(existing) === ctx.participantId) return existing.id;
        throw new WriteError('id-taken', 'That note id is already used; make a new one.', {
          path: 'note.id',
        });
      }
      if (session.notes.has(w.note.id))
        throw new WriteError('id-taken', 'That note id is already used; make a new one.');
      const stepId = w.note.stepId === undefined ? session.currentStepId() : w.note.stepId;
      if (stepId !== null && !session.agenda().some((s) => s.id === stepId))
        throw new WriteError('invalid', 'There is no such step in this session.', {
          path: 'note.stepId',
        });
      const note: Note = {
        id: w.note.id,
        text: w.note.text,
        kind: w.note.kind ?? 'comment',
        stepId,
        author: { type: 'participant', participantId: ctx.participantId },
        createdAt: ctx.now,
        polarity: w.note.polarity ?? 'neutral',
        themeIds: [],
        quotable: ctx.consent.quoteAnonymously,
        hidden: false,
        shared: false,
        withdrawn: false,
        ...(ctx.late ? { late: true } : {}),
      };
      session.notes.put(note);
      return note.id;
    }
    case 'note.edit':
    case 'note.withdraw': {
      const note = session.notes.get(w.noteId);
      if (!note) throw new WriteError('not-found', 'There is no such note.');
      if (ownerOf(note) !== ctx.participantId)
        throw new WriteError('not-yours', 'You can only change your own notes.');
      if (w.type === 'note.withdraw') {
        if (!note.withdrawn) session.notes.patch(note.id, { withdrawn: true, shared: false });
        return note.id;
      }
      if (note.withdrawn)
        throw new WriteError('invalid', 'That note was withdrawn; add a new one instead.');
      if (note.text !== w.text) session.notes.patch(note.id, { text: w.text });
      return note.id;
    }
    case 'card.vote': {
      // A draft has not been put to the room: to a participant it does not exist yet.
      const card = session.cards.get(w.cardId);
      if (!card || cardStage(card) === 'draft')
        throw new WriteError('not-found', 'There is no such reflect-back card.');
      session.setVote(w.cardId, ctx.participantId, w.vote);
      return w.cardId;
    }
    case 'card.comment': {
      // A comment is words as much as a note is, and is kept on the same terms.
      if (!ctx.consent.storeWords)
        throw new WriteError(
          'consent-required',
          'Please agree that we may keep your words before adding a comment.',
        );
      const card = session.cards.get(w.cardId);
      if (!card || cardStage(card) === 'draft')
        throw new WriteError('not-found', 'There is no such reflect-back card.');
      const same = card.comments.find((c) => c.id === w.comment.id);
      if (same && same.participantId !== ctx.participantId)
        throw new WriteError('id-taken', 'That comment id is already used; make a new one.');
      if (!same && card.comments.length >= 1000)
        throw new WriteError('invalid', 'This card has as many comments as it can hold.');
      session.addCardComment(w.cardId, {
        id: w.comment.id,
        participantId: ctx.participantId,
        text: w.comment.text,
        at: ctx.now,
        ...(ctx.late ? { late: true } : {}),
      });
      return w.comment.id;
    }
  }
}

function ownerOf(note: Note): string | null {
  return note.author.type === 'participant' ? note.author.participantId : null;
}
