import type { AgendaStep, Persona, SessionKind } from '../model/index.ts';
import { personaWalkthroughTemplate } from './persona-walkthrough.ts';

export interface SessionPlan {
  title: string;
  kind: SessionKind;
  agenda: AgendaStep[];
  persona: Persona | null;
}

/**
 * Five online sessions of a co-production group: introduction with everyone's own story, reflect
 * back what was heard, the persona walkthrough over two sessions, and next steps.
 */
export function coProductionSeriesTemplate(): SessionPlan[] {
  const walk = personaWalkthroughTemplate();
  const stages = walk.agenda.filter((s) => s.type === 'persona-stage');
  const half = Math.ceil(stages.length / 2);
  return [
    {
      // The brief lists six activities for five sessions; the introduction and the first story
      // round share the first session so that people tell their story while it is fresh.
      title: 'Introducing co-production, and our stories',
      kind: 'co-production',
      persona: null,
      agenda: [
        {
          id: 'step-intro',
          type: 'free',
          title: 'What co-production means here',
          minutes: 20,
          description:
            'Who we are, what we can and cannot change, how decisions will be shared, recording and ground rules.',
        },
        {
          id: 'step-stories',
          type: 'story-round',
          title: 'Your story',
          minutes: 60,
          prompt:
            'Tell us about your own experience of the service, from the start to where you are now.',
        },
      ],
    },
    {
      title: 'What we heard',
      kind: 'reflect-back',
      persona: null,
      agenda: [
        {
          id: 'step-reflect-stories',
          type: 'reflect-back',
          title: 'Is this what you told us?',
          minutes: 45,
          prompt: 'Here are the themes from your stories. Is anything missing or not quite right?',
        },
      ],
    },
    {
      title: `In ${walk.persona.name}\u2019s shoes, part 1`,
      kind: 'persona-walkthrough',
      persona: walk.persona,
      agenda: [walk.agenda[0] as AgendaStep, ...stages.slice(0, half)],
    },
    {
      title: `In ${walk.persona.name}\u2019s shoes, part 2`,
      kind: 'persona-walkthrough',
      persona: walk.persona,
      agenda: [...stages.slice(half), walk.agenda[walk.agenda.length - 1] as AgendaStep],
    },
    {
      title: 'What we learnt and what happens next',
      kind: 'co-production',
      persona: null,
      agenda: [
        {
          id: 'step-learnt',
          type: 'reflect-back',
          title: 'What we learnt',
          minutes: 30,
          prompt: 'These are the changes the group asked for. Which matter most?',
        },
        {
          id: 'step-next',
          type: 'free',
          title: 'Short- and long-term next steps',
          minutes: 30,
          description:
            'What will change soon, what needs longer, and how the group will hear about it.',
        },
      ],
    },
  ];
}
