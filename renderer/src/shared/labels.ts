import type { Polarity } from '../../../core/index.ts';

/** Plain words for participants; the report's column names are for commissioners. */
export const PARTICIPANT_POLARITY: Record<Polarity, string> = {
  want: 'I would like to see',
  'do-not-want': 'I do not want to see',
  neutral: 'Something else',
};

export function polarityClass(p: Polarity): string {
  return `polarity-${p}`;
}
