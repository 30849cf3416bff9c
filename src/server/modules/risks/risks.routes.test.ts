import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { riskAgendaSources } from './agenda-sources.ts';
import { alarmObservations, alerts, riskActions, tasks } from './tables.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let owner: Awaited<ReturnType<typeof buildPerson>>;
let initiative: Awaited<ReturnType<typeof buildInitiative>>;

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const headquarters = await buildMission(db, { kind: 'headquarters' });
  hq = await buildUser(db, { missionId: headquarters.id, role: 'admin' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  owner = await buildPerson(db, { missionId: mission.id, fullName: 'Emilio Sessa' });
  initiative = await buildInitiative(db, {
    missionId: mission.id,
    planId: plan.id,
    title: 'Opera gala',
    fallbackAlternative: 'Online streaming of the gala',
  });
});

const pandemic = () => ({
  planId: plan.id,
  area: 'pandemic',
  title: 'A new Covid-19 wave',
  cause: 'New variants',
  event: 'Restrictions on gatherings',
  consequence: 'Events postponed or cancelled',
  inherentLikelihood: 'likely',
  inherentImpact: 'major',
  residualLikelihood: 'possible',
  residualImpact: 'moderate',
  response: 'reduce',
  ownerId: owner.id,
  reviewDate: '2022-03-01',
  actions: [
    { description: 'Plan an online alternative for each event', ownerId: owner.id, dueDate: '2022-01-15' },
  ],
});

async function createRisk(body: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/risks', { cookie: officer.cookie, body: { ...pandemic(), ...body } });
  expect(res.status).toBe(201);
  return res.json();
}

async function createVariable(riskId: string, body: Record<string, unknown> = {}) {
  const res = await call('POST', `/api/risks/${riskId}/alarm-variables`, {
    cookie: officer.cookie,
    body: {
      metric: 'New cases per day in Astana',
      unit: 'cases',
      direction: 'higher_is_worse',
      amberBound: 100,
      redBound: 500,
      frequency: 'weekly',
      escalationOwnerId: owner.id,
      exposedInitiativeIds: [initiative.id],
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.json();
}

describe('risk settings', () => {
  it('gives the defaults, then lets the head of mission edit the matrix (the levels follow)', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/risk-settings`, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const settings = await res.json();
    expect(settings.version).toBe(0);
    expect(settings.areas.map((a: { key: string }) => a.key)).toEqual([
      'internal_stability',
      'pandemic',
      'implementation',
    ]);
    expect(settings.matrix[0]).toEqual(['high', 'high', 'extreme', 'extreme', 'extreme']);

    const body = { version: 0, areas: [...settings.areas, { key: 'reputation', name: 'Reputation' }] };
    expect(
      (await call('PUT', `/api/plans/${plan.id}/risk-settings`, { cookie: officer.cookie, body })).status,
    ).toBe(403);
    const saved = await call('PUT', `/api/plans/${plan.id}/risk-settings`, { cookie: head.cookie, body });
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(1);
    const stale = await call('PUT', `/api/plans/${plan.id}/risk-settings`, { cookie: head.cookie, body });
    expect(stale.status).toBe(409);

    // A risk in rare × insignificant is low by default, extreme once the matrix says so.
    const risk = await (
      await call('POST', '/api/risks', {
        cookie: officer.cookie,
        body: {
          ...pandemic(),
          area: 'reputation',
          inherentLikelihood: 'rare',
          inherentImpact: 'insignificant',
        },
      })
    ).json();
    expect(risk.inherentLevel).toBe('low');
    const matrix = settings.matrix.map((row: string[]) => [...row]);
    matrix[4][0] = 'extreme';
    const edited = await call('PUT', `/api/plans/${plan.id}/risk-settings`, {
      cookie: head.cookie,
      body: { version: 1, matrix },
    });
    expect(edited.status).toBe(200);
    const after = await (await call('GET', `/api/risks/${risk.id}`, { cookie: viewer.cookie })).json();
    expect(after).toMatchObject({ inherentLevel: 'extreme', residualLevel: 'high', areaName: 'Reputation' });
    // An area still used by a risk cannot be removed.
    const removed = await call('PUT', `/api/plans/${plan.id}/risk-settings`, {
      cookie: head.cookie,
      body: { version: 2, areas: settings.areas },
    });
    expect(removed.status).toBe(400);
    expect(await fieldsOf(removed)).toEqual(['areas']);
  });

  it('refuses a matrix that is not 5×5 levels (400)', async () => {
    const res = await call('PUT', `/api/plans/${plan.id}/risk-settings`, {
      cookie: head.cookie,
      body: { version: 2, matrix: [['low']] },
    });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res))[0]).toMatch(/^matrix/);
  });
});

describe('risk register', () => {
  it('refuses callers without a session (401)', async () => {
    expect((await call('POST', '/api/risks', { body: pandemic() })).status).toBe(401);
  });

  it('names a likelihood outside the scale and an unknown area (400)', async () => {
    const res = await call('POST', '/api/risks', {
      cookie: officer.cookie,
      body: { ...pandemic(), inherentLikelihood: 'very_likely', residualImpact: 6 },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['inherentLikelihood', 'residualImpact']);
    const area = await call('POST', '/api/risks', {
      cookie: officer.cookie,
      body: { ...pandemic(), area: 'weather' },
    });
    expect(area.status).toBe(400);
    expect(await fieldsOf(area)).toEqual(['area']);
  });

  it('lets viewers, collaborators and headquarters read but not write (403), other missions not at all (404)', async () => {
    for (const user of [viewer, collaborator, hq])
      expect((await call('POST', '/api/risks', { cookie: user.cookie, body: pandemic() })).status).toBe(403);
    expect((await call('POST', '/api/risks', { cookie: outsider.cookie, body: pandemic() })).status).toBe(
      404,
    );
    const risk = await createRisk();
    expect((await call('GET', `/api/risks/${risk.id}`, { cookie: hq.cookie })).status).toBe(200);
    expect((await call('GET', `/api/risks/${risk.id}`, { cookie: viewer.cookie })).status).toBe(200);
    expect((await call('GET', `/api/risks/${risk.id}`, { cookie: outsider.cookie })).status).toBe(404);
    const patch = { version: risk.version, title: 'Changed' };
    expect((await call('PATCH', `/api/risks/${risk.id}`, { cookie: hq.cookie, body: patch })).status).toBe(
      403,
    );
    expect(
      (await call('PATCH', `/api/risks/${risk.id}`, { cookie: viewer.cookie, body: patch })).status,
    ).toBe(403);
  });

  it('levels a risk from the matrix, keeps its actions, and versions and audits updates', async () => {
    const risk = await createRisk();
    expect(risk).toMatchObject({
      area: 'pandemic',
      areaName: 'Pandemic',
      inherentLevel: 'extreme',
      inherentScore: 16,
      residualLevel: 'high',
      residualScore: 9,
      owner: { id: owner.id, fullName: 'Emilio Sessa' },
      alarmStatus: 'no_data',
    });
    expect(risk.actions).toEqual([
      expect.objectContaining({ description: 'Plan an online alternative for each event', isDone: false }),
    ]);
    const updated = await call('PATCH', `/api/risks/${risk.id}`, {
      cookie: officer.cookie,
      body: {
        version: risk.version,
        residualLikelihood: 'rare',
        actions: [{ description: 'Plan an online alternative for each event', isDone: true }],
      },
    });
    expect(updated.status).toBe(200);
    const body = await updated.json();
    expect(body.residualLevel).toBe('moderate');
    expect(body.actions[0].isDone).toBe(true);
    const stale = await call('PATCH', `/api/risks/${risk.id}`, {
      cookie: officer.cookie,
      body: { version: risk.version, title: 'Too late' },
    });
    expect(stale.status).toBe(409);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'risk'), eq(auditLog.entityId, risk.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });
});

describe('alarm variables and observations', () => {
  it('names redBound when the bounds are in the wrong order for the direction (400)', async () => {
    const risk = await createRisk();
    for (const body of [
      { direction: 'higher_is_worse', amberBound: 500, redBound: 100 },
      { direction: 'lower_is_worse', amberBound: 30, redBound: 60 },
    ]) {
      const res = await call('POST', `/api/risks/${risk.id}/alarm-variables`, {
        cookie: officer.cookie,
        body: { metric: 'x', frequency: 7, ...body },
      });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(['redBound']);
    }
    const variable = await createVariable(risk.id);
    const flipped = await call('PATCH', `/api/alarm-variables/${variable.id}`, {
      cookie: officer.cookie,
      body: { version: variable.version, direction: 'lower_is_worse' },
    });
    expect(flipped.status).toBe(400);
    expect(await fieldsOf(flipped)).toEqual(['redBound']);
    const badFrequency = await call('POST', `/api/risks/${risk.id}/alarm-variables`, {
      cookie: officer.cookie,
      body: { metric: 'x', direction: 'higher_is_worse', amberBound: 1, redBound: 2, frequency: 'hourly' },
    });
    expect(await fieldsOf(badFrequency)).toEqual(['frequency']);
  });

  it('refuses an observation without a date (400) and writes from viewers or headquarters (403)', async () => {
    const risk = await createRisk();
    const variable = await createVariable(risk.id);
    const res = await call('POST', `/api/alarm-variables/${variable.id}/observations`, {
      cookie: officer.cookie,
      body: { value: 12 },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['observedOn']);
    for (const user of [viewer, collaborator, hq]) {
      const denied = await call('POST', `/api/alarm-variables/${variable.id}/observations`, {
        cookie: user.cookie,
        body: { observedOn: '2022-01-10', value: 12 },
      });
      expect(denied.status).toBe(user === collaborator ? 404 : 403);
    }
  });

  it('raises an alert and a corrective task when an observation crosses into red, once', async () => {
    const risk = await createRisk();
    const variable = await createVariable(risk.id);
    expect(variable).toMatchObject({ frequencyDays: 7, status: 'no_data' });
    const observe = (observedOn: string, value: number) =>
      call('POST', `/api/alarm-variables/${variable.id}/observations`, {
        cookie: officer.cookie,
        body: { observedOn, value, source: 'Ministry of Health', note: null },
      });
    const green = await (await observe('2022-01-03', 40)).json();
    expect(green.alert).toBeNull();
    expect(green.observations[0].level).toBe('green');

    const red = await observe('2022-01-10', 650);
    expect(red.status).toBe(201);
    const body = await red.json();
    expect(body.alert).toMatchObject({
      level: 'red',
      status: 'open',
      observation: { observedOn: '2022-01-10', value: 650 },
      exposedInitiatives: [
        { id: initiative.id, title: 'Opera gala', fallbackAlternative: 'Online streaming of the gala' },
      ],
    });
    expect(body.alert.task.title).toMatch(/New cases per day in Astana is red/);
    const [task] = await db.select().from(tasks).where(eq(tasks.alertId, body.alert.id));
    expect(task).toMatchObject({ ownerId: owner.id, status: 'open', initiativeId: initiative.id });

    // Still red: no second alert.
    expect((await (await observe('2022-01-17', 700)).json()).alert).toBeNull();

    const warnings = await (
      await call('GET', `/api/initiatives/${initiative.id}/alerts`, { cookie: viewer.cookie })
    ).json();
    expect(warnings.items.map((a: { id: string }) => a.id)).toContain(body.alert.id);

    const noNote = await call('POST', `/api/alerts/${body.alert.id}/resolve`, {
      cookie: officer.cookie,
      body: { note: ' ' },
    });
    expect(noNote.status).toBe(400);
    expect(await fieldsOf(noNote)).toEqual(['note']);
    expect(
      (
        await call('POST', `/api/alerts/${body.alert.id}/resolve`, {
          cookie: viewer.cookie,
          body: { note: 'x' },
        })
      ).status,
    ).toBe(403);
    const resolved = await call('POST', `/api/alerts/${body.alert.id}/resolve`, {
      cookie: officer.cookie,
      body: { note: 'Moved the gala online' },
    });
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).status).toBe('resolved');
    const after = await (
      await call('GET', `/api/initiatives/${initiative.id}/alerts`, { cookie: viewer.cookie })
    ).json();
    expect(after.items.map((a: { id: string }) => a.id)).not.toContain(body.alert.id);
  });

  it('imports observations from CSV, all or nothing, naming the bad row and column', async () => {
    const risk = await createRisk();
    const variable = await createVariable(risk.id, {
      metric: 'Venue availability',
      direction: 'lower_is_worse',
      amberBound: 60,
      redBound: 30,
      frequency: 30,
    });
    const bad = await call('POST', `/api/alarm-variables/${variable.id}/observations/import`, {
      cookie: officer.cookie,
      body: {
        csv: 'observedOn,value,source\n2022-02-01,80,Akimat\n2022-02-31,70,Akimat\n2022-03-01,lots,\n',
      },
    });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['row 3, column observedOn', 'row 4, column value']);
    const stored = await db
      .select()
      .from(alarmObservations)
      .where(eq(alarmObservations.alarmVariableId, variable.id));
    expect(stored).toHaveLength(0);

    const good = await call('POST', `/api/alarm-variables/${variable.id}/observations/import`, {
      cookie: officer.cookie,
      body: { csv: 'date,value,note\n2022-02-01,80,\n2022-03-01,45,Half the halls closed\n' },
    });
    expect(good.status).toBe(201);
    const body = await good.json();
    expect(body.observations).toHaveLength(2);
    expect(body.alert).toMatchObject({ level: 'amber' });
    expect(body.variable.latest).toEqual({ observedOn: '2022-03-01', value: 45 });
  });
});

describe('tasks', () => {
  it('lists the corrective tasks and lets a writer mark one done', async () => {
    const list = await (
      await call('GET', `/api/tasks?planId=${plan.id}&fromAlerts=true`, { cookie: hq.cookie })
    ).json();
    expect(list.items.length).toBeGreaterThan(0);
    const task = list.items[0];
    const patch = { version: task.version, status: 'done' };
    expect((await call('PATCH', `/api/tasks/${task.id}`, { cookie: hq.cookie, body: patch })).status).toBe(
      403,
    );
    const done = await call('PATCH', `/api/tasks/${task.id}`, { cookie: officer.cookie, body: patch });
    expect(done.status).toBe(200);
    expect((await done.json()).status).toBe('done');
  });
});

describe('riskAgendaSources', () => {
  it('collects open alarms, overdue risk actions and overdue open tasks for the meeting date', async () => {
    const agendaMission = await buildMission(db);
    const agendaPlan = await buildPlan(db, { missionId: agendaMission.id });
    const writer = await buildUser(db, { missionId: agendaMission.id, role: 'officer' });
    const person = await buildPerson(db, { missionId: agendaMission.id, fullName: 'Dinara Omarova' });
    const res = await call('POST', '/api/risks', {
      cookie: writer.cookie,
      body: {
        planId: agendaPlan.id,
        area: 'implementation',
        title: 'Slow permits',
        inherentLikelihood: 'unlikely',
        inherentImpact: 'minor',
        actions: [
          { description: 'Ask the akimat early', ownerId: person.id, dueDate: '2022-02-01' },
          { description: 'Already done', dueDate: '2022-02-01', isDone: true },
          { description: 'Not yet due', dueDate: '2022-06-01' },
        ],
      },
    });
    const risk = await res.json();
    const variable = await (
      await call('POST', `/api/risks/${risk.id}/alarm-variables`, {
        cookie: writer.cookie,
        body: {
          metric: 'Days to get a permit',
          direction: 'higher_is_worse',
          amberBound: 20,
          redBound: 40,
          frequency: 'monthly',
          escalationOwnerId: person.id,
        },
      })
    ).json();
    await call('POST', `/api/alarm-variables/${variable.id}/observations`, {
      cookie: writer.cookie,
      body: { observedOn: '2022-02-10', value: 25 },
    });
    const context = {
      missionId: agendaMission.id,
      planId: agendaPlan.id,
      meetingDate: '2022-03-07',
      timeZone: 'Asia/Almaty',
    };
    // The corrective task is due a week after it was raised (today): make it overdue for the meeting.
    await db.update(tasks).set({ dueDate: '2022-02-17' }).where(eq(tasks.planId, agendaPlan.id));
    const [alarms, actions, overdue] = await Promise.all(
      riskAgendaSources.map((s) => s.collect(db, context)),
    );
    expect(riskAgendaSources.map((s) => s.key)).toEqual([
      'risks.alarms',
      'risks.overdueActions',
      'risks.openTasks',
    ]);
    expect(alarms).toEqual([
      expect.objectContaining({
        source: 'risks.alarms',
        title: 'Days to get a permit is amber',
        message: { key: 'agenda.alarm.amber', params: { metric: 'Days to get a permit' } },
        severity: 'warning',
      }),
    ]);
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Ask the akimat early',
        dueDate: '2022-02-01',
        detail: 'Slow permits · Dinara Omarova',
      }),
    ]);
    expect(overdue).toHaveLength(1);
    expect(overdue?.[0]).toMatchObject({ dueDate: '2022-02-17', severity: 'danger' });

    // Before the due dates no action is overdue, but the corrective task is still on the agenda;
    // an ordinary task appears only once it is overdue.
    const early = { ...context, meetingDate: '2022-01-20' };
    expect(await riskAgendaSources[1]!.collect(db, early)).toEqual([]);
    await db.insert(tasks).values({
      missionId: agendaMission.id,
      planId: agendaPlan.id,
      title: 'Book the hall',
      dueDate: '2022-02-20',
    });
    expect((await riskAgendaSources[2]!.collect(db, early)).map((t) => t.severity)).toEqual(['danger']);
    expect((await riskAgendaSources[2]!.collect(db, context)).map((t) => [t.dueDate, t.severity])).toEqual([
      ['2022-02-17', 'danger'],
      ['2022-02-20', 'warning'],
    ]);
    // Done tasks leave the agenda.
    await db.update(tasks).set({ status: 'done' }).where(eq(tasks.planId, agendaPlan.id));
    expect(await riskAgendaSources[2]!.collect(db, context)).toEqual([]);
    await db
      .update(alerts)
      .set({ status: 'resolved', resolutionNote: 'ok' })
      .where(eq(alerts.planId, agendaPlan.id));
    expect(await riskAgendaSources[0]!.collect(db, context)).toEqual([]);
    // Other plans' rows never leak in.
    const actionRows = await db.select().from(riskActions).where(eq(riskActions.missionId, agendaMission.id));
    expect(actionRows).toHaveLength(3);
    expect(await riskAgendaSources[1]!.collect(db, { ...context, planId: plan.id })).toEqual([]);
  });
});
