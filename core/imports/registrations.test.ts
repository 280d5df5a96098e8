import { describe, expect, it } from 'vitest';
import {
  RECOMMENDED_DEMOGRAPHIC_FIELDS,
  demographicAnswerProblems,
  type DemographicFieldDef,
} from '../model/index.ts';
import { mapAnswer } from './demographic-categories.ts';
import { ImportError } from './problems.ts';
import {
  guessRegistrationColumns,
  planRegistrations,
  readRegistrations,
  registrationTargets,
} from './registrations.ts';
import { tableFromCsv } from './table.ts';

/**
 * A programme that chose its own questions: the recommended age bands (25-49, 50-64, 65-79,
 * 80 and over), the census's 19 ethnic groups in 5 broad groups, yes/no questions, and one
 * question of its own.
 */
const FIELDS: DemographicFieldDef[] = [
  ...RECOMMENDED_DEMOGRAPHIC_FIELDS,
  {
    id: 'transport',
    label: 'How you travel',
    question: 'How do you usually get to your appointments?',
    kind: 'choice',
    options: [
      { id: 'bus', label: 'Bus' },
      { id: 'car', label: 'Car or taxi' },
      { id: 'walk', label: 'On foot' },
    ],
  },
];
const field = (id: string) => FIELDS.find((f) => f.id === id)!;
const value = (id: string, answer: string) => {
  const m = mapAnswer(field(id), answer);
  return m.kind === 'value' ? m.value : m.kind;
};

describe('demographic answers follow the programme’s own fields', () => {
  it('maps ages and bands onto the programme’s bands, whatever they are', () => {
    expect(value('ageBand', '25-49')).toBe('25-49');
    expect(value('ageBand', ' 50 to 64 ')).toBe('50-64');
    expect(value('ageBand', '67')).toBe('65-79');
    expect(value('ageBand', '80+')).toBe('80-plus');
    expect(value('ageBand', '80 AND OVER')).toBe('80-plus');
    expect(value('ageBand', '92')).toBe('80-plus');
    // A band the programme does not use, or an age below its youngest band, maps onto none.
    expect(value('ageBand', '35-44')).toBe('unmapped');
    expect(value('ageBand', '12')).toBe('unmapped');
  });

  it('maps ethnicity onto the 19 groups, or onto a broad group when that is all it says', () => {
    expect(value('ethnicity', 'Asian or Asian British: Indian')).toBe('asian-indian');
    expect(value('ethnicity', 'white - irish')).toBe('white-irish');
    expect(value('ethnicity', 'White British')).toBe('white-british');
    expect(value('ethnicity', 'Mixed: White and Black African')).toBe('mixed-white-black-african');
    expect(value('ethnicity', 'Black African')).toBe('black-african');
    expect(value('ethnicity', 'WHITE')).toBe('white');
    expect(value('ethnicity', 'Asian or Asian British')).toBe('asian');
    expect(value('ethnicity', 'Klingon')).toBe('unmapped');
    // Every mapped answer is one the programme's own check accepts.
    for (const a of ['Indian', 'White', 'Arab', 'Roma'])
      expect(demographicAnswerProblems(FIELDS, { ethnicity: value('ethnicity', a) })).toEqual({});
  });

  it('takes "prefer not to say" in any spelling, for every field, text fields included', () => {
    for (const id of ['gender', 'ageBand', 'ethnicity', 'carer', 'transport', 'town'])
      for (const a of ['Prefer not to say', 'prefer  NOT to say.', 'Rather not say'])
        expect(value(id, a)).toBe('prefer-not-to-say');
  });

  it('matches custom and yes/no answers by label or id, case and spacing aside', () => {
    expect(value('transport', '  car OR taxi ')).toBe('car');
    expect(value('transport', 'BUS')).toBe('bus');
    expect(value('transport', 'Bicycle')).toBe('unmapped');
    expect(value('disability', 'Y')).toBe('yes');
    expect(value('long-term-condition', 'no')).toBe('no');
    expect(value('gender', 'Female')).toBe('woman');
    expect(value('town', '  Rotherham ')).toBe('Rotherham');
    expect(value('town', 'x'.repeat(101))).toBe('unmapped');
    expect(value('town', '   ')).toBe('blank');
  });

  it('offers the programme’s own questions as columns and guesses them from the headings', () => {
    const targets = registrationTargets(FIELDS);
    expect(Object.entries(targets.labels).slice(7)).toEqual(
      FIELDS.map((f) => [f.id, f.label] as [string, string]),
    );
    expect(
      guessRegistrationColumns(
        [
          'Email',
          'Age group',
          'What is your ethnic group?',
          'Do you look after, or give help to, someone because of their health?',
          'How you travel',
          'Disability',
          'Favourite colour',
        ],
        targets,
      ),
    ).toEqual(['email', 'ageBand', 'ethnicity', 'carer', 'transport', 'disability', null]);
    // A question whose id is a contact field's name is offered under another value.
    const clash = registrationTargets([{ ...field('town'), id: 'email', label: 'Email again' }]);
    expect(clash.labels['question-email']).toBe('Email again');
    expect(clash.labels.email).toBe('Email');
  });

  it('imports answers by field id, names the cell of every answer that does not map', () => {
    const targets = registrationTargets(FIELDS);
    const table = tableFromCsv(
      'x.csv',
      [
        'Email,Age,Ethnicity,How you travel,Carer',
        'a@example.org,67,Indian,On foot,Yes',
        'b@example.org,35-44,Klingon,Prefer not to say,',
        'c@example.org,Prefer not to say,White,Bicycle,no',
      ].join('\n'),
    );
    const mapping = guessRegistrationColumns(table.headers, targets);
    expect(mapping).toEqual(['email', 'ageBand', 'ethnicity', 'transport', 'carer']);
    const { rows, warnings } = readRegistrations(table, { mapping, cohort: 'Residents' }, targets);
    expect(rows.map((r) => r.demographics)).toEqual([
      { ageBand: '65-79', ethnicity: 'asian-indian', transport: 'walk', carer: 'yes' },
      { transport: 'prefer-not-to-say' },
      { ageBand: 'prefer-not-to-say', ethnicity: 'white', carer: 'no' },
    ]);
    expect(warnings.map((w) => `${w.where}: ${w.message}`)).toEqual([
      'cell B3: "35-44" is none of the answers to "Age"; left out',
      'cell C3: "Klingon" is none of the answers to "Ethnicity"; left out',
      'cell D4: "Bicycle" is none of the answers to "How you travel"; left out',
    ]);
    // New people get every field of the programme, unanswered ones null.
    const plan = planRegistrations(
      rows,
      [],
      's1',
      () => 'p-new',
      FIELDS.map((f) => f.id),
    );
    expect(Object.keys(plan.create[0]!.demographics)).toEqual(FIELDS.map((f) => f.id));
    expect(plan.create[1]!.demographics.ageBand).toBeNull();
    // Someone already there gets only the answers they lacked, and the same file again is a no-op.
    const existing = plan.create.map((p) => ({ ...p, demographics: { ...p.demographics } }));
    existing[1]!.demographics.transport = null;
    const again = planRegistrations(rows, existing, 's1');
    expect(again.update).toEqual([
      expect.objectContaining({ row: 3, demographics: { transport: 'prefer-not-to-say' } }),
    ]);
    expect(planRegistrations(rows, plan.create, 's1')).toEqual({
      create: [],
      update: [],
      unchanged: 3,
    });
  });

  it('refuses a column mapped to a question the programme does not ask, by its heading cell', () => {
    const table = tableFromCsv('x.csv', 'Email,Gender\na@example.org,Woman\n');
    const targets = registrationTargets(FIELDS.filter((f) => f.id !== 'gender'));
    try {
      readRegistrations(table, { mapping: ['email', 'gender'], cohort: null }, targets);
      expect.unreachable('expected the mapping to be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).problems.map((p) => p.where)).toContain('cell B1');
    }
  });
});
