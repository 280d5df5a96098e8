import type { AgendaStep, Theme } from '../model/index.ts';
import { THEME_PALETTE } from '../model/index.ts';

/** Every theme discussion closes by asking the group how they will judge the result. */
export const GOT_IT_RIGHT_QUESTION = 'How will you tell us we got it right?';

export interface ThemePlan {
  id: string;
  name: string;
  description: string;
  questions: string[];
}

/** Four themes for a community MSK service redesign, each with two or three questions. */
export const MSK_FOCUS_GROUP_THEMES: readonly ThemePlan[] = [
  {
    id: 'theme-access',
    name: 'Getting seen',
    description: 'How people first get help for joint, back or muscle pain, and how long it takes.',
    questions: [
      'When you last had a joint, back or muscle problem, how did you first get help?',
      'What made it easier or harder to be seen at a time that suited you?',
    ],
  },
  {
    id: 'theme-information',
    name: 'Information and communication',
    description: 'What people are told, how, and whether it helps them manage.',
    questions: [
      'What did you want to know while you were waiting, and did anyone tell you?',
      'Which ways of hearing from the service work for you: letters, texts, calls, apps?',
    ],
  },
  {
    id: 'theme-self-care',
    name: 'Looking after yourself',
    description: 'Exercise, self-management and support between appointments.',
    questions: [
      'What helps you keep up exercises or changes at home?',
      'What support would you like between appointments?',
      'What gets in the way: work, caring, cost, confidence?',
    ],
  },
  {
    id: 'theme-joined-up',
    name: 'Joined-up care',
    description:
      'How GPs, physiotherapists, specialists and others work together around the person.',
    questions: [
      'Have you had to repeat your story to different people? How did that feel?',
      'What would a service that works together look like to you?',
    ],
  },
];

export function themesFromPlans(plans: readonly ThemePlan[]): Theme[] {
  return plans.map((p, i) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    colour: THEME_PALETTE[i % THEME_PALETTE.length] as string,
    parentId: null,
    order: i,
  }));
}

/**
 * A 90-minute focus group: welcome and consent, one discussion per theme (each ending with
 * the "got it right" question), and a close that says what happens next.
 */
export function focusGroupTemplate(plans: readonly ThemePlan[] = MSK_FOCUS_GROUP_THEMES): {
  codebook: Theme[];
  agenda: AgendaStep[];
} {
  const steps: AgendaStep[] = [
    {
      id: 'step-welcome',
      type: 'free',
      title: 'Welcome, ground rules and consent',
      minutes: 10,
      description:
        'Introductions, how the session works, how what people say will be used, and a check that everyone has given consent.',
    },
    ...plans.map((p): AgendaStep => ({
      id: `step-${p.id}`,
      type: 'theme-discussion',
      title: p.name,
      minutes: 18,
      themeId: p.id,
      questions: [...p.questions, GOT_IT_RIGHT_QUESTION],
    })),
    {
      id: 'step-close',
      type: 'free',
      title: 'What happens next',
      minutes: 8,
      description: 'When the report will be ready, how people will hear what changed, and thanks.',
    },
  ];
  return { codebook: themesFromPlans(plans), agenda: steps };
}
