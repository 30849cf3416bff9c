/** The communication procedure's API: my tasks and overdue steps, the plan's template, calendar feeds. */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildPlan } from '../../../../test/helpers/factories.ts';
import { communicationAgendaSource } from './agenda-source.ts';
import {
  call,
  createInitiative,
  db,
  head,
  headPerson,
  mission,
  officer,
  officerPerson,
  outsider,
  plan,
  stepsOf,
  type TStep,
  viewer,
} from './procedure.routes.fixture.ts';
import { communicationSteps } from './procedure-tables.ts';

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
