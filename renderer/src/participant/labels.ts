import type { Polarity, Vote } from '../../../core/index.ts';
import { useT } from './i18n/i18n.tsx';

/** The polarity choices in the participant's language (plain words, not the report's). */
export function usePolarityLabels(): Record<Polarity, string> {
  const { t } = useT();
  return {
    want: t('polarity.want'),
    'do-not-want': t('polarity.doNotWant'),
    neutral: t('polarity.neutral'),
  };
}

export function useVoteLabels(): Record<Vote, string> {
  const { t } = useT();
  return {
    agree: t('cards.vote.agree'),
    'not-quite': t('cards.vote.notQuite'),
    disagree: t('cards.vote.disagree'),
  };
}
