import { z } from 'zod';
import type { Attendance, Contact, Demographics, Participant } from '../model/index.ts';
import {
  DEMOGRAPHIC_FIELDS,
  LEGACY_DEMOGRAPHIC_FIELDS,
  emptyDemographics,
  newId,
  noConsent,
  type DemographicFieldDef,
} from '../model/index.ts';
import { checkMapping, headingKey, type ColumnMapping } from './columns.ts';
import { mapAnswer } from './demographic-categories.ts';
import { ProblemList, type ImportProblem } from './problems.ts';
import { cellName, type Table } from './table.ts';

/** What a column of any attendee list may hold, whatever the programme asks. */
export const CONTACT_REGISTRATION_FIELDS = [
  'name',
  'first-name',
  'last-name',
  'email',
  'phone',
  'checked-in',
  'cohort',
] as const;
type ContactField = (typeof CONTACT_REGISTRATION_FIELDS)[number];

/**
 * What a column may be imported as: a contact field, or one of the programme's demographic
 * questions by its field id ("ageBand", "disability").
 */
export type RegistrationField = string;

const CONTACT_LABELS: Record<ContactField, string> = {
  name: 'Full name',
  'first-name': 'First name',
  'last-name': 'Last name',
  email: 'Email',
  phone: 'Phone',
  'checked-in': 'Checked in (attended)',
  cohort: 'Cohort',
};

/** The columns an attendee list can fill for a programme with these demographic fields. */
export interface RegistrationTargets {
  /** Mapping value -> label, in the order a choice offers them. */
  labels: Record<string, string>;
  /** Mapping value -> the programme's demographic field it answers. */
  demographic: Map<string, DemographicFieldDef>;
}

/**
 * The contact fields, then the programme's own demographic questions (custom ones included), by
 * field id. A question whose id is also a contact field's name is offered as "question-<id>".
 * @example registrationTargets(fields).labels // { name: 'Full name', …, ageBand: 'Age' }
 */
export function registrationTargets(
  fields: readonly DemographicFieldDef[] = LEGACY_DEMOGRAPHIC_FIELDS,
): RegistrationTargets {
  const labels: Record<string, string> = { ...CONTACT_LABELS };
  const demographic = new Map<string, DemographicFieldDef>();
  for (const f of fields) {
    const key = f.id in CONTACT_LABELS ? `question-${f.id}` : f.id;
    labels[key] = f.label;
    demographic.set(key, f);
  }
  return { labels, demographic };
}

/** Headings event tools (Eventbrite, Ticket Tailor, Microsoft Forms) use, by field. */
const HEADINGS: Record<ContactField | 'ignore', string[]> = {
  name: ['name', 'full name', 'attendee name', 'your name', 'participant name'],
  'first-name': ['first name', 'firstname', 'given name', 'forename', 'attendee first name'],
  'last-name': ['last name', 'surname', 'family name', 'lastname', 'attendee last name'],
  email: ['email', 'email address', 'e mail', 'attendee email', 'your email'],
  phone: ['phone', 'mobile', 'telephone', 'phone number', 'cell phone', 'mobile number', 'tel'],
  'checked-in': ['checked in', 'check in', 'attended', 'checked in status', 'check in status'],
  cohort: ['cohort', 'group', 'which group'],
  ignore: [
    'order',
    'order no',
    'order number',
    'order id',
    'order date',
    'attendee no',
    'attendee id',
    'ticket id',
    'barcode',
    'barcode no',
    'ticket price',
    'total paid',
    'fees paid',
    'eventbrite fees',
    'eventbrite payment processing',
    'attendee status',
    'date attending',
    'event name',
    'event id',
    'quantity',
    'currency',
    'device name',
    'check in date',
    'checked in date',
    'ticket type',
    'ticket',
    'registration date',
    'timestamp',
    'id',
  ],
};

/** Headings event forms use for the questions every programme used to ask, by field id. */
const QUESTION_HEADINGS: Record<string, string[]> = {
  gender: ['gender', 'sex', 'what is your gender'],
  ageBand: ['age', 'age band', 'age group', 'age range', 'how old are you'],
  ethnicity: ['ethnicity', 'ethnic group', 'ethnic background', 'what is your ethnic group'],
  town: ['town', 'city', 'town or city', 'where do you live', 'home town', 'area'],
};

/**
 * What each column probably holds, from its heading: a contact field, or one of the programme's
 * questions (by its label, its question or its id, and the usual headings for gender, age,
 * ethnicity and town); null for a heading nobody has decided about (a custom question the
 * programme does not ask). When no column is a cohort, the ticket type is one (event tools sell
 * one ticket type per group).
 */
export function guessRegistrationColumns(
  headers: readonly string[],
  targets: RegistrationTargets = registrationTargets(),
): ColumnMapping<RegistrationField> {
  const questions = [...targets.demographic].map(([key, f]) => ({
    key,
    names: new Set(
      [f.label, f.question, f.id, ...(QUESTION_HEADINGS[f.id] ?? [])].map((n) => headingKey(n)),
    ),
  }));
  const has = (id: string) => targets.demographic.has(id);
  const guess = headers.map((h): RegistrationField | 'ignore' | null => {
    // "Attendee #" is a number, not the attendee: read "#" as "no" before punctuation goes.
    const k = headingKey(h.replace(/#/g, ' no '));
    for (const [field, names] of Object.entries(HEADINGS)) if (names.includes(k)) return field;
    for (const q of questions) if (q.names.has(k)) return q.key;
    if (has('gender') && /\bgender\b/.test(k)) return 'gender';
    if (has('ethnicity') && /\bethnic/.test(k)) return 'ethnicity';
    if (has('ageBand') && /\bage (band|group|range)\b/.test(k)) return 'ageBand';
    if (/\bemail\b/.test(k)) return 'email';
    return null;
  });
  if (!guess.includes('cohort')) {
    const ticket = headers.findIndex((h) => ['ticket type', 'ticket'].includes(headingKey(h)));
    if (ticket >= 0) guess[ticket] = 'cohort';
  }
  return guess;
}

export interface RegistrationRow {
  row: number;
  contact: Contact;
  checkedIn: boolean;
  cohort: string;
  /** Answers to the programme's questions, by field id; blanks are not answers. */
  demographics: Record<string, string>;
}

export interface RegistrationOptions {
  mapping: ColumnMapping<RegistrationField>;
  /** The cohort for rows whose cohort column is empty, or for every row when there is none. */
  cohort: string | null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'checked in', 'attended', 'x', 'present']);
const NO = new Set(['no', 'n', 'false', '0', 'not checked in', 'did not attend', 'absent', '']);

const emailSchema = z.email();

/**
 * Reads the rows of an attendee list under a column mapping. Problems name the cell; answers
 * that map onto none of the programme's answers are left out and listed as warnings by cell.
 */
export function readRegistrations(
  table: Table,
  options: RegistrationOptions,
  targets: RegistrationTargets = registrationTargets(),
): { rows: RegistrationRow[]; warnings: ImportProblem[] } {
  const problems = new ProblemList();
  const warnings: ImportProblem[] = [];
  options.mapping.forEach((m, i) => {
    if (m !== null && m !== 'ignore' && !(m in targets.labels))
      problems.add(
        cellName(i, 1),
        `"${table.headers[i] ?? ''}" is mapped to "${m}", which this programme does not ask`,
      );
  });
  const mapped = checkMapping(
    table.headers,
    options.mapping,
    targets.labels,
    (m) =>
      m.has('email') || m.has('name') || (m.has('first-name') && m.has('last-name'))
        ? null
        : 'map a column to Email (or to the name) so people can be matched',
    problems,
  );
  problems.throwIfAny('The columns of the attendee list need deciding.');
  const questionColumns = [...targets.demographic].filter(([key]) => mapped.has(key));
  const col = (f: RegistrationField) => options.mapping.indexOf(f);
  const cell = (cells: string[], f: RegistrationField) =>
    mapped.has(f) ? (cells[col(f)] ?? '') : '';
  const seenEmails = new Map<string, number>();
  const rows: RegistrationRow[] = [];
  for (const { row, cells } of table.rows) {
    const email = cell(cells, 'email').toLowerCase();
    if (email !== '' && !emailSchema.safeParse(email).success) {
      problems.add(cellName(col('email'), row), `"${email}" is not an email address`);
      continue;
    }
    const name =
      cell(cells, 'name') || [cell(cells, 'first-name'), cell(cells, 'last-name')].join(' ').trim();
    if (email === '' && name === '') {
      problems.add(`row ${row}`, 'has neither an email nor a name, so nobody can be matched');
      continue;
    }
    if (name.length > 200)
      problems.add(cellName(col('name'), row), 'a name of over 200 characters');
    const phone = cell(cells, 'phone');
    if (phone.length > 40) problems.add(cellName(col('phone'), row), 'not a phone number');
    const checked = cell(cells, 'checked-in').toLowerCase();
    let checkedIn = false;
    if (YES.has(checked)) checkedIn = true;
    else if (!NO.has(checked))
      problems.add(
        cellName(col('checked-in'), row),
        `"${checked}" is neither yes nor no (checked in or not)`,
      );
    const cohort = cell(cells, 'cohort') || options.cohort || '';
    if (cohort.length > 200)
      problems.add(cellName(col('cohort'), row), 'a cohort of over 200 characters');
    const demographics: Record<string, string> = {};
    for (const [key, field] of questionColumns) {
      const answer = cell(cells, key);
      const mappedAnswer = mapAnswer(field, answer);
      if (mappedAnswer.kind === 'value') demographics[field.id] = mappedAnswer.value;
      else if (mappedAnswer.kind === 'unmapped')
        warnings.push({
          where: cellName(col(key), row),
          message: `"${answer.slice(0, 80)}" ${mappedAnswer.reason}; left out`,
        });
    }
    if (email !== '') {
      const first = seenEmails.get(email);
      if (first !== undefined) {
        warnings.push({ where: `row ${row}`, message: `the same email as row ${first}; merged` });
        const earlier = rows.find((r) => r.row === first) as RegistrationRow;
        earlier.checkedIn ||= checkedIn;
        continue;
      }
      seenEmails.set(email, row);
    }
    rows.push({
      row,
      contact: { name: name || null, email: email || null, phone: phone || null },
      checkedIn,
      cohort,
      demographics,
    });
  }
  problems.throwIfAny('The attendee list has problems.');
  return { rows, warnings };
}

/** A participant already in the programme, as matching needs them (contact from the store). */
export interface ExistingPerson {
  id: string;
  descriptor: string;
  cohort: string;
  contact: Contact | null;
  demographics: Demographics;
  attendance: Attendance[];
}

export interface RegistrationPlan {
  create: Participant[];
  update: {
    participantId: string;
    row: number;
    attendance: Attendance;
    /** Contact and demographic fields that were empty and the file fills (never overwritten). */
    contact: Partial<Contact>;
    demographics: Record<string, string>;
  }[];
  /** Rows whose person is already registered with the same details: nothing to do. */
  unchanged: number;
}

/**
 * Matches rows to the programme's people (by email, else by name when the row has no email) and
 * plans what changes: new participants with a descriptor numbered within their cohort, and for
 * people already there, registration for the session and only the details they lacked. Running
 * the same plan twice changes nothing the second time.
 */
export function planRegistrations(
  rows: readonly RegistrationRow[],
  existing: readonly ExistingPerson[],
  sessionId: string,
  makeId: () => string = () => newId('p'),
  /** The programme's demographic field ids: new people get each, unanswered ones null. */
  fieldIds: readonly string[] = DEMOGRAPHIC_FIELDS,
): RegistrationPlan {
  const byEmail = new Map<string, ExistingPerson>();
  const byName = new Map<string, ExistingPerson>();
  for (const p of existing) {
    if (p.contact?.email) byEmail.set(p.contact.email.toLowerCase(), p);
    if (p.contact?.name) byName.set(p.contact.name.toLowerCase(), p);
  }
  const numbers = new Map<string, number>();
  for (const p of existing) {
    const m = /^(.*) (\d+)$/.exec(p.descriptor);
    if (m) numbers.set(m[1] as string, Math.max(numbers.get(m[1] as string) ?? 0, Number(m[2])));
  }
  const plan: RegistrationPlan = { create: [], update: [], unchanged: 0 };
  for (const r of rows) {
    const match = r.contact.email
      ? byEmail.get(r.contact.email)
      : r.contact.name
        ? byName.get(r.contact.name.toLowerCase())
        : undefined;
    if (!match) {
      const label = r.cohort.trim() || 'Participant';
      const n = (numbers.get(label) ?? 0) + 1;
      numbers.set(label, n);
      const created: Participant = {
        id: makeId(),
        descriptor: `${label} ${n}`.slice(0, 100),
        cohort: r.cohort,
        consent: noConsent(),
        demographics: { ...emptyDemographics(fieldIds), ...r.demographics },
        attendance: [{ sessionId, registered: true, attended: r.checkedIn }],
        contact: r.contact,
      };
      plan.create.push(created);
      // A later row for the same person (by name, having no email) is then the same person.
      const person = { ...created, contact: r.contact };
      if (r.contact.email) byEmail.set(r.contact.email, person);
      if (r.contact.name) byName.set(r.contact.name.toLowerCase(), person);
      continue;
    }
    const before = match.attendance.find((a) => a.sessionId === sessionId);
    const attendance = {
      sessionId,
      registered: true,
      attended: r.checkedIn || (before?.attended ?? false),
    };
    const contact: Partial<Contact> = {};
    for (const k of ['name', 'email', 'phone'] as const)
      if (r.contact[k] && !match.contact?.[k]) contact[k] = r.contact[k];
    const demographics: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.demographics))
      if (v && (match.demographics[k] ?? null) === null) demographics[k] = v;
    const same =
      before?.registered === attendance.registered &&
      before.attended === attendance.attended &&
      Object.keys(contact).length === 0 &&
      Object.keys(demographics).length === 0;
    if (same) plan.unchanged++;
    else
      plan.update.push({ participantId: match.id, row: r.row, attendance, contact, demographics });
  }
  return plan;
}
