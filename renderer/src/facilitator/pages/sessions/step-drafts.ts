import {
  agendaStepSchema,
  newId,
  type AgendaStep,
  type AgendaStepType,
  type FieldProblems,
  type Persona,
} from '../../../../../core/index.ts';
import { checkWith } from '../../ui/form-helpers.ts';

/** A new step of a kind, ready to edit: every kind starts with a title that says what it is. */
export function newStep(type: AgendaStepType, persona: Persona | null): AgendaStep {
  const base = { id: newId('step'), minutes: 15 };
  switch (type) {
    case 'theme-discussion':
      return { ...base, type, title: 'Theme discussion', themeId: null, questions: [] };
    case 'persona-stage': {
      const stage = persona?.stages[0];
      return {
        ...base,
        type,
        title: stage ? stage.title : 'Persona stage',
        stageId: stage?.id ?? 'stage',
      };
    }
    case 'story-round':
      return { ...base, type, title: 'Story round', prompt: 'Tell us about your own experience.' };
    case 'reflect-back':
      return { ...base, type, title: 'Reflect back', prompt: 'Is this what you told us?' };
    case 'free':
      return { ...base, type, title: 'Welcome and introductions', description: '' };
  }
}

/** Checks an edited step with the model's rules; problems keyed by field ("questions.2"). */
export function checkStep(
  step: unknown,
): { ok: true; step: AgendaStep } | { ok: false; problems: FieldProblems } {
  const r = checkWith(agendaStepSchema, step);
  if (r.ok) return { ok: true, step: r.data };
  const problems: FieldProblems = {};
  for (const [k, v] of Object.entries(r.problems)) {
    if (k === 'title') problems.title = 'Enter a title for the step.';
    else if (k === 'minutes')
      problems.minutes = 'Enter the minutes as a whole number from 0 to 600.';
    else problems[k] = v;
  }
  return { ok: false, problems };
}

/** Minutes planned against the session's length, in words a facilitator scans. */
export function timeBudget(
  steps: readonly AgendaStep[],
  length: number,
): { total: number; over: boolean; text: string } {
  const total = steps.reduce((n, s) => n + s.minutes, 0);
  const over = length > 0 && total > length;
  const text =
    length > 0
      ? `${total} of ${length} minutes planned${over ? `: ${total - length} minutes over` : total < length ? `, ${length - total} to spare` : ''}`
      : `${total} minutes planned`;
  return { total, over, text };
}
