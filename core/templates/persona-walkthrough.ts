import type { AgendaStep, Persona } from '../model/index.ts';

/**
 * A fictitious patient walked from first symptoms to a specialist referral. At each stage the
 * group says what happened to people like them and what the ideal would be.
 */
export const WALKTHROUGH_PERSONA: Persona = {
  name: 'Dev',
  story:
    'Dev is 52, drives a delivery van and looks after his mother at weekends. One morning his lower back locks as he lifts a parcel. He has never had back trouble before.',
  stages: [
    {
      id: 'stage-onset',
      title: 'The first twinge',
      description: 'The pain starts. Dev is not sure whether it is serious or who to ask.',
      question: 'What would the ideal first place to turn look like for Dev?',
    },
    {
      id: 'stage-self-care',
      title: 'Coping at home',
      description: 'Dev tries rest, painkillers and advice he finds online, and keeps working.',
      question: 'What would help Dev look after himself safely in these first weeks?',
    },
    {
      id: 'stage-first-contact',
      title: 'First appointment',
      description: 'The pain is no better after three weeks. Dev tries to book an appointment.',
      question: 'What should happen at Dev\u2019s first appointment, and how soon?',
    },
    {
      id: 'stage-physio',
      title: 'Physiotherapy',
      description: 'Dev is referred to physiotherapy and waits for a first session.',
      question: 'What would make the wait and the sessions work around Dev\u2019s job and caring?',
    },
    {
      id: 'stage-specialist',
      title: 'Specialist referral',
      description: 'After several sessions Dev still struggles and is referred to a specialist.',
      question: 'What would Dev need to know and feel at this point?',
    },
  ],
};

export function personaWalkthroughTemplate(persona: Persona = WALKTHROUGH_PERSONA): {
  persona: Persona;
  agenda: AgendaStep[];
} {
  return {
    persona,
    agenda: [
      {
        id: 'step-meet-persona',
        type: 'free',
        title: `Meet ${persona.name}`,
        minutes: 10,
        description: `Read ${persona.name}\u2019s story together and agree how we will walk through it.`,
      },
      ...persona.stages.map((s): AgendaStep => ({
        id: `step-${s.id}`,
        type: 'persona-stage',
        title: s.title,
        minutes: 15,
        stageId: s.id,
      })),
      {
        id: 'step-walkthrough-reflect',
        type: 'reflect-back',
        title: 'Did we get it right?',
        minutes: 10,
        prompt: 'Here is what we heard at each stage. Does it say what you meant?',
      },
    ],
  };
}
