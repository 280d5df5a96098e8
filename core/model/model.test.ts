import { describe, expect, it } from 'vitest';
import { codebookProblems, sortThemes, type Theme } from './theme.ts';
import { newId, idSchema } from './primitives.ts';
import { stepQuestions } from './agenda.ts';
import {
  focusGroupTemplate,
  GOT_IT_RIGHT_QUESTION,
  coProductionSeriesTemplate,
  personaWalkthroughTemplate,
} from '../templates/index.ts';
import { demographicsSchema } from './participant.ts';
import { LEGACY_DEMOGRAPHIC_FIELDS, demographicAnswerProblems } from './demographic-fields.ts';
import { newProgrammeSchema, programmeFromTemplate } from '../templates/index.ts';
import { programmeSnapshotSchema } from '../snapshot/snapshot.ts';

const theme = (id: string, parentId: string | null, order = 0): Theme => ({
  id,
  name: id,
  description: '',
  colour: '#0072b2',
  parentId,
  order,
});

describe('codebook', () => {
  it('orders parents before children and siblings by order', () => {
    const sorted = sortThemes([
      theme('b', null, 1),
      theme('a1', 'a', 0),
      theme('a', null, 0),
      theme('a0', 'a', -0),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['a', 'a0', 'a1', 'b']);
  });

  it('reports a missing parent and a cycle', () => {
    expect(codebookProblems([theme('a', 'ghost')])).toEqual([
      'theme a: parent ghost does not exist',
    ]);
    expect(codebookProblems([theme('a', 'b'), theme('b', 'a')])).toHaveLength(2);
  });
});

describe('ids', () => {
  it('makes ids that the id schema accepts, and different each time', () => {
    const a = newId('note');
    expect(idSchema.parse(a)).toBe(a);
    expect(newId()).not.toBe(newId());
  });
});

describe('demographics', () => {
  it('accepts "prefer not to say" in every field and refuses an unknown value', () => {
    const all = {
      gender: 'prefer-not-to-say',
      ageBand: 'prefer-not-to-say',
      ethnicity: 'prefer-not-to-say',
      town: 'prefer-not-to-say',
    };
    expect(demographicsSchema.parse(all)).toEqual(all);
    expect(demographicAnswerProblems(LEGACY_DEMOGRAPHIC_FIELDS, all)).toEqual({});
    expect(
      demographicAnswerProblems(LEGACY_DEMOGRAPHIC_FIELDS, { ...all, ageBand: '30ish' }),
    ).toEqual({
      ageBand: '"30ish" is not one of the answers to "Age"',
    });
  });
});

describe('templates', () => {
  it('the focus group has four themes, each ending with the "got it right" question', () => {
    const { codebook, agenda } = focusGroupTemplate();
    expect(codebook).toHaveLength(4);
    const discussions = agenda.filter((s) => s.type === 'theme-discussion');
    expect(discussions).toHaveLength(4);
    for (const d of discussions) {
      const qs = stepQuestions(d, null);
      expect(qs.length).toBeGreaterThanOrEqual(3);
      expect(qs.length).toBeLessThanOrEqual(4);
      expect(qs.at(-1)).toBe(GOT_IT_RIGHT_QUESTION);
    }
  });

  it('the persona walks from first symptoms to a specialist referral, a question at each stage', () => {
    const { persona, agenda } = personaWalkthroughTemplate();
    expect(persona.stages[0]!.title).toMatch(/first/i);
    expect(persona.stages.at(-1)!.title).toMatch(/specialist/i);
    for (const step of agenda.filter((s) => s.type === 'persona-stage')) {
      expect(stepQuestions(step, persona)).toHaveLength(1);
    }
  });

  it('the co-production series has five sessions with the walkthrough split over two', () => {
    const series = coProductionSeriesTemplate();
    expect(series).toHaveLength(5);
    expect(series.map((s) => s.kind)).toEqual([
      'co-production',
      'reflect-back',
      'persona-walkthrough',
      'persona-walkthrough',
      'co-production',
    ]);
    const stages = series.flatMap((s) => s.agenda.filter((a) => a.type === 'persona-stage'));
    expect(stages).toHaveLength(personaWalkthroughTemplate().persona.stages.length);
  });
});

describe('a new programme from a template', () => {
  it('plans one focus group per cohort, a week apart, with the four themes and fresh ids', () => {
    const a = programmeFromTemplate('focus-groups', {
      title: 'Back pain services',
      organisation: 'Healthwatch Test',
      startDate: '2027-01-12',
      cohorts: ['Residents', 'Carers'],
    });
    const b = programmeFromTemplate('focus-groups', {
      title: 'B',
      organisation: 'O',
      startDate: '2027-01-12',
    });
    expect(programmeSnapshotSchema.safeParse(a).success).toBe(true);
    expect(a.sessions.map((s) => [s.session.date, s.session.cohort, s.session.status])).toEqual([
      ['2027-01-12', 'Residents', 'planned'],
      ['2027-01-19', 'Carers', 'planned'],
    ]);
    expect(a.codebook).toHaveLength(4);
    expect(a.participants).toEqual([]);
    expect(a.programme.id).not.toBe(b.programme.id);
    expect(a.sessions[0]!.session.id).not.toBe(b.sessions[0]!.session.id);
  });

  it('plans the five co-production sessions and the persona walkthrough with its persona', () => {
    const co = programmeFromTemplate('co-production', {
      title: 'T',
      organisation: 'O',
      startDate: '2027-03-01',
    });
    expect(co.sessions).toHaveLength(5);
    expect(co.programme.endDate).toBe('2027-03-29');
    const walk = programmeFromTemplate('persona-walkthrough', {
      title: 'T',
      organisation: 'O',
      startDate: '2027-03-01',
    });
    expect(walk.sessions[0]!.persona?.stages.length).toBeGreaterThan(3);
  });

  it('refuses a request with a bad date or an unknown template, naming the field', () => {
    const bad = newProgrammeSchema.safeParse({
      template: 'party',
      title: 'T',
      organisation: 'O',
      startDate: '1/2/27',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'startDate',
      'template',
    ]);
  });
});
