import { describe, expect, it } from 'vitest';
import { addMonths, retentionPolicySchema, retentionSchedule } from './retention.ts';

describe('retention', () => {
  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
    expect(addMonths('2026-11-30', 1)).toBe('2026-12-30');
  });

  it('counts from the last session and says what is due on a given day', () => {
    const policy = { contactMonthsAfterEnd: 6, identifyingMonthsAfterEnd: 24 };
    const dates = ['2026-03-02', '2026-04-13', '2026-03-16'];
    expect(retentionSchedule(policy, dates, '2026-10-12')).toEqual({
      programmeEnd: '2026-04-13',
      contact: { expiresOn: '2026-10-13', due: false },
      identifying: { expiresOn: '2028-04-13', due: false },
    });
    expect(retentionSchedule(policy, dates, '2026-10-13').contact.due).toBe(true);
    const late = retentionSchedule(policy, dates, '2028-04-13');
    expect([late.contact.due, late.identifying.due]).toEqual([true, true]);
  });

  it('never expires without a period or without sessions', () => {
    const none = retentionSchedule(
      { contactMonthsAfterEnd: null, identifyingMonthsAfterEnd: null },
      ['2020-01-01'],
      '2099-01-01',
    );
    expect(none.contact).toEqual({ expiresOn: null, due: false });
    const empty = retentionSchedule(
      { contactMonthsAfterEnd: 0, identifyingMonthsAfterEnd: 0 },
      [],
      '2099-01-01',
    );
    expect(empty).toMatchObject({ programmeEnd: null, identifying: { due: false } });
  });

  it('takes contact details with everything identifying when that comes first', () => {
    const s = retentionSchedule(
      { contactMonthsAfterEnd: null, identifyingMonthsAfterEnd: 12 },
      ['2026-01-10'],
      '2027-01-10',
    );
    expect(s.contact).toEqual({ expiresOn: '2027-01-10', due: true });
  });

  it('refuses periods that make no sense, with the field named', () => {
    const r = retentionPolicySchema.safeParse({
      contactMonthsAfterEnd: 24,
      identifyingMonthsAfterEnd: 6,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['identifyingMonthsAfterEnd']);
    expect(
      retentionPolicySchema.safeParse({
        contactMonthsAfterEnd: -1,
        identifyingMonthsAfterEnd: null,
      }).success,
    ).toBe(false);
    expect(retentionPolicySchema.safeParse({ contactMonthsAfterEnd: 6 }).success).toBe(false);
  });
});
