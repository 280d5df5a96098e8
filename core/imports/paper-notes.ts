import type { AgendaStep, Note, Polarity, Theme } from '../model/index.ts';
import { NOTE_MAX_CHARS, THEME_PALETTE, newId } from '../model/index.ts';
import { checkMapping, headingKey, type ColumnMapping } from './columns.ts';
import { ProblemList, type ImportProblem } from './problems.ts';
import { stableId } from './stable-id.ts';
import { cellName, type Table } from './table.ts';

export const PAPER_NOTE_FIELDS = ['text', 'polarity', 'themes', 'step', 'who', 'kind'] as const;
export type PaperNoteField = (typeof PAPER_NOTE_FIELDS)[number];

export const PAPER_NOTE_FIELD_LABELS: Record<PaperNoteField, string> = {
  text: 'Note text',
  polarity: 'Want / do not want',
  themes: 'Themes',
  step: 'Agenda step',
  who: 'Who said it (descriptor)',
  kind: 'Kind (comment, story, suggestion)',
};

const HEADINGS: Record<PaperNoteField, string[]> = {
  text: ['text', 'note', 'notes', 'comment', 'what was said', 'words', 'sticky note', 'quote'],
  polarity: ['polarity', 'want', 'want or do not want', 'want do not want', 'type of comment'],
  themes: ['theme', 'themes', 'code', 'codes', 'tag', 'tags'],
  step: ['step', 'agenda step', 'activity', 'question', 'section'],
  who: ['who', 'who said it', 'speaker', 'participant', 'descriptor', 'said by'],
  kind: ['kind', 'note kind'],
};

export function guessPaperNoteColumns(headers: readonly string[]): ColumnMapping<PaperNoteField> {
  return headers.map((h) => {
    const k = headingKey(h);
    for (const [field, names] of Object.entries(HEADINGS))
      if (names.includes(k)) return field as PaperNoteField;
    return null;
  });
}

const POLARITY_WORDS: Record<string, Polarity> = {
  want: 'want',
  'want to see': 'want',
  '+': 'want',
  positive: 'want',
  yes: 'want',
  'do not want': 'do-not-want',
  'dont want': 'do-not-want',
  'don t want': 'do-not-want',
  'do not want to see': 'do-not-want',
  'not want': 'do-not-want',
  '-': 'do-not-want',
  negative: 'do-not-want',
  no: 'do-not-want',
  neutral: 'neutral',
  other: 'neutral',
  '': 'neutral',
};

export interface PaperNotesContext {
  sessionId: string;
  sessionStart: string;
  agenda: readonly AgendaStep[];
  codebook: readonly Theme[];
  participants: readonly { id: string; descriptor: string }[];
}

export interface PaperNotesPlan {
  notes: Note[];
  newThemes: Theme[];
  newParticipants: { id: string; descriptor: string }[];
  warnings: ImportProblem[];
}

/**
 * Notes typed up from flip charts and sticky notes. Themes are matched to the codebook by name
 * (any case) or created; steps by title or by number in the agenda; "who" by descriptor
 * (created when new), or "facilitator". A note longer than a note may be, an unknown polarity or
 * step is a problem naming its cell. Ids come from the session and the row's content, so the
 * same file imported twice writes the same notes.
 */
export function planPaperNotes(
  table: Table,
  mapping: ColumnMapping<PaperNoteField>,
  ctx: PaperNotesContext,
  makeId: (prefix: string) => string = newId,
): PaperNotesPlan {
  const problems = new ProblemList();
  const mapped = checkMapping(
    table.headers,
    mapping,
    PAPER_NOTE_FIELD_LABELS,
    (m) => (m.has('text') ? null : 'map one column to Note text'),
    problems,
  );
  problems.throwIfAny('The columns of the notes need deciding.');
  const col = (f: PaperNoteField) => mapping.indexOf(f);
  const themesByName = new Map(ctx.codebook.map((t) => [t.name.toLowerCase(), t.id]));
  const newThemes: Theme[] = [];
  let order = ctx.codebook.reduce((n, t) => Math.max(n, t.order + 1), 0);
  const byDescriptor = new Map(ctx.participants.map((p) => [p.descriptor.toLowerCase(), p.id]));
  const newParticipants: { id: string; descriptor: string }[] = [];
  const start = Date.parse(ctx.sessionStart);
  const seen = new Map<string, number>();
  const notes: Note[] = [];
  for (const { row, cells } of table.rows) {
    const get = (f: PaperNoteField) => (mapped.has(f) ? (cells[col(f)] ?? '') : '');
    const text = get('text');
    if (text === '') {
      problems.add(cellName(col('text'), row), 'the note has no text');
      continue;
    }
    if (text.length > NOTE_MAX_CHARS) {
      problems.add(
        cellName(col('text'), row),
        `the note has ${text.length} characters; a note may hold at most ${NOTE_MAX_CHARS}`,
      );
      continue;
    }
    const polarity =
      POLARITY_WORDS[get('polarity').toLowerCase()] ?? POLARITY_WORDS[headingKey(get('polarity'))];
    if (!polarity) {
      problems.add(
        cellName(col('polarity'), row),
        `"${get('polarity')}" is not want, do not want or neutral`,
      );
      continue;
    }
    const kindText = headingKey(get('kind'));
    const kind =
      kindText === ''
        ? 'comment'
        : (['comment', 'story', 'suggestion'] as const).find((k) => k === kindText);
    if (!kind) {
      problems.add(
        cellName(col('kind'), row),
        `"${get('kind')}" is not comment, story or suggestion`,
      );
      continue;
    }
    let stepId: string | null = null;
    const stepText = get('step');
    if (stepText !== '') {
      const byNumber = /^\d+$/.test(stepText) ? ctx.agenda[Number(stepText) - 1] : undefined;
      const step =
        byNumber ?? ctx.agenda.find((s) => s.title.toLowerCase() === stepText.toLowerCase());
      if (!step) {
        problems.add(cellName(col('step'), row), `this session has no agenda step "${stepText}"`);
        continue;
      }
      stepId = step.id;
    }
    const themeIds: string[] = [];
    for (const name of get('themes')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (name.length > 120) {
        problems.add(cellName(col('themes'), row), 'a theme name of over 120 characters');
        continue;
      }
      let id = themesByName.get(name.toLowerCase());
      if (!id) {
        id = makeId('th');
        newThemes.push({
          id,
          name,
          description: '',
          colour: THEME_PALETTE[order % THEME_PALETTE.length] as string,
          parentId: null,
          order: order++,
        });
        themesByName.set(name.toLowerCase(), id);
      }
      if (!themeIds.includes(id)) themeIds.push(id);
    }
    const who = get('who');
    let author: Note['author'] = {
      type: 'facilitator',
      facilitator: 'Typed up from paper',
      capturedFor: null,
    };
    if (who !== '' && headingKey(who) !== 'facilitator') {
      if (who.length > 100) {
        problems.add(cellName(col('who'), row), 'a descriptor of over 100 characters');
        continue;
      }
      let id = byDescriptor.get(who.toLowerCase());
      if (!id) {
        id = makeId('p');
        newParticipants.push({ id, descriptor: who });
        byDescriptor.set(who.toLowerCase(), id);
      }
      author = { ...author, capturedFor: id };
    } else if (who !== '')
      author = { type: 'facilitator', facilitator: 'Facilitator', capturedFor: null };
    const key = [ctx.sessionId, text, stepText, who, polarity].join('|');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    notes.push({
      id: stableId('w', [key, String(occurrence)]),
      text,
      kind,
      stepId,
      author,
      // Rows keep their order: a second apart from the session's start.
      createdAt: new Date((Number.isNaN(start) ? 0 : start) + notes.length * 1000).toISOString(),
      polarity,
      themeIds,
      quotable: false,
      hidden: false,
      shared: false,
      withdrawn: false,
    });
  }
  problems.throwIfAny('The notes have problems.');
  const warnings = table.formulas.map((where) => ({
    where,
    message: 'holds a formula; its text is imported, not its result',
  }));
  return { notes, newThemes, newParticipants, warnings };
}
