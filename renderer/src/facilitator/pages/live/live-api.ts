import type { CaptureOnBehalf, NoteKind, Polarity } from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';

/** Words said aloud, taken into the session by the server (refused while it is not open). */
export const captureNote = (
  sessionId: string,
  body: {
    id: string;
    text: string;
    kind: NoteKind;
    polarity: Polarity;
    themeIds: string[];
    stepId: string | null;
    on: CaptureOnBehalf;
  },
) => api<{ id: string }>(`/api/sessions/${encodeURIComponent(sessionId)}/captures`, { body });

/** Ends the current story-round turn with the story told, or a pass. */
export const endStoryTurn = (
  sessionId: string,
  body: { outcome: 'told'; id: string; text: string } | { outcome: 'passed' },
) =>
  api<{ current: number; of: number }>(
    `/api/sessions/${encodeURIComponent(sessionId)}/story-round/turn`,
    { body },
  );
