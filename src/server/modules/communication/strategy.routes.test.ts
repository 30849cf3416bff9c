import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPerson, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { loadVisualIdentity } from './comms-strategy.ts';
import { commsLogos } from './tables.ts';
import { PNG } from './test-fixtures.ts';

const { app, db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let testimonial: Awaited<ReturnType<typeof buildPerson>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id, title: 'Together towards 2050' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  const headquarters = await buildMission(db, { kind: 'headquarters' });
  hq = await buildUser(db, { missionId: headquarters.id, role: 'admin' });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
  testimonial = await buildPerson(db, { missionId: mission.id, fullName: 'Maria Mudryak', kind: 'artist' });
});

const path = () => `/api/plans/${plan.id}/communication-strategy`;

function uploadLogo(cookie: string, file: { name: string; content: Uint8Array }, query = '') {
  const form = new FormData();
  form.append('file', new File([file.content as BlobPart], file.name));
  return app.request(`${path()}/logo${query}`, { method: 'PUT', body: form, headers: { cookie } });
}

describe('communication strategy', () => {
  it('refuses anonymous callers (401) and plans of other missions (404)', async () => {
    expect((await call('GET', path())).status).toBe(401);
    expect((await call('GET', path(), { cookie: outsider.cookie })).status).toBe(404);
  });

  it('starts empty at version 0, readable by viewers, collaborators and headquarters', async () => {
    for (const user of [viewer, collaborator, hq]) {
      const res = await call('GET', path(), { cookie: user.cookie });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ version: 0, channels: [], canEdit: false });
    }
  });

  it('names every invalid field: unknown channel, bad colours, bad address (400)', async () => {
    const res = await call('PUT', path(), {
      cookie: officer.cookie,
      body: {
        version: 0,
        channels: [
          { kind: 'myspace', handle: '@italy' },
          { kind: 'website', url: 'javascript:alert(1)' },
        ],
        primaryColour: 'blue',
        secondaryColour: '#12345',
      },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['channels.0.kind', 'channels.1.url', 'primaryColour', 'secondaryColour']);
  });

  it('refuses viewers, collaborators and headquarters members (403)', async () => {
    for (const user of [viewer, collaborator, hq]) {
      const res = await call('PUT', path(), { cookie: user.cookie, body: { version: 0, objectives: ['x'] } });
      expect(res.status).toBe(403);
    }
  });

  it('refuses a testimonial from another mission (400)', async () => {
    const stranger = await buildPerson(db, { missionId: (await buildMission(db)).id });
    const res = await call('PUT', path(), {
      cookie: officer.cookie,
      body: { version: 0, testimonialId: stranger.id },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'testimonialId', message: 'is not a person of this mission' },
    ]);
  });

  it('saves the strategy, versioned (409 on a stale version) and audited', async () => {
    const body = {
      version: 0,
      objectives: ['One story for thirty events'],
      targetSegments: ['Young professionals in Astana and Almaty'],
      channels: [
        { kind: 'website', url: 'https://ambastana.esteri.it' },
        { kind: 'instagram', handle: '@italyinkz' },
      ],
      primaryColour: '#1F4E99',
      secondaryColour: '#009246',
      testimonialId: testimonial.id,
      testimonialNote: 'Soprano born in Kazakhstan, at home in Italy',
    };
    const created = await call('PUT', path(), { cookie: officer.cookie, body });
    expect(created.status).toBe(200);
    const saved = await created.json();
    expect(saved).toMatchObject({
      version: 1,
      canEdit: true,
      testimonial: { id: testimonial.id, fullName: 'Maria Mudryak' },
      channels: [
        { kind: 'website', handle: null, url: 'https://ambastana.esteri.it' },
        { kind: 'instagram', handle: '@italyinkz', url: null },
      ],
    });
    const again = await call('PUT', path(), {
      cookie: officer.cookie,
      body: { ...body, objectives: ['changed'] },
    });
    expect(again.status).toBe(409);
    const edited = await call('PUT', path(), {
      cookie: officer.cookie,
      body: { version: 1, channels: [{ kind: 'instagram', handle: '@italy_in_kz' }] },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      version: 2,
      objectives: ['One story for thirty events'],
      channels: [{ kind: 'instagram', handle: '@italy_in_kz' }],
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'comms_strategy'), eq(auditLog.missionId, mission.id)));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
  });
});

describe('logos and the visual identity', () => {
  it('refuses a file that is not a PNG or JPEG, whatever its name (400)', async () => {
    const res = await uploadLogo(officer.cookie, {
      name: 'logo.png',
      content: new TextEncoder().encode('<svg/>'),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('file');
  });

  it('refuses a truncated PNG whose signature is right (400 naming `file`) and takes the whole one', async () => {
    const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251));
    const whole = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer();
    const truncated = new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(Buffer.from(truncated.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const res = await uploadLogo(officer.cookie, { name: 'cut.png', content: truncated });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      {
        field: 'file',
        message:
          '"cut.png" is a damaged or truncated image that cannot be decoded: export it again as PNG or JPEG',
      },
    ]);
    const good = await uploadLogo(officer.cookie, { name: 'whole.png', content: new Uint8Array(whole) });
    expect(good.status).toBe(200);
  });

  it('refuses an oversize logo (413) and viewers (403)', async () => {
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(PNG);
    expect((await uploadLogo(officer.cookie, { name: 'big.png', content: big })).status).toBe(413);
    expect((await uploadLogo(viewer.cookie, { name: 'logo.png', content: PNG })).status).toBe(403);
  });

  it('stores the plan logo and a programme logo in the database and serves them back', async () => {
    const res = await uploadLogo(officer.cookie, { name: 'tt2050.png', content: PNG });
    expect(res.status).toBe(200);
    expect((await res.json()).logos).toMatchObject([
      { programmeId: null, fileName: 'tt2050.png', mimeType: 'image/png', byteSize: PNG.length },
    ]);
    const programme = await uploadLogo(
      officer.cookie,
      { name: 'mani.png', content: PNG },
      `?programmeId=${plan.programme.id}`,
    );
    expect(programme.status).toBe(200);
    const download = await app.request(`${path()}/logo`, { headers: { cookie: viewer.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);
    const rows = await db.select().from(commsLogos).where(eq(commsLogos.planId, plan.id));
    expect(rows).toHaveLength(2);
  });

  it('loadVisualIdentity gives the logo, the colours and each programme’s colours', async () => {
    const identity = await loadVisualIdentity(db, plan.id);
    expect(identity.planTitle).toBe('Together towards 2050');
    expect(identity.logo?.mimeType).toBe('image/png');
    expect(Array.from(identity.logo!.data)).toEqual(Array.from(PNG));
    expect(identity.primaryColour).toBe('#1F4E99');
    expect(identity.programmeColours).toEqual({ [plan.programme.id]: ['#1F4E99'] });
    expect(Object.keys(identity.programmeLogos)).toEqual([plan.programme.id]);
  });
});

describe('media-engagement sessions', () => {
  it('records a session with attendees of the mission; refuses strangers and viewers', async () => {
    const journalist = await buildPerson(db, {
      missionId: mission.id,
      kind: 'journalist',
      fullName: 'Aruzhan K.',
    });
    const stranger = await buildPerson(db, { missionId: (await buildMission(db)).id });
    const url = `/api/plans/${plan.id}/media-sessions`;
    const body = { heldOn: '2021-12-10', title: 'Listening session', attendeeIds: [journalist.id] };
    expect((await call('POST', url, { cookie: viewer.cookie, body })).status).toBe(403);
    const bad = await call('POST', url, {
      cookie: officer.cookie,
      body: { ...body, heldOn: '10/12/2021', attendeeIds: [stranger.id] },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['heldOn']);
    const wrongPerson = await call('POST', url, {
      cookie: officer.cookie,
      body: { ...body, attendeeIds: [stranger.id] },
    });
    expect(wrongPerson.status).toBe(400);
    expect((await wrongPerson.json()).errors[0].field).toBe('attendeeIds.0');
    const created = await call('POST', url, {
      cookie: officer.cookie,
      body: { ...body, suggestions: 'More stories, fewer announcements' },
    });
    expect(created.status).toBe(201);
    const session = await created.json();
    expect(session.attendees).toEqual([{ id: journalist.id, fullName: 'Aruzhan K.', kind: 'journalist' }]);
    const list = await call('GET', url, { cookie: collaborator.cookie });
    expect((await list.json()).map((s: { id: string }) => s.id)).toEqual([session.id]);
    const stale = await call('PATCH', `/api/media-sessions/${session.id}`, {
      cookie: officer.cookie,
      body: { version: 5, title: 'x' },
    });
    expect(stale.status).toBe(409);
  });
});
