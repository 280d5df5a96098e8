import { z } from 'zod';
import { idSchema, longText, shortText } from './primitives.ts';

const question = shortText(1000);

const base = { id: idSchema, title: shortText(), minutes: z.number().int().min(0).max(600) };

export const themeDiscussionStepSchema = z
  .object({
    ...base,
    type: z.literal('theme-discussion'),
    themeId: idSchema.nullable(),
    questions: z.array(question).max(20),
  })
  .strict();

export const personaStageStepSchema = z
  .object({ ...base, type: z.literal('persona-stage'), stageId: idSchema })
  .strict();

export const storyRoundStepSchema = z
  .object({ ...base, type: z.literal('story-round'), prompt: longText(2000) })
  .strict();

export const reflectBackStepSchema = z
  .object({ ...base, type: z.literal('reflect-back'), prompt: longText(2000) })
  .strict();

export const freeStepSchema = z
  .object({ ...base, type: z.literal('free'), description: longText(4000) })
  .strict();

export const agendaStepSchema = z.discriminatedUnion('type', [
  themeDiscussionStepSchema,
  personaStageStepSchema,
  storyRoundStepSchema,
  reflectBackStepSchema,
  freeStepSchema,
]);
export type AgendaStep = z.infer<typeof agendaStepSchema>;
export type AgendaStepType = AgendaStep['type'];

export const AGENDA_STEP_LABELS: Record<AgendaStepType, string> = {
  'theme-discussion': 'Theme discussion',
  'persona-stage': 'Persona stage',
  'story-round': 'Story round',
  'reflect-back': 'Reflect back',
  free: 'Other',
};

/** The questions a participant sees for a step: what the room asks them to answer. */
export function stepQuestions(step: AgendaStep, persona: Persona | null): string[] {
  switch (step.type) {
    case 'theme-discussion':
      return step.questions;
    case 'persona-stage': {
      const stage = persona?.stages.find((s) => s.id === step.stageId);
      return stage ? [stage.question] : [];
    }
    case 'story-round':
    case 'reflect-back':
      return step.prompt ? [step.prompt] : [];
    case 'free':
      return [];
  }
}

export const personaStageSchema = z
  .object({
    id: idSchema,
    title: shortText(),
    description: longText(2000),
    question: shortText(1000),
  })
  .strict();
export type PersonaStage = z.infer<typeof personaStageSchema>;

export const personaSchema = z
  .object({
    name: shortText(100),
    story: longText(4000),
    stages: z.array(personaStageSchema).max(30),
  })
  .strict();
export type Persona = z.infer<typeof personaSchema>;
