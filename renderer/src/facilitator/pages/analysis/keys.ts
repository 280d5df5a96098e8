/**
 * The board's keys: one table binds them and the help dialog (`?`) lists them, so the help can
 * never describe a key that does something else.
 */
export type BoardCommand =
  | { kind: 'theme-number'; index: number }
  | { kind: 'tag-by-name' }
  | { kind: 'polarity'; polarity: 'want' | 'do-not-want' | 'neutral' }
  | { kind: 'quotable' }
  | { kind: 'hidden' }
  | { kind: 'accept-suggestion' }
  | { kind: 'merge' }
  | { kind: 'search' }
  | { kind: 'help' };

export interface KeyBinding {
  keys: string[];
  /** What the help dialog shows, for example "1 … 9". */
  label: string;
  does: string;
  command: BoardCommand;
}

export const BOARD_KEYS: KeyBinding[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    keys: [String(i + 1)],
    label: String(i + 1),
    does: `Add or remove theme ${i + 1} of the theme list`,
    command: { kind: 'theme-number' as const, index: i },
  })),
  {
    keys: ['t'],
    label: 'T',
    does: 'Tag with a theme by typing its name',
    command: { kind: 'tag-by-name' },
  },
  {
    keys: ['w'],
    label: 'W',
    does: 'What people want to see',
    command: { kind: 'polarity', polarity: 'want' },
  },
  {
    keys: ['d'],
    label: 'D',
    does: 'What people do NOT want to see',
    command: { kind: 'polarity', polarity: 'do-not-want' },
  },
  {
    keys: ['o'],
    label: 'O',
    does: 'Other comment (neither)',
    command: { kind: 'polarity', polarity: 'neutral' },
  },
  { keys: ['q'], label: 'Q', does: 'Quotable on or off', command: { kind: 'quotable' } },
  {
    keys: ['h'],
    label: 'H',
    does: 'Hide or show again (hidden notes stay out of reports)',
    command: { kind: 'hidden' },
  },
  {
    keys: ['a'],
    label: 'A',
    does: 'Accept the suggestion: its first theme and its polarity',
    command: { kind: 'accept-suggestion' },
  },
  {
    keys: ['m'],
    label: 'M',
    does: 'Merge the selected notes into one statement',
    command: { kind: 'merge' },
  },
  { keys: ['/'], label: '/', does: 'Search the notes', command: { kind: 'search' } },
  { keys: ['?'], label: '?', does: 'This list of keys', command: { kind: 'help' } },
];

/** Keys the list itself handles (react-aria's grid list), listed in the help too. */
export const LIST_KEYS: { label: string; does: string }[] = [
  { label: '↑ ↓', does: 'Move between notes' },
  { label: 'Space', does: 'Select or unselect a note' },
  { label: 'Shift + ↑ ↓', does: 'Select a run of notes' },
  { label: 'Ctrl + A', does: 'Select every note shown' },
  { label: 'Escape', does: 'Clear the selection' },
  { label: 'Enter on the drag handle, Tab to a theme, Enter', does: 'Drag notes onto a theme' },
];

/** The command a key press means on the board, or null (modifiers other than Shift never bind). */
export function commandFor(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): BoardCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return BOARD_KEYS.find((b) => b.keys.includes(key))?.command ?? null;
}
