import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { initiativeDelegates } from '../initiatives/index.ts';
import { auditLog } from '../missions/index.ts';
import { communicationAgendaSource } from './agenda-source.ts';
import { communicationSteps } from './procedure-tables.ts';

const { app, db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let officerPerson: Awaited<ReturnType<typeof buildPerson>>;
let collaboratorPerson: Awaited<ReturnType<typeof buildPerson>>;
let headPerson: Awaited<ReturnType<typeof buildPerson>>;

type TStep = {
  id: string;
  position: number;
  dueDate: string;
  status: string;
  version: number;
  owner: { id: string } | null;
  dateToConfirm: boolean;
  isOverdue: boolean;
  doneBy: { id: string } | null;
};

beforeAll(async () => {
  mission = await buildMission(db, { timeZone: 'Asia/Almaty' });
  plan = await buildPlan(db, { missionId: mission.id, acronym: 'COM' });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  officerPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Olga Officer',
    userId: officer.id,
  });
  collaboratorPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Carla Collaborator',
    kind: 'external_collaborator',
    userId: collaborator.id,
  });
  headPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Hugo Head',
    kind: 'head_of_mission',
    userId: head.id,
  });
});

async function createInitiative(body: Record<string, unknown>) {
  const res = await call('POST', '/api/initiatives', {
    cookie: officer.cookie,
    body: { planId: plan.id, title: 'Italian cinema week', type: 'exhibition', ...body },
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function stepsOf(initiativeId: string, cookie = officer.cookie): Promise<TStep[]> {
  const res = await call('GET', `/api/communication-steps?initiativeId=${initiativeId}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()).items as TStep[]).sort((a, b) => a.position - b.position);
}

const byPosition = (steps: TStep[]) => Object.fromEntries(steps.map((s) => [s.position, s.dueDate]));

describe('scheduling on initiative create and update', () => {
  it('gives a dated standard initiative nine steps, with owners from their roles', async () => {
    const initiative = await createInitiative({
      startDate: '2030-03-05',
      endDate: '2030-03-06',
      ownerId: officerPerson.id,
    });
    const steps = await stepsOf(initiative.id);
    expect(steps).toHaveLength(9);
    expect(byPosition(steps)).toMatchObject({
      1: '2030-02-23',
      2: '2030-02-28',
      3: '2030-03-04',
      6: '2030-03-07',
      10: '2030-03-13',
    });
    expect(steps.find((s) => s.position === 2)!.owner?.id).toBe(headPerson.id);
    expect(steps.find((s) => s.position === 1)!.owner?.id).toBe(officerPerson.id);
    expect(steps.every((s) => s.status === 'todo' && !s.dateToConfirm && !s.isOverdue)).toBe(true);
  });

  it('gives a major initiative ten steps and an undated one none', async () => {
    const major = await createInitiative({ startDate: '2030-05-10', importance: 'major' });
    expect(await stepsOf(major.id)).toHaveLength(10);
    const undated = await createInitiative({});
    expect(await stepsOf(undated.id)).toHaveLength(0);
  });

  it('flags the steps of a month-precision initiative as date to confirm', async () => {
    const initiative = await createInitiative({ startDate: '2030-09-01', datePrecision: 'month' });
    const steps = await stepsOf(initiative.id);
    expect(steps).toHaveLength(9);
    expect(steps.every((s) => s.dateToConfirm)).toBe(true);
    expect(byPosition(steps)[10]).toBe('2030-10-07');
  });

  it('moves the open steps when the date moves and keeps the done ones', async () => {
    const initiative = await createInitiative({ startDate: '2030-04-20' });
    const steps = await stepsOf(initiative.id);
    for (const position of [1, 2]) {
      const step = steps.find((s) => s.position === position)!;
      const res = await call('PATCH', `/api/communication-steps/${step.id}`, {
        cookie: officer.cookie,
        body: { status: 'done', version: step.version },
      });
      expect(res.status).toBe(200);
      expect((await res.json()).doneBy.id).toBe(officer.id);
    }
    const moved = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { startDate: '2030-05-02', endDate: '2030-05-02', version: initiative.version },
    });
    expect(moved.status).toBe(200);
    const after = byPosition(await stepsOf(initiative.id));
    expect(after[1]).toBe('2030-04-10');
    expect(after[2]).toBe('2030-04-15');
    expect(after[3]).toBe('2030-05-01');
    expect(after[10]).toBe('2030-05-09');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'communication_schedule'), eq(auditLog.entityId, initiative.id)));
    expect(audit.map((a) => (a.after as { moved: number; created: number }).moved)).toEqual([0, 7]);
  });

  it('adds step 7 when an initiative becomes major, and removes it (if open) when it stops being', async () => {
    const initiative = await createInitiative({ startDate: '2030-06-01' });
    const res = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { importance: 'major', version: initiative.version },
    });
    expect(res.status).toBe(200);
    expect((await stepsOf(initiative.id)).map((s) => s.position)).toContain(7);
    await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { importance: 'standard', version: initiative.version + 1 },
    });
    expect((await stepsOf(initiative.id)).map((s) => s.position)).not.toContain(7);
  });
});

describe('POST /api/initiatives/{id}/communication-steps/schedule', () => {
  it('schedules an initiative that existed before, once', async () => {
    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      startDate: '2031-01-05',
      endDate: '2031-01-05',
    });
    const first = await call('POST', `/api/initiatives/${initiative.id}/communication-steps/schedule`, {
      cookie: officer.cookie,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: 9, moved: 0, removed: 0 });
    const again = await (
      await call('POST', `/api/initiatives/${initiative.id}/communication-steps/schedule`, {
        cookie: officer.cookie,
      })
    ).json();
    expect(again).toMatchObject({ created: 0, moved: 0 });
    expect(again.steps).toHaveLength(9);
    expect(byPosition(again.steps)[1]).toBe('2030-12-26');
  });

  it('refuses an initiative without a date (400), viewers (403) and other missions (404)', async () => {
    const undated = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const res = await call('POST', `/api/initiatives/${undated.id}/communication-steps/schedule`, {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('startDate');
    const dated = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      startDate: '2031-02-01',
    });
    const path = `/api/initiatives/${dated.id}/communication-steps/schedule`;
    expect((await call('POST', path, { cookie: viewer.cookie })).status).toBe(403);
    expect((await call('POST', path, { cookie: outsider.cookie })).status).toBe(404);
  });
});

describe('PATCH /api/communication-steps/{id}', () => {
  let steps: TStep[];
  let initiativeId: string;
  beforeAll(async () => {
    const initiative = await createInitiative({ startDate: '2030-07-10' });
    initiativeId = initiative.id;
    steps = await stepsOf(initiative.id);
  });

  it('needs a reason to skip (400), and records it', async () => {
    const step = steps[3]!;
    const res = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'skipped', version: step.version },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toEqual(['skipReason']);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'skipped', skipReason: 'No social accounts for this one', version: step.version },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'skipped',
      skipReason: 'No social accounts for this one',
      version: step.version + 1,
    });
  });

  it('refuses a bad evidence link and an unknown status (400), a stale version (409)', async () => {
    const step = steps[4]!;
    const bad = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'finished', evidenceUrl: 'javascript:alert(1)', version: step.version },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'evidenceUrl',
      'status',
    ]);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'done', evidenceUrl: 'https://example.org/press-review.pdf', version: step.version },
    });
    expect((await ok.json()).evidenceUrl).toBe('https://example.org/press-review.pdf');
    const stale = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { notes: 'late', version: step.version },
    });
    expect(stale.status).toBe(409);
  });

  it('lets viewers read but not write (403), and hides other missions (404)', async () => {
    const step = steps[5]!;
    expect((await stepsOf(initiativeId, viewer.cookie)).length).toBe(9);
    const body = { status: 'done', version: step.version };
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: viewer.cookie, body })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: outsider.cookie, body })).status,
    ).toBe(404);
  });

  it('lets collaborators work only on their assigned initiatives, without reassigning', async () => {
    const step = steps[6]!;
    const body = { status: 'done', version: step.version };
    expect((await stepsOf(initiativeId, collaborator.cookie)).length).toBe(0);
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: collaborator.cookie, body }))
        .status,
    ).toBe(404);
    await db
      .insert(initiativeDelegates)
      .values({ missionId: mission.id, initiativeId, personId: collaboratorPerson.id });
    const reassign = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: collaborator.cookie,
      body: { ownerId: collaboratorPerson.id, version: step.version },
    });
    expect(reassign.status).toBe(403);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: collaborator.cookie,
      body,
    });
    expect(ok.status).toBe(200);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'communication_step'), eq(auditLog.entityId, step.id)));
    expect(audit.map((a) => a.userId)).toEqual([collaborator.id]);
  });

  it('lets writers reassign within the mission only (400 otherwise)', async () => {
    const step = steps[7]!;
    const stranger = await buildPerson(db, { missionId: (await buildMission(db)).id });
    const bad = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { ownerId: stranger.id, version: step.version },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('ownerId');
  });
});

describe('evidence files', () => {
  const upload = (stepId: string, cookie: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return app.request(`/api/communication-steps/${stepId}/evidence`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
  };

  it("stores a file as a step's evidence, replaced by the next, readable by who sees the step", async () => {
    const initiative = await createInitiative({ startDate: '2030-08-10' });
    const [step] = await stepsOf(initiative.id);
    const review = new File(['Rassegna stampa: 12 articles'], 'rassegna stampa.pdf', {
      type: 'application/pdf',
    });
    expect((await upload(step!.id, viewer.cookie, review)).status).toBe(403);
    expect((await upload(step!.id, outsider.cookie, review)).status).toBe(404);
    const empty = await upload(step!.id, officer.cookie, new File([], 'empty.pdf'));
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0].field).toBe('file');
    const res = await upload(step!.id, officer.cookie, review);
    expect(res.status).toBe(200);
    expect((await res.json()).evidenceFile).toMatchObject({
      name: 'rassegna stampa.pdf',
      contentType: 'application/pdf',
      size: 28,
    });
    const replaced = await upload(
      step!.id,
      officer.cookie,
      new File(['v2'], 'v2.txt', { type: 'text/plain' }),
    );
    expect((await replaced.json()).evidenceFile).toMatchObject({ name: 'v2.txt', size: 2 });
    const download = await call('GET', `/api/communication-steps/${step!.id}/evidence`, {
      cookie: viewer.cookie,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="v2.txt"');
    expect(await download.text()).toBe('v2');
    expect(
      (await call('GET', `/api/communication-steps/${step!.id}/evidence`, { cookie: outsider.cookie }))
        .status,
    ).toBe(404);
    const [other] = (await stepsOf(initiative.id)).slice(1);
    expect(
      (await call('GET', `/api/communication-steps/${other!.id}/evidence`, { cookie: officer.cookie }))
        .status,
    ).toBe(404);
  });
});

describe('my tasks and overdue', () => {
  it("lists the caller's steps and the open steps whose day has passed in the mission zone", async () => {
    const past = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Past concert',
      startDate: '2020-01-15',
      endDate: '2020-01-15',
      ownerId: officerPerson.id,
    });
    await call('POST', `/api/initiatives/${past.id}/communication-steps/schedule`, {
      cookie: officer.cookie,
    });
    const overdue = await (
      await call('GET', `/api/communication-steps?planId=${plan.id}&overdue=true`, { cookie: head.cookie })
    ).json();
    expect(overdue.total).toBe(9);
    expect(
      overdue.items.every(
        (s: TStep & { initiative: { id: string } }) => s.isOverdue && s.initiative.id === past.id,
      ),
    ).toBe(true);
    const mine = await (
      await call('GET', `/api/communication-steps?planId=${plan.id}&mine=true&limit=500`, {
        cookie: head.cookie,
      })
    ).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((s: TStep) => s.owner?.id === headPerson.id)).toBe(true);
  });

  it('feeds the weekly meeting agenda with the overdue steps', async () => {
    const items = await communicationAgendaSource.collect(db, {
      missionId: mission.id,
      planId: plan.id,
      meetingDate: '2020-01-20',
      timeZone: mission.timeZone,
    });
    // Before 2020-01-20: steps 1–5 (counted from 15 January), 6 (16 January), 8 and 9 (18 January).
    expect(items.map((i) => i.title.replace(/^Past concert: /, ''))).toEqual([
      expect.stringMatching(/^1\. /),
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^3\. /),
      expect.stringMatching(/^4\. /),
      expect.stringMatching(/^5\. /),
      expect.stringMatching(/^6\. /),
      expect.stringMatching(/^8\. /),
      expect.stringMatching(/^9\. /),
    ]);
    expect(items[0]).toMatchObject({
      source: 'communication.overdue',
      dueDate: '2020-01-05',
      severity: 'danger',
    });
    expect(items[5]).toMatchObject({ dueDate: '2020-01-16', severity: 'warning' });
    expect(items[7]).toMatchObject({
      dueDate: '2020-01-18',
      detail: 'Owner: Olga Officer · 2 days late',
      detailMessages: [
        { key: 'agenda.detail.owner', params: { name: 'Olga Officer' } },
        { key: 'agenda.detail.daysLate', params: { count: 2 } },
      ],
    });
  });
});

describe('the plan template', () => {
  it('defaults to the ten steps', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/communication-template`, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const template = await res.json();
    expect(template).toMatchObject({ isCustomised: false, version: 1, timeZone: 'Asia/Almaty' });
    expect(template.steps).toHaveLength(10);
  });

  it('refuses a negative reminder and an unknown anchor (400)', async () => {
    const { steps } = await (
      await call('GET', `/api/plans/${plan.id}/communication-template`, { cookie: head.cookie })
    ).json();
    steps[0].reminderMinutes = -5;
    steps[1].anchor = 'middle';
    const res = await call('PUT', `/api/plans/${plan.id}/communication-template`, {
      cookie: head.cookie,
      body: { steps, version: 1 },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'steps.0.reminderMinutes',
      'steps.1.anchor',
    ]);
  });

  it('is edited by the head of mission only (403 for officers), with a version (409)', async () => {
    const { steps } = await (
      await call('GET', `/api/plans/${plan.id}/communication-template`, { cookie: head.cookie })
    ).json();
    expect(
      (
        await call('PUT', `/api/plans/${plan.id}/communication-template`, {
          cookie: officer.cookie,
          body: { steps, version: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('PUT', `/api/plans/${plan.id}/communication-template`, {
          cookie: outsider.cookie,
          body: { steps, version: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('PUT', `/api/plans/${plan.id}/communication-template`, {
          cookie: head.cookie,
          body: { steps, version: 7 },
        })
      ).status,
    ).toBe(409);
  });

  it("moves the open steps of the plan's initiatives to the new offsets", async () => {
    const initiative = await createInitiative({ startDate: '2032-03-10' });
    const before = await stepsOf(initiative.id);
    const done = before.find((s) => s.position === 1)!;
    await call('PATCH', `/api/communication-steps/${done.id}`, {
      cookie: officer.cookie,
      body: { status: 'done', version: done.version },
    });
    const { steps } = await (
      await call('GET', `/api/plans/${plan.id}/communication-template`, { cookie: head.cookie })
    ).json();
    steps[0].offsetDays = -20;
    steps[2].offsetDays = -3;
    steps[2].dueTime = '10:00';
    const res = await call('PUT', `/api/plans/${plan.id}/communication-template`, {
      cookie: head.cookie,
      body: { steps, communicationOfficerId: officerPerson.id, version: 1 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      isCustomised: true,
      version: 2,
      communicationOfficer: { id: officerPerson.id },
    });
    const after = await stepsOf(initiative.id);
    expect(after.find((s) => s.position === 1)!.dueDate).toBe('2032-02-29');
    const third = after.find((s) => s.position === 3)! as TStep & { dueAt: string };
    expect(third.dueDate).toBe('2032-03-07');
    expect(third.dueAt).toBe('2032-03-07T05:00:00.000Z');
    // Put the default back for the tests below.
    steps[0].offsetDays = -10;
    steps[2].offsetDays = -1;
    steps[2].dueTime = null;
    await call('PUT', `/api/plans/${plan.id}/communication-template`, {
      cookie: head.cookie,
      body: { steps, version: 2 },
    });
  });
});

describe('calendars', () => {
  let plan2: Awaited<ReturnType<typeof buildPlan>>;
  let stepIds: string[];
  let initiativeId: string;
  beforeAll(async () => {
    plan2 = await buildPlan(db, { missionId: mission.id, acronym: 'ICS' });
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan2.id,
        title: 'Opera gala',
        type: 'concert',
        startDate: '2024-03-01',
        endDate: '2024-03-02',
        ownerId: officerPerson.id,
        importance: 'major',
      },
    });
    initiativeId = (await res.json()).id;
    const rows = await db
      .select()
      .from(communicationSteps)
      .where(eq(communicationSteps.initiativeId, initiativeId));
    stepIds = rows.sort((a, b) => a.position - b.position).map((r) => r.id);
  });

  function parse(text: string) {
    const component = new ICAL.Component(ICAL.parse(text));
    return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  }

  it('exports the plan: initiatives and steps, all-day, with stable UIDs and reminders', async () => {
    const res = await call('GET', `/api/plans/${plan2.id}/communication-calendar.ics`, {
      cookie: viewer.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const events = parse(await res.text());
    expect(events).toHaveLength(11);
    const gala = events.find((e) => e.uid === `initiative-${initiativeId}@softpower`)!;
    expect(gala.startDate.isDate).toBe(true);
    expect(gala.startDate.toString()).toBe('2024-03-01');
    expect(gala.endDate.toString()).toBe('2024-03-03');
    const first = events.find((e) => e.uid === `communication-step-${stepIds[0]}@softpower`)!;
    expect(first.summary).toBe('1. Key message and target audiences defined — Opera gala');
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2024-02-20');
    const alarms = first.component.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-86_400);
    const sixth = events.find((e) => e.uid === `communication-step-${stepIds[5]}@softpower`)!;
    expect(sixth.component.getAllSubcomponents('valarm')).toHaveLength(0);
    // The same UID on a second export.
    const again = parse(
      await (
        await call('GET', `/api/plans/${plan2.id}/communication-calendar.ics`, { cookie: officer.cookie })
      ).text(),
    );
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it('writes timed steps as UTC instants, computed in the mission zone', async () => {
    const { steps } = await (
      await call('GET', `/api/plans/${plan2.id}/communication-template`, { cookie: head.cookie })
    ).json();
    steps[2].dueTime = '09:30';
    steps[2].reminderMinutes = 45;
    expect(
      (
        await call('PUT', `/api/plans/${plan2.id}/communication-template`, {
          cookie: head.cookie,
          body: { steps, version: 1 },
        })
      ).status,
    ).toBe(200);
    const events = parse(
      await (
        await call('GET', `/api/plans/${plan2.id}/communication-calendar.ics`, { cookie: head.cookie })
      ).text(),
    );
    const third = events.find((e) => e.uid === `communication-step-${stepIds[2]}@softpower`)!;
    // 29 February 2024, 09:30 in Almaty was still UTC+6.
    expect(third.startDate.isDate).toBe(false);
    expect(third.startDate.toJSDate().toISOString()).toBe('2024-02-29T03:30:00.000Z');
    expect(third.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe(
      '-PT45M',
    );
  });

  it("gives a person's calendar only their steps and initiatives", async () => {
    const res = await call(
      'GET',
      `/api/plans/${plan2.id}/communication-calendar.ics?personId=${headPerson.id}`,
      { cookie: officer.cookie },
    );
    const events = parse(await res.text());
    expect(events.map((e) => e.summary)).toEqual([expect.stringMatching(/^2\. Interview/)]);
    expect(
      (await call('GET', `/api/plans/${plan2.id}/communication-calendar.ics`, { cookie: outsider.cookie }))
        .status,
    ).toBe(404);
  });

  it('serves a secret feed without a session, until it is revoked', async () => {
    const created = await call('POST', '/api/calendar-feeds', {
      cookie: officer.cookie,
      body: { planId: plan2.id, scope: 'person' },
    });
    expect(created.status).toBe(201);
    const feed = await created.json();
    expect(feed.person.id).toBe(officerPerson.id);
    const path = new URL(feed.url).pathname;
    const res = await call('GET', path);
    expect(res.status).toBe(200);
    const events = parse(await res.text());
    expect(events.some((e) => e.uid === `initiative-${initiativeId}@softpower`)).toBe(true);
    expect(events.some((e) => e.summary.startsWith('2. '))).toBe(false);
    const list = await (
      await call('GET', `/api/calendar-feeds?planId=${plan2.id}`, { cookie: officer.cookie })
    ).json();
    expect(list.map((f: { id: string }) => f.id)).toEqual([feed.id]);
    expect(list[0].url).toBeUndefined();
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { cookie: viewer.cookie })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { cookie: officer.cookie })).status).toBe(
      200,
    );
    expect((await call('GET', path)).status).toBe(404);
    expect((await call('GET', '/api/calendar-feeds/ics/not-a-real-token-at-all-000.ics')).status).toBe(404);
  });

  it('refuses a person feed to an account without a person (400)', async () => {
    const res = await call('POST', '/api/calendar-feeds', {
      cookie: viewer.cookie,
      body: { planId: plan2.id, scope: 'person' },
    });
    expect(res.status).toBe(400);
    const plain = await call('POST', '/api/calendar-feeds', {
      cookie: viewer.cookie,
      body: { planId: plan2.id, scope: 'plan' },
    });
    expect(plain.status).toBe(201);
  });
});
