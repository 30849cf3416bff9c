import { describe, expect, it } from 'vitest';
import {
  computeStepDue,
  DEFAULT_COMMUNICATION_TEMPLATE,
  defaultStepOwner,
  type IExistingStep,
  type IScheduledInitiative,
  type ITemplateStep,
  isStepOverdue,
  localDay,
  planSchedule,
  shiftDay,
} from './communication-schedule.ts';

const ALMATY = 'Asia/Almaty';
const template = DEFAULT_COMMUNICATION_TEMPLATE;
const initiative = (over: Partial<IScheduledInitiative> = {}): IScheduledInitiative => ({
  startDate: '2022-06-10',
  endDate: '2022-06-12',
  datePrecision: 'day',
  importance: 'standard',
  ...over,
});
const dueDates = (changes: ReturnType<typeof planSchedule>) =>
  Object.fromEntries(changes.create.map((c) => [c.template.position, c.dueDate]));

/** The created steps as stored rows, for rescheduling. */
function stored(changes: ReturnType<typeof planSchedule>): IExistingStep[] {
  return changes.create.map((c, i) => ({
    id: `id-${i + 1}`,
    templateKey: c.template.key,
    status: 'todo',
    position: c.template.position,
    title: c.template.title,
    dueDate: c.dueDate,
    dueAt: c.dueAt,
    remindAt: c.remindAt,
    dateToConfirm: c.dateToConfirm,
  }));
}

describe('the default template', () => {
  it('has the ten steps of DESIGN §8 with their offsets and anchors', () => {
    expect(template.map((s) => [s.position, s.offsetDays, s.anchor])).toEqual([
      [1, -10, 'start'],
      [2, -5, 'start'],
      [3, -1, 'start'],
      [4, 0, 'start'],
      [5, 0, 'start'],
      [6, 1, 'end'],
      [7, 1, 'end'],
      [8, 3, 'end'],
      [9, 3, 'end'],
      [10, 7, 'end'],
    ]);
    expect(template[6]!.condition).toEqual({ importance: 'major' });
  });
});

describe('planSchedule', () => {
  it('schedules nine steps for a standard initiative, counted from its start and end', () => {
    const changes = planSchedule({ template, initiative: initiative(), existing: [], timeZone: ALMATY });
    expect(changes.create).toHaveLength(9);
    expect(dueDates(changes)).toEqual({
      1: '2022-05-31',
      2: '2022-06-05',
      3: '2022-06-09',
      4: '2022-06-10',
      5: '2022-06-10',
      6: '2022-06-13',
      8: '2022-06-15',
      9: '2022-06-15',
      10: '2022-06-19',
    });
    expect(changes.create.every((c) => !c.dateToConfirm)).toBe(true);
  });

  it('adds step 7 only for a major initiative', () => {
    const changes = planSchedule({
      template,
      initiative: initiative({ importance: 'major' }),
      existing: [],
      timeZone: ALMATY,
    });
    expect(changes.create).toHaveLength(10);
    expect(dueDates(changes)[7]).toBe('2022-06-13');
  });

  it('counts across month and year ends, and leap days', () => {
    const changes = planSchedule({
      template,
      initiative: initiative({ startDate: '2024-03-03', endDate: '2024-12-28', importance: 'major' }),
      existing: [],
      timeZone: ALMATY,
    });
    expect(dueDates(changes)[1]).toBe('2024-02-22');
    expect(dueDates(changes)[3]).toBe('2024-03-02');
    expect(dueDates(changes)[8]).toBe('2024-12-31');
    expect(dueDates(changes)[10]).toBe('2025-01-04');
    expect(shiftDay('2023-03-01', -1, ALMATY)).toBe('2023-02-28');
    expect(shiftDay('2024-03-01', -1, ALMATY)).toBe('2024-02-29');
  });

  it('flags the steps of an initiative known only to the month as date to confirm', () => {
    const changes = planSchedule({
      template,
      initiative: initiative({ startDate: '2022-09-01', endDate: '2022-09-30', datePrecision: 'month' }),
      existing: [],
      timeZone: ALMATY,
    });
    expect(changes.create.every((c) => c.dateToConfirm)).toBe(true);
    expect(dueDates(changes)[1]).toBe('2022-08-22');
    expect(dueDates(changes)[10]).toBe('2022-10-07');
  });

  it('does nothing for an initiative without a date', () => {
    const changes = planSchedule({
      template,
      initiative: initiative({ startDate: null, endDate: null }),
      existing: [],
      timeZone: ALMATY,
    });
    expect(changes).toEqual({ create: [], update: [], remove: [] });
  });

  it('moves the open steps when the date moves and keeps the finished ones', () => {
    const first = stored(
      planSchedule({ template, initiative: initiative(), existing: [], timeZone: ALMATY }),
    );
    first[0]!.status = 'done';
    first[1]!.status = 'skipped';
    const moved = planSchedule({
      template,
      initiative: initiative({ startDate: '2022-07-01', endDate: '2022-07-01' }),
      existing: first,
      timeZone: ALMATY,
    });
    expect(moved.create).toEqual([]);
    expect(moved.remove).toEqual([]);
    const updatedIds = moved.update.map((u) => u.id);
    expect(updatedIds).not.toContain('id-1');
    expect(updatedIds).not.toContain('id-2');
    expect(updatedIds).toHaveLength(7);
    expect(moved.update.find((u) => u.id === 'id-3')!.dueDate).toBe('2022-06-30');
    expect(moved.update.find((u) => u.id === 'id-9')!.dueDate).toBe('2022-07-08');
  });

  it('changes nothing when the date stays', () => {
    const first = stored(
      planSchedule({ template, initiative: initiative(), existing: [], timeZone: ALMATY }),
    );
    expect(planSchedule({ template, initiative: initiative(), existing: first, timeZone: ALMATY })).toEqual({
      create: [],
      update: [],
      remove: [],
    });
  });

  it('applies conditions again: a major initiative made standard loses its open step 7, not a done one', () => {
    const major = initiative({ importance: 'major' });
    const steps = stored(planSchedule({ template, initiative: major, existing: [], timeZone: ALMATY }));
    const step7 = steps.find((s) => s.templateKey === 'step-7')!;
    const standard = initiative({ importance: 'standard' });
    expect(
      planSchedule({ template, initiative: standard, existing: steps, timeZone: ALMATY }).remove,
    ).toEqual([step7.id]);
    step7.status = 'done';
    expect(
      planSchedule({ template, initiative: standard, existing: steps, timeZone: ALMATY }).remove,
    ).toEqual([]);
  });
});

describe('time zones', () => {
  const timed: ITemplateStep = { ...template[2]!, dueTime: '09:00', reminderMinutes: 60 };

  it('computes instants in Asia/Almaty with the offset in force on the day (UTC+6 until March 2024, then UTC+5)', () => {
    const before = computeStepDue(timed, initiative({ startDate: '2024-02-20', endDate: null }), ALMATY)!;
    expect(before.dueDate).toBe('2024-02-19');
    expect(before.dueAt!.toISOString()).toBe('2024-02-19T03:00:00.000Z');
    expect(before.remindAt!.toISOString()).toBe('2024-02-19T02:00:00.000Z');
    const after = computeStepDue(timed, initiative({ startDate: '2024-03-11', endDate: null }), ALMATY)!;
    expect(after.dueDate).toBe('2024-03-10');
    expect(after.dueAt!.toISOString()).toBe('2024-03-10T04:00:00.000Z');
    expect(after.remindAt!.toISOString()).toBe('2024-03-10T03:00:00.000Z');
  });

  it('reminds all-day steps from the start of the day in the mission zone', () => {
    const due = computeStepDue(template[0]!, initiative({ startDate: '2024-03-11', endDate: null }), ALMATY)!;
    expect(due.dueDate).toBe('2024-03-01');
    expect(due.dueAt).toBeNull();
    // One day before 2024-03-01 00:00 in Almaty (UTC+5 from that day): 2024-02-29 00:00 local, still UTC+6.
    expect(due.remindAt!.toISOString()).toBe('2024-02-28T19:00:00.000Z');
    const rome = computeStepDue(
      template[0]!,
      initiative({ startDate: '2024-03-11', endDate: null }),
      'Europe/Rome',
    )!;
    expect(rome.remindAt!.toISOString()).toBe('2024-02-28T23:00:00.000Z');
  });

  it('tells the local day and overdue steps in the mission zone', () => {
    const evening = new Date('2024-03-01T20:00:00Z');
    expect(localDay(evening, ALMATY)).toBe('2024-03-02');
    expect(localDay(evening, 'Europe/Rome')).toBe('2024-03-01');
    const s = { status: 'todo' as const, dueDate: '2024-03-01', dueAt: null };
    expect(isStepOverdue(s, evening, ALMATY)).toBe(true);
    expect(isStepOverdue(s, evening, 'Europe/Rome')).toBe(false);
    expect(isStepOverdue({ ...s, status: 'done' }, evening, ALMATY)).toBe(false);
  });
});

describe('defaultStepOwner', () => {
  it('follows the role and falls back to the initiative owner', () => {
    const people = { initiativeOwnerId: 'owner', headOfMissionId: 'head', communicationOfficerId: null };
    expect(defaultStepOwner('head_of_mission', people)).toBe('head');
    expect(defaultStepOwner('communication_officer', people)).toBe('owner');
    expect(defaultStepOwner('communication_officer', { ...people, communicationOfficerId: 'press' })).toBe(
      'press',
    );
    expect(defaultStepOwner('initiative_owner', people)).toBe('owner');
  });
});
