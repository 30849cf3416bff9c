import { describe, expect, it } from 'vitest';
import { buildInitiative, buildPerson, buildPlan } from '../../../../test/helpers/factories.ts';
import { proposals, scoringRounds } from '../selection/index.ts';
import { listPlanLessons } from './lessons.ts';
import {
  call,
  collaborator,
  collaboratorPerson,
  db,
  fields,
  hqReader,
  json,
  mission,
  musician,
  officer,
  outsider,
  plan,
  trader,
  viewer,
} from './monitoring.routes.fixture.ts';

describe('people: competences, languages and capacity', () => {
  it('refuses a competence level outside 1–3 and a negative capacity (400)', async () => {
    const res = await call('POST', '/api/people', {
      cookie: officer.cookie,
      body: { missionId: mission.id, fullName: 'X', competences: [{ tag: 'music', level: 0 }], capacity: -1 },
    });
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['capacity', 'competences.0.level']);
  });

  it('lets an officer edit them, not a viewer', async () => {
    const person = await buildPerson(db, { missionId: mission.id, fullName: 'Editable' });
    const body = { competences: [{ tag: 'Protocol', level: 2 }], languages: ['ru'], capacity: 3, version: 1 };
    const path = `/api/people/${person.id}`;
    expect((await call('PATCH', path, { cookie: viewer.cookie, body })).status).toBe(403);
    const res = await call('PATCH', path, { cookie: officer.cookie, body });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ competences: [{ tag: 'protocol', level: 2 }], capacity: 3 });
  });
});

describe('GET /api/initiatives/:id/owner-suggestions', () => {
  it('ranks the team with reasons, and marks the owner', async () => {
    const concert = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      type: 'concert',
      focusAreaId: plan.focusAreas[2]!.id,
      ownerId: trader.id,
    });
    expect((await call('GET', `/api/initiatives/${concert.id}/owner-suggestions`)).status).toBe(401);
    const res = await call('GET', `/api/initiatives/${concert.id}/owner-suggestions`, {
      cookie: viewer.cookie,
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.hostLanguages).toEqual(['kk', 'ru']);
    expect(body.items.map((i: { fullName: string }) => i.fullName)).not.toContain('Jo Journalist');
    const [first] = body.items;
    expect(first).toMatchObject({ personId: musician.id, isOwner: false, isDelegate: false });
    expect(first.reasons.map((r: { text: string }) => r.text)).toEqual(
      expect.arrayContaining([
        'music (level 3) fits a concert',
        "speaks KK and RU, the host country's languages",
      ]),
    );
    expect(first.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'type',
          params: { tag: 'music', level: 3, initiativeType: 'concert' },
        }),
        expect.objectContaining({ kind: 'language', params: { languages: ['kk', 'ru'] } }),
      ]),
    );
    const tom = body.items.find((i: { personId: string }) => i.personId === trader.id);
    // Tom owns this active initiative: 1 of 4.
    expect(tom).toMatchObject({ isOwner: true, activeOwned: 1, capacity: 4 });
    expect(tom.reasons.at(-1)).toMatchObject({
      kind: 'load',
      params: { owned: 1, capacity: 4 },
      text: 'owns 1 of 4: room for 3 more',
    });
  });

  it('shows headquarters the suggestions, refuses collaborators (403) and other missions (404)', async () => {
    const assigned = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      ownerId: collaboratorPerson.id,
    });
    const path = `/api/initiatives/${assigned.id}/owner-suggestions`;
    expect((await call('GET', path, { cookie: hqReader.cookie })).status).toBe(200);
    expect((await call('GET', path, { cookie: collaborator.cookie })).status).toBe(403);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
  });
});

describe('assignment history', () => {
  it('records owner and delegate changes made through the initiatives API', async () => {
    const created = await json(
      await call('POST', '/api/initiatives', {
        cookie: officer.cookie,
        body: { planId: plan.id, title: 'Fashion week', type: 'fashion_show', ownerId: trader.id },
      }),
    );
    const res = await call('PATCH', `/api/initiatives/${created.id}`, {
      cookie: officer.cookie,
      body: { ownerId: musician.id, delegateIds: [trader.id], version: created.version },
    });
    expect(res.status).toBe(200);
    const history = await json(
      await call('GET', `/api/initiatives/${created.id}/assignments`, { cookie: officer.cookie }),
    );
    const entries = history.items.map((a: { personName: string; role: string; action: string }) =>
      [a.personName, a.role, a.action].join(' '),
    );
    expect(entries.sort()).toEqual(
      [
        'Tom Trader owner assigned',
        'Tom Trader owner unassigned',
        'Dina Musician owner assigned',
        'Tom Trader delegate assigned',
      ].sort(),
    );
    expect(history.items[0].by).toMatchObject({ id: officer.id });
    // A change that keeps the same people adds nothing.
    await call('PATCH', `/api/initiatives/${created.id}`, {
      cookie: officer.cookie,
      body: { title: 'Fashion week 2', delegateIds: [trader.id], version: created.version + 1 },
    });
    const again = await json(
      await call('GET', `/api/initiatives/${created.id}/assignments`, { cookie: officer.cookie }),
    );
    expect(again.items).toHaveLength(4);
    expect(
      (await call('GET', `/api/initiatives/${created.id}/assignments`, { cookie: collaborator.cookie }))
        .status,
    ).toBe(404);
  });
});

describe('agenda: decisions pending', () => {
  it('lists proposals awaiting a decision and scoring rounds past their deadline', async () => {
    const decisionPlan = await buildPlan(db, { missionId: mission.id });
    const scoped = { missionId: mission.id, planId: decisionPlan.id };
    await db.insert(proposals).values([
      { ...scoped, title: 'Design week', type: 'exhibition', status: 'submitted' },
      { ...scoped, title: 'Old idea', type: 'concert', status: 'rejected' },
    ]);
    await db.insert(scoringRounds).values([
      { ...scoped, name: 'Spring round', deadline: '2022-03-01', status: 'open' },
      { ...scoped, name: 'Later round', deadline: '2022-09-01', status: 'open' },
      { ...scoped, name: 'Closed round', deadline: '2022-01-01', status: 'closed' },
    ]);
    const meeting = await json(
      await call('POST', '/api/meetings', {
        cookie: officer.cookie,
        body: { planId: decisionPlan.id, meetingDate: '2022-03-07' },
      }),
    );
    const agenda = await json(
      await call('GET', `/api/meetings/${meeting.id}/agenda`, { cookie: officer.cookie }),
    );
    const pending = agenda.sections.find((s: { key: string }) => s.key === 'decisions.pending').items;
    expect(pending.map((i: { title: string; severity: string }) => [i.title, i.severity])).toEqual([
      ['Scoring round “Spring round” is past its deadline', 'danger'],
      ['Proposal “Design week” awaits a decision', 'info'],
    ]);
    expect(pending.map((i: { message?: unknown }) => i.message)).toEqual([
      { key: 'agenda.roundPastDeadline', params: { name: 'Spring round' } },
      { key: 'agenda.proposalAwaitsDecision', params: { title: 'Design week' } },
    ]);
    expect(pending.map((i: { detailMessages?: unknown }) => i.detailMessages)).toEqual([
      [{ key: 'agenda.detail.closeRound', params: {} }],
      [{ key: 'agenda.detail.submitted', params: {} }],
    ]);
    // Titles that are data (an initiative's title, an action item) carry no message.
    const starting = agenda.sections.flatMap((s: { items: { source: string; message?: unknown }[] }) =>
      s.items.filter((i) => i.source !== 'decisions.pending'),
    );
    expect(starting.every((i: { message?: unknown }) => i.message === undefined)).toBe(true);
  });
});

describe('lessons learned', () => {
  it('lets an assigned collaborator record one, not a viewer; lists them by plan', async () => {
    const lessonPlan = await buildPlan(db, { missionId: mission.id });
    const mine = await buildInitiative(db, {
      missionId: mission.id,
      planId: lessonPlan.id,
      title: 'Workshop',
      startDate: '2022-03-01',
      ownerId: collaboratorPerson.id,
    });
    const notMine = await buildInitiative(db, {
      missionId: mission.id,
      planId: lessonPlan.id,
      title: 'Concert',
      startDate: '2022-04-01',
    });
    const body = (initiativeId: string) => ({
      initiativeId,
      whatHappened: 'The online stream froze for ten minutes',
      lesson: 'Test the connection the day before',
      tag: 'Logistics',
    });
    const bad = await call('POST', '/api/lessons', {
      cookie: officer.cookie,
      body: { initiativeId: mine.id, whatHappened: '', lesson: '' },
    });
    expect(await fields(bad)).toEqual(['lesson', 'whatHappened']);
    expect((await call('POST', '/api/lessons', { cookie: viewer.cookie, body: body(mine.id) })).status).toBe(
      403,
    );
    expect(
      (await call('POST', '/api/lessons', { cookie: collaborator.cookie, body: body(notMine.id) })).status,
    ).toBe(404);
    const created = await call('POST', '/api/lessons', { cookie: collaborator.cookie, body: body(mine.id) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ tag: 'logistics', initiative: { title: 'Workshop' } });
    await call('POST', '/api/lessons', {
      cookie: officer.cookie,
      body: { ...body(notMine.id), whatHappened: 'Half the seats were empty' },
    });
    const list = await json(
      await call('GET', `/api/lessons?planId=${lessonPlan.id}`, { cookie: hqReader.cookie }),
    );
    expect(list.items.map((l: { initiative: { title: string } }) => l.initiative.title)).toEqual([
      'Workshop',
      'Concert',
    ]);
    const own = await json(
      await call('GET', `/api/lessons?planId=${lessonPlan.id}`, { cookie: collaborator.cookie }),
    );
    expect(own.items).toHaveLength(1);
    expect((await call('GET', '/api/lessons', { cookie: officer.cookie })).status).toBe(400);
    const lessons = await listPlanLessons(
      db,
      {
        userId: officer.id,
        email: officer.email,
        name: officer.name,
        memberships: [{ missionId: mission.id, role: 'officer', missionKind: 'embassy' }],
        isNetworkAdmin: false,
      },
      lessonPlan.id,
    );
    expect(lessons.map((l) => l.whatHappened)).toEqual([
      'The online stream froze for ten minutes',
      'Half the seats were empty',
    ]);
  });
});
