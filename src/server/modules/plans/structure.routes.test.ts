import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPlan,
  buildUser,
  linkInitiatives,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

const auditOf = (entityId: string) => db.select().from(auditLog).where(eq(auditLog.entityId, entityId));

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('objectives', () => {
  it('lists and adds: 401 → 400 → 403/404 → 201, at the end of their level', async () => {
    const path = `/api/plans/${plan.id}/objectives`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('POST', path, { body: { level: 1, text: 'x' } })).status).toBe(401);
    const invalid = await call('POST', path, { cookie: head.cookie, body: { level: 3, text: ' ' } });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['level', 'text']);
    expect((await call('POST', path, { cookie: officer.cookie, body: { level: 1, text: 'x' } })).status).toBe(
      403,
    );
    expect(
      (await call('POST', path, { cookie: outsider.cookie, body: { level: 1, text: 'x' } })).status,
    ).toBe(404);

    const first = await (
      await call('POST', path, { cookie: head.cookie, body: { level: 1, text: 'Visibility' } })
    ).json();
    const team = await call('POST', path, { cookie: head.cookie, body: { level: 2, text: 'Delegate work' } });
    expect(team.status).toBe(201);
    const second = await (
      await call('POST', path, { cookie: head.cookie, body: { level: 1, text: 'Markets' } })
    ).json();
    expect([first.position, (await team.json()).position, second.position]).toEqual([0, 0, 1]);

    const list = await (await call('GET', path, { cookie: officer.cookie })).json();
    expect(list.items.map((o: { text: string }) => o.text)).toEqual([
      'Visibility',
      'Markets',
      'Delegate work',
    ]);
    expect((await auditOf(first.id))[0]).toMatchObject({
      entity: 'objective',
      action: 'create',
      userId: head.id,
    });
  });

  it('updates without a version and deletes', async () => {
    const created = await (
      await call('POST', `/api/plans/${plan.id}/objectives`, {
        cookie: head.cookie,
        body: { level: 1, text: 'Old' },
      })
    ).json();
    const path = `/api/objectives/${created.id}`;
    expect((await call('PATCH', path, { body: { text: 'x' } })).status).toBe(401);
    expect(
      await fieldsOf(await call('PATCH', path, { cookie: head.cookie, body: { position: -1 } })),
    ).toEqual(['position']);
    expect((await call('PATCH', path, { cookie: officer.cookie, body: { text: 'x' } })).status).toBe(403);
    expect((await call('PATCH', path, { cookie: outsider.cookie, body: { text: 'x' } })).status).toBe(404);
    const unchanged = await call('PATCH', path, { cookie: head.cookie, body: {} });
    expect(await unchanged.json()).toMatchObject({ text: 'Old', level: 1 });
    const ok = await call('PATCH', path, { cookie: head.cookie, body: { text: 'New', level: 2 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ text: 'New', level: 2 });

    expect((await call('DELETE', path, { cookie: officer.cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: head.cookie })).status).toBe(204);
    expect((await call('PATCH', path, { cookie: head.cookie, body: { text: 'x' } })).status).toBe(404);
    const actions = (await auditOf(created.id)).map((a) => a.action).sort();
    expect(actions).toEqual(['create', 'delete', 'update']);
  });
});

describe('PATCH /api/plans/:planId/phases/:kind', () => {
  it('walks 401 → 400 → 403/404 → 200 and keeps the six phases in order', async () => {
    const path = `/api/plans/${plan.id}/phases/financing`;
    const dates = { startDate: '2022-01-01', endDate: '2022-02-28' };
    expect((await call('PATCH', path, { body: dates })).status).toBe(401);
    const backwards = await call('PATCH', path, {
      cookie: head.cookie,
      body: { startDate: '2022-03-01', endDate: '2022-02-28' },
    });
    expect(backwards.status).toBe(400);
    expect(await fieldsOf(backwards)).toEqual(['endDate']);
    const badKind = await call('PATCH', `/api/plans/${plan.id}/phases/party`, {
      cookie: head.cookie,
      body: dates,
    });
    expect(await fieldsOf(badKind)).toEqual(['kind']);
    expect((await call('PATCH', path, { cookie: officer.cookie, body: dates })).status).toBe(403);
    expect((await call('PATCH', path, { cookie: outsider.cookie, body: dates })).status).toBe(404);

    const ok = await call('PATCH', path, { cookie: head.cookie, body: dates });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ kind: 'financing', ...dates });
    const again = await call('PATCH', path, {
      cookie: head.cookie,
      body: { startDate: '2022-01-15', endDate: null },
    });
    expect((await again.json()).startDate).toBe('2022-01-15');

    const body = await (await call('GET', `/api/plans/${plan.id}`, { cookie: officer.cookie })).json();
    expect(body.phases.map((p: { kind: string }) => p.kind)).toEqual([
      'programming',
      'identification',
      'formulation',
      'financing',
      'implementation',
      'evaluation',
    ]);
    expect(body.phases[3]).toEqual({ kind: 'financing', startDate: '2022-01-15', endDate: null });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'phase'), eq(auditLog.missionId, mission.id)));
    expect(audit).toHaveLength(2);
  });
});

describe.each([
  { path: 'focus-areas', entity: 'focus_area' },
  { path: 'vectors', entity: 'vector' },
] as const)('$path', ({ path, entity }) => {
  it('lists and adds: 401 → 400 → 403/404 → 201, with a key made from the name', async () => {
    const listPath = `/api/plans/${plan.id}/${path}`;
    expect((await call('GET', listPath)).status).toBe(401);
    expect((await call('GET', listPath, { cookie: outsider.cookie })).status).toBe(404);
    const list = await (await call('GET', listPath, { cookie: officer.cookie })).json();
    expect(list.items).toHaveLength(3);

    expect((await call('POST', listPath, { body: { name: 'Sport' } })).status).toBe(401);
    const invalid = await call('POST', listPath, {
      cookie: head.cookie,
      body: { name: '', key: 'Not A Key' },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['key', 'name']);
    expect((await call('POST', listPath, { cookie: officer.cookie, body: { name: 'Sport' } })).status).toBe(
      403,
    );
    expect((await call('POST', listPath, { cookie: outsider.cookie, body: { name: 'Sport' } })).status).toBe(
      404,
    );

    const created = await call('POST', listPath, { cookie: head.cookie, body: { name: 'Économie & Sport' } });
    expect(created.status).toBe(201);
    const item = await created.json();
    expect(item).toMatchObject({ key: 'economie_sport', position: 3, initiativeCount: 0, description: null });
    const twin = await (
      await call('POST', listPath, { cookie: head.cookie, body: { name: 'Economie sport' } })
    ).json();
    expect(twin.key).toBe('economie_sport_2');
    const taken = await call('POST', listPath, {
      cookie: head.cookie,
      body: { name: 'Again', key: list.items[0].key },
    });
    expect(taken.status).toBe(400);
    expect((await taken.json()).errors).toEqual([{ field: 'key', message: 'is already used in this plan' }]);
    expect((await auditOf(item.id))[0]).toMatchObject({ entity, action: 'create' });
  });

  it('updates without a version, and refuses to delete one in use (409)', async () => {
    const item = await (
      await call('POST', `/api/plans/${plan.id}/${path}`, {
        cookie: head.cookie,
        body: { name: 'Temporary' },
      })
    ).json();
    const itemPath = `/api/${path}/${item.id}`;
    expect((await call('PATCH', itemPath, { body: { name: 'x' } })).status).toBe(401);
    expect(
      await fieldsOf(await call('PATCH', itemPath, { cookie: head.cookie, body: { name: '' } })),
    ).toEqual(['name']);
    expect((await call('PATCH', itemPath, { cookie: officer.cookie, body: { name: 'x' } })).status).toBe(403);
    expect((await call('PATCH', itemPath, { cookie: outsider.cookie, body: { name: 'x' } })).status).toBe(
      404,
    );
    expect((await call('PATCH', itemPath, { cookie: head.cookie, body: {} })).status).toBe(200);
    const ok = await call('PATCH', itemPath, {
      cookie: head.cookie,
      body: { name: 'Renamed', description: 'Why it matters' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'Renamed', description: 'Why it matters', key: item.key });

    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      ...(path === 'focus-areas' ? { focusAreaId: item.id } : {}),
    });
    if (path === 'vectors')
      await linkInitiatives(db, {
        vectors: [{ missionId: mission.id, initiativeId: initiative.id, vectorId: item.id }],
      });
    expect((await call('DELETE', itemPath, { cookie: officer.cookie })).status).toBe(403);
    const inUse = await call('DELETE', itemPath, { cookie: head.cookie });
    expect(inUse.status).toBe(409);
    expect((await inUse.json()).detail).toContain('1 initiative(s)');

    const unused = await (
      await call('POST', `/api/plans/${plan.id}/${path}`, { cookie: head.cookie, body: { name: 'Unused' } })
    ).json();
    expect((await call('DELETE', `/api/${path}/${unused.id}`, { cookie: head.cookie })).status).toBe(204);
    expect((await auditOf(unused.id)).map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('programmes', () => {
  it('adds: 401 → 400 (colours named) → 403/404 → 201', async () => {
    const path = `/api/plans/${plan.id}/programmes`;
    const body = { name: 'Mani esperte 2', hashtag: '#hands', colors: ['#1f4e99', '#009246'] };
    expect((await call('POST', path, { body })).status).toBe(401);
    const invalid = await call('POST', path, {
      cookie: head.cookie,
      body: { name: 'Bad', colors: ['#1F4E99', 'blue', '#12345'] },
    });
    expect(invalid.status).toBe(400);
    const problem = await invalid.json();
    expect(problem.errors).toEqual([
      { field: 'colors.1', message: 'must be a colour in the form #RRGGBB' },
      { field: 'colors.2', message: 'must be a colour in the form #RRGGBB' },
    ]);
    expect((await call('POST', path, { cookie: officer.cookie, body })).status).toBe(403);
    expect((await call('POST', path, { cookie: outsider.cookie, body })).status).toBe(404);
    const created = await call('POST', path, { cookie: head.cookie, body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      key: 'mani-esperte-2',
      colors: ['#1F4E99', '#009246'],
      hashtag: '#hands',
      version: 1,
    });
    const list = await (await call('GET', path, { cookie: officer.cookie })).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Mani esperte', 'Mani esperte 2']);
  });

  it('updates with a version (409 when stale) and deletes', async () => {
    const created = await (
      await call('POST', `/api/plans/${plan.id}/programmes`, {
        cookie: head.cookie,
        body: { name: 'Giovani' },
      })
    ).json();
    const path = `/api/programmes/${created.id}`;
    expect((await call('PATCH', path, { body: { version: 1 } })).status).toBe(401);
    expect(await fieldsOf(await call('PATCH', path, { cookie: head.cookie, body: { name: 'x' } }))).toEqual([
      'version',
    ]);
    expect(
      await fieldsOf(
        await call('PATCH', path, { cookie: head.cookie, body: { version: 1, colors: ['red'] } }),
      ),
    ).toEqual(['colors.0']);
    expect((await call('PATCH', path, { cookie: officer.cookie, body: { version: 1 } })).status).toBe(403);
    expect((await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1 } })).status).toBe(404);
    const ok = await call('PATCH', path, { cookie: head.cookie, body: { version: 1, hashtag: '#young' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ hashtag: '#young', version: 2 });
    const stale = await call('PATCH', path, { cookie: head.cookie, body: { version: 1, hashtag: '#lost' } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);

    expect((await call('DELETE', `${path}?version=1`, { cookie: head.cookie })).status).toBe(409);
    expect((await call('DELETE', path, { cookie: officer.cookie })).status).toBe(403);
    expect((await call('DELETE', `${path}?version=2`, { cookie: head.cookie })).status).toBe(204);
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(audit.find((a) => a.action === 'update')?.before).toMatchObject({ hashtag: null });
  });

  it('refuses to delete a programme initiatives use (409)', async () => {
    await buildInitiative(db, { missionId: mission.id, planId: plan.id, programmeId: plan.programme.id });
    const res = await call('DELETE', `/api/programmes/${plan.programme.id}`, { cookie: head.cookie });
    expect(res.status).toBe(409);
  });
});
