import { z } from 'zod';

/**
 * How long a programme keeps what identifies its participants, counted from the programme's end
 * (its last session). Null keeps it until someone erases it. Contact details usually go first
 * (say 6 months: long enough to send "you said, we did"); everything identifying later (say 2
 * years: words, demographics, consent history kept for the report's audit trail).
 */
export const retentionPolicySchema = z
  .object({
    contactMonthsAfterEnd: z.number().int().min(0).max(120).nullable(),
    identifyingMonthsAfterEnd: z.number().int().min(0).max(240).nullable(),
  })
  .strict()
  .refine(
    (p) =>
      p.contactMonthsAfterEnd === null ||
      p.identifyingMonthsAfterEnd === null ||
      p.identifyingMonthsAfterEnd >= p.contactMonthsAfterEnd,
    {
      message: 'Everything identifying includes contact details, so it cannot go before them.',
      path: ['identifyingMonthsAfterEnd'],
    },
  );

export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** Nothing expires until a facilitator sets a period. */
export const NO_RETENTION_LIMIT: RetentionPolicy = {
  contactMonthsAfterEnd: null,
  identifyingMonthsAfterEnd: null,
};

export interface Expiry {
  /** The first day on which it is erased (YYYY-MM-DD), or null if it never expires. */
  expiresOn: string | null;
  due: boolean;
}

export interface RetentionSchedule {
  /** The programme's last session date, or null with no sessions (nothing expires then). */
  programmeEnd: string | null;
  contact: Expiry;
  identifying: Expiry;
}

/**
 * `date` (YYYY-MM-DD) plus whole calendar months, kept on the last day of a shorter month.
 *
 * @example addMonths('2026-08-31', 6) // '2027-02-28'
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * What expires when, for a programme whose sessions fall on `sessionDates`, as of `today`
 * (YYYY-MM-DD). The one function the expiry job and the settings screen both read.
 */
export function retentionSchedule(
  policy: RetentionPolicy,
  sessionDates: readonly string[],
  today: string,
): RetentionSchedule {
  const programmeEnd = sessionDates.length > 0 ? [...sessionDates].sort().at(-1)! : null;
  const expiry = (months: number | null): Expiry => {
    if (months === null || programmeEnd === null) return { expiresOn: null, due: false };
    const expiresOn = addMonths(programmeEnd.slice(0, 10), months);
    return { expiresOn, due: today >= expiresOn };
  };
  const identifying = expiry(policy.identifyingMonthsAfterEnd);
  const contact = expiry(policy.contactMonthsAfterEnd);
  // Contact details are identifying: they go with everything else at the latest.
  return {
    programmeEnd,
    identifying,
    contact: identifying.due && !contact.due ? identifying : contact,
  };
}
