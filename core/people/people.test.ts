import { describe, expect, it } from 'vitest';
import { makeFixtureSnapshot } from '../analysis/fixture-snapshot.ts';
import { attendanceBySession, erasureLine } from '../analysis/attendance.ts';
import { tallyDemographics } from '../analysis/demographics.ts';
import { ProgrammeDoc } from '../docs/programme-doc.ts';
import { actionFormSchema } from '../model/action-form.ts';
import { programmeSnapshotSchema } from '../snapshot/snapshot.ts';
import { serialiseProgrammeFile, parseProgrammeFile } from '../snapshot/programme-file.ts';
import {
  fieldErrors,
  programmeCohorts,
  registrationSchema,
  suggestDescriptor,
} from './registration.ts';
import { sessionRegister } from './register-view.ts';

const form = {
  descriptor: 'Resident 4',
  cohort: 'Residents and service users',
  name: '',
  email: '',
  phone: '',
  sessionIds: [],
};

describe('registration', () => {
  it('turns blanks into nulls and names each bad field', () => {
    expect(registrationSchema.parse(form)).toMatchObject({ name: null, email: null, phone: null });
    const bad = registrationSchema.safeParse({
      ...form,
      descriptor: ' ',
      email: 'nope',
      phone: 'call me',
    });
    expect(bad.success).toBe(false);
    const errors = fieldErrors(bad.error!);
    expect(Object.keys(errors).sort()).toEqual(['descriptor', 'email', 'phone']);
    expect(errors.email).toMatch(/email address such as/);
  });

  it("suggests the cohort's next descriptor, numbers compared as numbers", () => {
    const snap = makeFixtureSnapshot();
    const cohorts = programmeCohorts(
      [],
      snap.sessions.map((s) => s.session),
      snap.participants,
    );
    const residents = cohorts.find((c) => c.name === 'Residents and service users')!;
    expect(residents.descriptor).toBe('Resident');
    const highest = Math.max(
      ...snap.participants
        .map((p) => /^Resident (\d+)$/.exec(p.descriptor)?.[1])
        .filter(Boolean)
        .map(Number),
    );
    expect(suggestDescriptor(residents, snap.participants)).toBe(`Resident ${highest + 1}`);
    expect(suggestDescriptor({ name: 'Carers', descriptor: 'Carer' }, [])).toBe('Carer 1');
  });
});

describe('the register and the reports agree', () => {
  it('shows walk-ins in words and counts as the report does', () => {
    const snap = makeFixtureSnapshot();
    for (const rec of snap.sessions) {
      const reg = sessionRegister(rec.session, snap.participants);
      const report = attendanceBySession(snap).find((a) => a.session.id === rec.session.id)!;
      const figures: Partial<typeof report> = { ...report };
      delete figures.session;
      expect(reg.totals).toEqual(figures);
      expect(reg.rows.filter((r) => r.walkIn).length).toBe(report.walkIns);
    }
  });

  it('counts an erased person in attendance only, with a line saying so', () => {
    const snap = makeFixtureSnapshot();
    const before = attendanceBySession(snap);
    const demoBefore = tallyDemographics(snap).n;
    const who = snap.participants.find((p) => p.attendance.some((a) => a.attended))!;
    who.erasedAt = '2026-04-01T10:00:00.000Z';
    who.demographics = { gender: null, ageBand: null, ethnicity: null, town: null };
    const after = attendanceBySession(snap);
    expect(after.map((a) => a.attended)).toEqual(before.map((a) => a.attended));
    expect(tallyDemographics(snap).n).toBe(demoBefore - 1);
    expect(erasureLine(snap.participants)).toBe(
      'The record of 1 person was erased at their request: they are counted in the attendance figures only.',
    );
    expect(erasureLine([])).toBeNull();
    // The mark survives the programme file.
    const again = parseProgrammeFile(serialiseProgrammeFile(snap)).snapshot;
    expect(again.participants.find((p) => p.id === who.id)?.erasedAt).toBe(who.erasedAt);
  });
});

describe('actions and recommendations', () => {
  it('refuses a due date that is not a date', () => {
    const base = {
      heard: 'Letters come late',
      done: '',
      owner: '',
      status: 'open',
      term: 'short',
      themeIds: [],
      noteIds: [],
      shared: false,
    };
    for (const due of ['next Tuesday', '2026-02-30', '14/03/2026'])
      expect(fieldErrors(actionFormSchema.safeParse({ ...base, due }).error!).due).toMatch(
        /real date/,
      );
    expect(actionFormSchema.parse({ ...base, due: ' ' }).due).toBeNull();
    expect(actionFormSchema.parse({ ...base, due: '2026-03-14' }).due).toBe('2026-03-14');
    expect(
      fieldErrors(actionFormSchema.safeParse({ ...base, heard: '', due: '' }).error!).heard,
    ).toMatch(/what was heard/);
  });

  it('keeps the order the facilitator sets, across two documents', () => {
    const a = ProgrammeDoc.create();
    for (const id of ['r1', 'r2', 'r3'])
      a.addRecommendation({ id, text: `Recommendation ${id}`, themeIds: [] });
    a.reorderRecommendations(['r3', 'r1', 'r2']);
    expect(a.orderedRecommendations().map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
    a.removeRecommendation('r1');
    a.addRecommendation({ id: 'r4', text: 'Last', themeIds: [] });
    expect(a.orderedRecommendations().map((r) => r.id)).toEqual(['r3', 'r2', 'r4']);
  });

  it('checks that evidence notes exist', () => {
    const snap = makeFixtureSnapshot();
    const noteId = snap.sessions[0]!.notes[0]!.id;
    snap.recommendations.push({ id: 'rx', text: 'X', themeIds: [], noteIds: [noteId], order: 99 });
    expect(programmeSnapshotSchema.safeParse(snap).success).toBe(true);
    snap.actions.push({
      id: 'ax',
      heard: 'Y',
      done: '',
      owner: '',
      due: null,
      status: 'open',
      term: 'short',
      themeIds: [],
      noteIds: ['no-such-note'],
      shared: false,
    });
    const r = programmeSnapshotSchema.safeParse(snap);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('unknown note no-such-note');
  });
});
