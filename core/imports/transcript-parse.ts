import { ImportError, ProblemList } from './problems.ts';

/** One stretch of speech by one speaker, as a transcript gives it. */
export interface Turn {
  /** Who spoke, as the transcript names them; used only to map speakers, never stored. */
  speaker: string;
  /** Milliseconds from the start of the recording, or null when the transcript has no times. */
  startMs: number | null;
  text: string;
  /** Where it starts in the file, for messages. */
  line: number;
}

export type TranscriptFormat = 'vtt' | 'teams-docx' | 'plain';

/** "00:01:02.345", "01:02.345", "1:02:03" or "0:03" (Teams .docx) to milliseconds; NaN if not a time. */
export function parseTime(s: string): number {
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(s.trim());
  if (!m) return NaN;
  const [, h, min, sec, frac] = m;
  if (Number(sec) > 59 || (h !== undefined && Number(min) > 59)) return NaN;
  return (
    ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(sec)) * 1000 +
    Number((frac ?? '0').padEnd(3, '0'))
  );
}

const TIMING = /^(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;
/** `<v Name>` voice spans (Teams, Meet) and "Name: words" payloads (Zoom). */
const VOICE = /^<v(?:\.[^\s>]*)?\s+([^>]+)>([\s\S]*?)(?:<\/v>)?$/;
const NAMED = /^([^:<>]{1,80}):\s+(.+)$/;

/**
 * Reads WebVTT as Teams, Zoom and Meet write it. Consecutive cues by the same speaker are one
 * turn (Teams splits a sentence over several cues). A cue without a timing line, or with a
 * timing that is not a time, is refused with its line number.
 */
export function parseVtt(text: string): Turn[] {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test((lines[0] ?? '').replace(/^\uFEFF/, '').trimEnd()))
    throw new ImportError('This is not a WebVTT file: its first line should be "WEBVTT".', [
      { where: 'line 1', message: `reads "${(lines[0] ?? '').slice(0, 60)}"` },
    ]);
  const problems = new ProblemList();
  const turns: Turn[] = [];
  let i = 1;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] as string).trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '') block.push(lines[i++] as string);
    const first = block[0] as string;
    if (/^(NOTE|STYLE|REGION)\b/.test(first)) continue;
    // An optional cue identifier comes before the timing line.
    const timingAt = TIMING.test(first) ? 0 : TIMING.test(block[1] ?? '') ? 1 : -1;
    if (timingAt < 0) {
      problems.add(
        `line ${blockStart + 1}`,
        `a cue needs a timing line such as "00:00:01.000 --> 00:00:04.000"; found "${first.slice(0, 60)}"`,
      );
      continue;
    }
    const lineNo = blockStart + timingAt + 1;
    const m = TIMING.exec(block[timingAt] as string) as RegExpExecArray;
    const start = parseTime(m[1] as string);
    const end = parseTime(m[2] as string);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
      problems.add(
        `line ${lineNo}`,
        `"${(block[timingAt] as string).slice(0, 60)}" is not a cue timing`,
      );
      continue;
    }
    const payload = block
      .slice(timingAt + 1)
      .join('\n')
      .trim();
    if (payload === '') continue;
    let speaker = '';
    let words = payload;
    const voice = VOICE.exec(payload);
    const named = voice ? null : NAMED.exec(payload);
    if (voice) [speaker, words] = [(voice[1] as string).trim(), voice[2] as string];
    else if (named) [speaker, words] = [(named[1] as string).trim(), named[2] as string];
    words = stripTags(words);
    if (words === '') continue;
    addTurn(turns, {
      speaker: speaker || 'Unknown speaker',
      startMs: start,
      text: words,
      line: lineNo,
    });
  }
  problems.throwIfAny('The transcript has cues that cannot be read.');
  return checkTurns(turns);
}

/**
 * Reads plain text of "Speaker: words" lines, optionally starting with a time ("00:01:02
 * Speaker: words" or "[01:02] Speaker: words"). A line without a speaker continues the turn
 * before it; a first line without one is refused.
 */
export function parsePlainTranscript(text: string): Turn[] {
  const problems = new ProblemList();
  const turns: Turn[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const timed = /^\[?(\d{1,3}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)\]?\s+(.*)$/.exec(line);
    const rest = timed ? (timed[2] as string) : line;
    const startMs = timed ? parseTime(timed[1] as string) : null;
    const named = NAMED.exec(rest);
    if (named) {
      addTurn(
        turns,
        {
          speaker: (named[1] as string).trim(),
          startMs,
          text: (named[2] as string).trim(),
          line: i + 1,
        },
        false,
      );
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1] as Turn;
      last.text = `${last.text}\n${rest}`;
    } else {
      problems.add(
        `line ${i + 1}`,
        'expected "Speaker: words" (who is speaking, a colon, then what they said)',
      );
    }
  });
  problems.throwIfAny('The transcript cannot be read as "Speaker: words" lines.');
  return checkTurns(turns);
}

/**
 * Reads the text of the .docx transcript Teams saves (as mammoth extracts it, one paragraph a
 * line). Two layouts are in use: "Name   0:03" followed by the words, and older files with a
 * "0:0:0.0 --> 0:0:3.5" line, then the name, then the words.
 */
export function parseTeamsDocxText(text: string): Turn[] {
  const lines = text.split('\n').map((l) => l.trim());
  const turns: Turn[] = [];
  let current: Turn | null = null;
  const flush = () => {
    if (current && current.text.trim() !== '')
      addTurn(turns, { ...current, text: current.text.trim() });
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heading =
      /^(.{1,80}?)\s{2,}(\d{1,2}:\d{2}(?::\d{2})?)$/.exec(line) ??
      /^(.{1,80}?)\s+(\d{1,2}:\d{2}:\d{2})$/.exec(line);
    const timing = TIMING.exec(line);
    if (heading && !Number.isNaN(parseTime(heading[2] as string))) {
      flush();
      current = {
        speaker: (heading[1] as string).trim(),
        startMs: parseTime(heading[2] as string),
        text: '',
        line: i + 1,
      };
    } else if (timing && !Number.isNaN(parseTime(timing[1] as string)) && i + 1 < lines.length) {
      flush();
      current = {
        speaker: lines[i + 1] as string,
        startMs: parseTime(timing[1] as string),
        text: '',
        line: i + 1,
      };
      i++;
    } else if (current) {
      (current as Turn).text += `${(current as Turn).text ? '\n' : ''}${line}`;
    } else if (
      /transcript|started transcription|^\w+ \d{1,2}, \d{4}/i.test(line) ||
      turns.length === 0
    ) {
      // The title, date and "started transcription" lines Teams puts above the first turn.
      continue;
    }
  }
  flush();
  if (turns.length === 0)
    throw new ImportError(
      'No turns found in this Word file: a Teams transcript has a line with the speaker and a time (such as "Speaker name   0:03") before each turn.',
    );
  return checkTurns(turns);
}

/** Guesses the format from the file name and its first line. */
export function transcriptFormatOf(fileName: string, firstText: string): TranscriptFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) return 'teams-docx';
  if (lower.endsWith('.vtt') || /^\uFEFF?WEBVTT/.test(firstText)) return 'vtt';
  return 'plain';
}

function stripTags(s: string): string {
  return s
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function addTurn(turns: Turn[], t: Turn, merge = true): void {
  const last = turns[turns.length - 1];
  if (merge && last && last.speaker === t.speaker) last.text = `${last.text} ${t.text}`;
  else turns.push(t);
}

/** Turns are at most this many; a three-hour group is about 2,000. */
export const MAX_TURNS = 20_000;

function checkTurns(turns: Turn[]): Turn[] {
  if (turns.length === 0) throw new ImportError('The transcript holds no speech.');
  if (turns.length > MAX_TURNS)
    throw new ImportError(
      `The transcript has ${turns.length} turns; at most ${MAX_TURNS} are imported.`,
    );
  return turns;
}

/** The speakers in order of first appearance, with how many turns each has. */
export function speakersOf(turns: readonly Turn[]): { speaker: string; turns: number }[] {
  const counts = new Map<string, number>();
  for (const t of turns) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  return [...counts].map(([speaker, n]) => ({ speaker, turns: n }));
}
