import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { parseProgrammeFile, serialiseProgrammeFile } from '../snapshot/programme-file.ts';
import { programmeSnapshotSchema } from '../snapshot/snapshot.ts';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  RECOMMENDED_DEMOGRAPHIC_FIELDS,
  demographicAnswerProblems,
  demographicFieldsSchema,
} from './demographic-fields.ts';
import { programmeSettingsSchema } from './programme-settings.ts';

describe('demographic fields', () => {
  it('offers the census 19 ethnic groups in its 5 broad groups, and age bands up to 80+', () => {
    expect(demographicFieldsSchema.parse(RECOMMENDED_DEMOGRAPHIC_FIELDS)).toHaveLength(7);
    const ethnicity = RECOMMENDED_DEMOGRAPHIC_FIELDS.find((f) => f.id === 'ethnicity')!;
    expect(ethnicity.options).toHaveLength(19);
    expect(new Set(ethnicity.options.map((o) => o.group))).toEqual(
      new Set(['asian', 'black', 'mixed', 'white', 'other']),
    );
    const age = RECOMMENDED_DEMOGRAPHIC_FIELDS.find((f) => f.id === 'ageBand')!;
    expect(age.options.map((o) => o.id)).toEqual(['18-24', '25-49', '50-64', '65-79', '80-plus']);
  });

  it('refuses fields that cannot be answered or clash, saying which', () => {
    const bad = demographicFieldsSchema.safeParse([
      {
        id: 'carer',
        label: 'Carer',
        question: 'Are you a carer?',
        kind: 'choice',
        options: [{ id: 'yes', label: 'Yes' }],
      },
      { id: 'carer', label: 'Carer 2', question: 'Again?', kind: 'text', options: [] },
    ]);
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('"Carer" needs at least two answers to choose from');
    expect(messages).toContain('two questions share the id "carer"');
  });

  it('checks answers against the fields, always allowing "prefer not to say"', () => {
    const fields = RECOMMENDED_DEMOGRAPHIC_FIELDS;
    expect(
      demographicAnswerProblems(fields, {
        ageBand: '80-plus',
        carer: 'prefer-not-to-say',
        town: 'Hull',
      }),
    ).toEqual({});
    expect(demographicAnswerProblems(fields, { ageBand: '75-plus' })).toEqual({
      ageBand: '"75-plus" is not one of the answers to "Age"',
    });
    // A legacy answer is fine for a programme that still asks the legacy fields.
    expect(demographicAnswerProblems(LEGACY_DEMOGRAPHIC_FIELDS, { ageBand: '75-plus' })).toEqual(
      {},
    );
  });

  it('refuses a reference population whose shares do not add up to 100', () => {
    const r = programmeSettingsSchema.safeParse({
      reference: {
        name: 'Ours',
        source: 'Us',
        dimensions: [
          {
            fieldId: 'gender',
            label: 'Sex',
            categories: [
              { id: 'f', label: 'F', percent: 60, answers: ['woman'] },
              { id: 'm', label: 'M', percent: 30, answers: ['man'] },
            ],
          },
        ],
      },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('the percentages of "Sex" add up to 90, not 100');
  });
});

describe('programme files and demographic fields', () => {
  it('imports a format-1 file unchanged, with the fields it always had', () => {
    const demo = makeDemoProgramme();
    expect(demo.settings).toBeUndefined();
    const text = serialiseProgrammeFile(demo);
    const back = parseProgrammeFile(text).snapshot;
    expect(back.settings).toBeUndefined();
    expect(serialiseProgrammeFile(back)).toBe(text);
  });

  it('round-trips a programme with its own fields and checks answers against them', () => {
    const demo = makeDemoProgramme({ notes: 5 });
    const settings = {
      demographicFields: [...RECOMMENDED_DEMOGRAPHIC_FIELDS],
      stopWords: ['msk', 'point of contact'],
    };
    const participants = demo.participants.map((p, i) => ({
      ...p,
      demographics: { ageBand: i % 2 === 0 ? '80-plus' : '25-49', carer: 'yes' },
    }));
    const snap = { ...demo, participants, settings };
    const text = serialiseProgrammeFile(snap);
    expect(serialiseProgrammeFile(parseProgrammeFile(text).snapshot)).toBe(text);
    const wrong = {
      ...snap,
      participants: participants.map((p, i) =>
        i === 0 ? { ...p, demographics: { ageBand: '65-74' } } : p,
      ),
    };
    const r = programmeSnapshotSchema.safeParse(wrong);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['participants', 0, 'demographics', 'ageBand']);
  });
});
