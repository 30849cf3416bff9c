import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { initiativeDelegates, initiativePartners } from '../initiatives/index.ts';
import { auditLog } from '../missions/index.ts';
import { PNG } from './test-fixtures.ts';

const { app, db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let initiative: Awaited<ReturnType<typeof buildInitiative>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db, { name: 'Embassy of Italy in Astana' });
  plan = await buildPlan(db, { missionId: mission.id, title: 'Together towards 2050' });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  hq = await buildUser(db, {
    missionId: (await buildMission(db, { kind: 'headquarters' })).id,
    role: 'admin',
  });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
  initiative = await buildInitiative(db, {
    missionId: mission.id,
    planId: plan.id,
    title: 'Laura Marzadori in concert',
    summary: 'The violinist plays with the Astana Opera orchestra.',
    startDate: '2022-05-12',
    cities: ['Astana'],
    venues: ['Astana Opera'],
    keyMessages: 'Italian musical excellence, shared on a Kazakh stage',
  });
  const opera = await buildOrganisation(db, {
    missionId: mission.id,
    name: 'Astana Opera',
    kind: 'cultural_venue',
  });
  const stauffer = await buildOrganisation(db, {
    missionId: mission.id,
    name: 'Fondazione Stauffer',
    kind: 'foundation',
  });
  await db.insert(initiativePartners).values([
    { missionId: mission.id, initiativeId: initiative.id, organisationId: opera.id, role: 'venue' },
    { missionId: mission.id, initiativeId: initiative.id, organisationId: stauffer.id, role: 'organiser' },
  ]);
});

const create = (cookie: string, body: Record<string, unknown>) =>
  call('POST', '/api/press-releases', { cookie, body });

describe('press releases', () => {
  it('refuses anonymous callers (401), viewers and headquarters (403), other missions (404)', async () => {
    const body = { initiativeId: initiative.id, language: 'it' };
    expect((await call('POST', '/api/press-releases', { body })).status).toBe(401);
    expect((await create(viewer.cookie, body)).status).toBe(403);
    expect((await create(hq.cookie, body)).status).toBe(403);
    expect((await create(outsider.cookie, body)).status).toBe(404);
  });

  it('refuses a language other than it, en, ru, kk (400)', async () => {
    const res = await create(officer.cookie, { initiativeId: initiative.id, language: 'fr' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'language', message: 'must be one of it, en, ru, kk' },
    ]);
  });

  it('drafts from the initiative, with the date in the language and the partners organiser first', async () => {
    const it_ = await create(officer.cookie, { initiativeId: initiative.id, language: 'it' });
    expect(it_.status).toBe(201);
    const draft = await it_.json();
    expect(draft).toMatchObject({
      status: 'draft',
      language: 'it',
      title: 'Laura Marzadori in concert',
      canEdit: true,
    });
    expect(draft.body).toContain('12 maggio 2022');
    expect(draft.body).toContain('Astana Opera, Astana');
    expect(draft.body).toContain('Partner: Fondazione Stauffer e Astana Opera');
    expect(draft.body).toContain('Italian musical excellence');
    const ru = await (await create(officer.cookie, { initiativeId: initiative.id, language: 'ru' })).json();
    expect(ru.body).toContain('12 мая 2022');
    const again = await create(officer.cookie, { initiativeId: initiative.id, language: 'it' });
    expect(again.status).toBe(409);
  });

  it('moves draft → approved → sent, validates each move, versions and audits it', async () => {
    const draft = await (
      await create(officer.cookie, { initiativeId: initiative.id, language: 'en' })
    ).json();
    const url = `/api/press-releases/${draft.id}`;
    const edited = await call('PATCH', url, {
      cookie: officer.cookie,
      body: { version: 1, body: 'Edited text' },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, body: 'Edited text' });

    const byViewer = await call('POST', `${url}/status`, {
      cookie: viewer.cookie,
      body: { version: 2, status: 'sent' },
    });
    expect(byViewer.status).toBe(403);
    expect(
      (await call('PATCH', url, { cookie: viewer.cookie, body: { version: 2, title: 'x' } })).status,
    ).toBe(403);
    const skip = await call('POST', `${url}/status`, {
      cookie: head.cookie,
      body: { version: 2, status: 'sent' },
    });
    expect(skip.status).toBe(400);
    expect((await skip.json()).errors[0]).toEqual({
      field: 'status',
      message: 'cannot go from draft to sent: allowed approved',
    });
    const unknown = await call('POST', `${url}/status`, {
      cookie: head.cookie,
      body: { version: 2, status: 'published' },
    });
    expect(unknown.status).toBe(400);
    expect(
      (
        await call('POST', `${url}/status`, {
          cookie: officer.cookie,
          body: { version: 2, status: 'approved' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', `${url}/status`, { cookie: head.cookie, body: { version: 1, status: 'approved' } }))
        .status,
    ).toBe(409);

    const approved = await call('POST', `${url}/status`, {
      cookie: head.cookie,
      body: { version: 2, status: 'approved' },
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', version: 3, canEdit: false });
    expect(
      (await call('PATCH', url, { cookie: officer.cookie, body: { version: 3, title: 'x' } })).status,
    ).toBe(409);

    const sent = await call('POST', `${url}/status`, {
      cookie: officer.cookie,
      body: { version: 3, status: 'sent' },
    });
    expect(await sent.json()).toMatchObject({ status: 'sent', nextStatuses: [] });
    const back = await call('POST', `${url}/status`, {
      cookie: head.cookie,
      body: { version: 4, status: 'draft' },
    });
    expect(back.status).toBe(400);

    const audits = await db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'press_release'), eq(auditLog.entityId, draft.id)));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('is seen by a collaborator only when assigned to the initiative', async () => {
    const list = () =>
      call('GET', `/api/press-releases?initiativeId=${initiative.id}`, { cookie: collaborator.cookie });
    expect((await (await list()).json()).total).toBe(0);
    const person = await buildPerson(db, { missionId: mission.id, userId: collaborator.id });
    await db
      .insert(initiativeDelegates)
      .values({ missionId: mission.id, initiativeId: initiative.id, personId: person.id });
    expect((await (await list()).json()).total).toBe(3);
  });

  it('exports a DOCX with the plan’s identity, the title and the partners', async () => {
    const form = new FormData();
    form.append('file', new File([PNG as BlobPart], 'logo.png'));
    await app.request(`/api/plans/${plan.id}/communication-strategy/logo`, {
      method: 'PUT',
      body: form,
      headers: { cookie: officer.cookie },
    });
    await call('PUT', `/api/plans/${plan.id}/communication-strategy`, {
      cookie: officer.cookie,
      body: { version: 0, primaryColour: '#1F4E99' },
    });
    const list = await (
      await call('GET', `/api/press-releases?planId=${plan.id}`, { cookie: viewer.cookie })
    ).json();
    const italian = list.items.find((r: { language: string }) => r.language === 'it');
    const res = await app.request(`/api/press-releases/${italian.id}/docx`, {
      headers: { cookie: viewer.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('laura-marzadori-in-concert-it.docx');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const document = await zip.file('word/document.xml')!.async('string');
    const text = document.replace(/<[^>]+>/g, '');
    expect(text).toContain('Laura Marzadori in concert');
    expect(text).toContain('Fondazione Stauffer e Astana Opera');
    expect(document).toContain('1F4E99');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.join('')).toContain('Together towards 2050');
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
    expect(
      (await app.request(`/api/press-releases/${italian.id}/docx`, { headers: { cookie: outsider.cookie } }))
        .status,
    ).toBe(404);
  });
});
