import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildUser } from '../../../../test/helpers/factories.ts';
import { organisations, people } from '../partners/index.ts';
import { mediaLists, mediaProfiles } from './tables.ts';

const { app, db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  hq = await buildUser(db, {
    missionId: (await buildMission(db, { kind: 'headquarters' })).id,
    role: 'admin',
  });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
});

function upload(file: { name: string; content: string | Uint8Array }, cookie = officer.cookie, query = '') {
  const form = new FormData();
  form.append('file', new File([file.content as BlobPart], file.name));
  return app.request(`/api/missions/${mission.id}/media-contacts/import${query}`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
}

/** Counts of what an import writes, to prove a failed one wrote nothing. */
async function footprint() {
  const count = async (
    table: typeof people | typeof organisations | typeof mediaProfiles | typeof mediaLists,
  ) =>
    (
      await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.missionId, mission.id))
    )[0]!.n;
  return {
    people: await count(people),
    organisations: await count(organisations),
    profiles: await count(mediaProfiles),
    lists: await count(mediaLists),
  };
}

describe('media contacts', () => {
  it('refuses anonymous callers (401), viewers (403) and missions the caller cannot see (404)', async () => {
    const body = { missionId: mission.id, kind: 'person', name: 'Aigerim S.', personKind: 'blogger' };
    expect((await call('POST', '/api/media-contacts', { body })).status).toBe(401);
    expect((await call('POST', '/api/media-contacts', { cookie: viewer.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/media-contacts', { cookie: outsider.cookie, body })).status).toBe(404);
  });

  it('names every invalid field (400)', async () => {
    const res = await call('POST', '/api/media-contacts', {
      cookie: officer.cookie,
      body: {
        missionId: mission.id,
        kind: 'person',
        name: '',
        personKind: 'diplomat',
        email: 'not-mail',
        audienceSize: -3,
        channels: [{ kind: 'myspace', handle: 'x' }],
        languages: ['kazakh'],
      },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['audienceSize', 'channels.0.kind', 'email', 'languages.0', 'name', 'personKind']);
  });

  it('creates an outlet and a journalist writing for it; lists them; hides them from collaborators', async () => {
    const outlet = await call('POST', '/api/media-contacts', {
      cookie: officer.cookie,
      body: {
        missionId: mission.id,
        kind: 'outlet',
        name: 'Kursiv',
        languages: ['ru', 'kk'],
        audienceSize: 10000,
      },
    });
    expect(outlet.status).toBe(201);
    const outletBody = await outlet.json();
    expect(outletBody).toMatchObject({ kind: 'outlet', name: 'Kursiv', languages: ['ru', 'kk'] });
    const [org] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, outletBody.organisationId));
    expect(org!.kind).toBe('media_outlet');
    const journalist = await call('POST', '/api/media-contacts', {
      cookie: officer.cookie,
      body: {
        missionId: mission.id,
        kind: 'person',
        name: 'Dana Economist',
        personKind: 'journalist',
        email: 'dana@kursiv.example',
        outletId: outletBody.organisationId,
        topics: ['economy', 'SMEs'],
        channels: [{ kind: 'telegram', handle: '@dana_econ' }],
      },
    });
    expect(journalist.status).toBe(201);
    expect(await journalist.json()).toMatchObject({
      kind: 'person',
      personKind: 'journalist',
      outlet: { name: 'Kursiv' },
      topics: ['economy', 'SMEs'],
    });
    const list = await call('GET', `/api/media-contacts?missionId=${mission.id}&q=econ`, {
      cookie: viewer.cookie,
    });
    expect((await list.json()).items.map((c: { name: string }) => c.name)).toEqual(['Dana Economist']);
    const fromHq = await call('GET', `/api/media-contacts?missionId=${mission.id}`, { cookie: hq.cookie });
    expect((await fromHq.json()).total).toBe(2);
    const hidden = await call('GET', `/api/media-contacts?missionId=${mission.id}`, {
      cookie: collaborator.cookie,
    });
    expect((await hidden.json()).total).toBe(0);
  });

  it('refuses a journalist’s outlet that is not a media outlet of the mission (400)', async () => {
    const [org] = await db
      .insert(organisations)
      .values({ missionId: mission.id, name: 'ENI', kind: 'company' })
      .returning();
    const res = await call('POST', '/api/media-contacts', {
      cookie: officer.cookie,
      body: { missionId: mission.id, kind: 'person', name: 'X', outletId: org!.id },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'outletId', message: 'is not a media outlet of this mission' },
    ]);
  });

  it('keeps lists with members, versioned', async () => {
    const contacts = (
      await (
        await call('GET', `/api/media-contacts?missionId=${mission.id}`, { cookie: officer.cookie })
      ).json()
    ).items as { id: string }[];
    const created = await call('POST', '/api/media-lists', {
      cookie: officer.cookie,
      body: { missionId: mission.id, name: 'Economic press', contactIds: contacts.map((c) => c.id) },
    });
    expect(created.status).toBe(201);
    const list = await created.json();
    expect(list.contactIds.sort()).toEqual(contacts.map((c) => c.id).sort());
    const duplicate = await call('POST', '/api/media-lists', {
      cookie: officer.cookie,
      body: { missionId: mission.id, name: 'economic PRESS' },
    });
    expect(duplicate.status).toBe(400);
    const edited = await call('PATCH', `/api/media-lists/${list.id}`, {
      cookie: officer.cookie,
      body: { version: 1, contactIds: [contacts[0]!.id] },
    });
    expect((await edited.json()).contactIds).toEqual([contacts[0]!.id]);
    const stale = await call('PATCH', `/api/media-lists/${list.id}`, {
      cookie: officer.cookie,
      body: { version: 1, name: 'x' },
    });
    expect(stale.status).toBe(409);
    const members = await call('GET', `/api/media-contacts?listId=${list.id}`, { cookie: officer.cookie });
    expect((await members.json()).total).toBe(1);
  });
});

describe('POST /api/missions/{id}/media-contacts/import', () => {
  it('refuses viewers (403)', async () => {
    expect((await upload({ name: 'c.csv', content: 'name\nA' }, viewer.cookie)).status).toBe(403);
  });

  it('reports a bad row by row and column, and writes nothing', async () => {
    const before = await footprint();
    const csv = [
      'name,kind,email,channels,audience,list',
      'Aigerim Eats,blogger,aigerim@example.kz,instagram:@aigerim.eats,45k,Astana lifestyle bloggers',
      'Broken Row,podcaster,not-an-email,myspace:@x,lots,',
    ].join('\n');
    const res = await upload({ name: 'contacts.csv', content: csv });
    expect(res.status).toBe(400);
    const errors = (await res.json()).errors as { row: number; column: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:kind',
      '3:email',
      '3:channels',
      '3:audience',
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('creates new contacts, merges duplicates by e-mail or handle, fills a list, and says how many', async () => {
    const csv = [
      'name,kind,email,outlet,languages,channels,audience,topics,list',
      'Aigerim Eats,blogger,aigerim@example.kz,,kk;ru,instagram:@aigerim.eats,45k,food,Astana lifestyle bloggers',
      'Timur Style,influencer,,,ru,instagram:@timur.style; telegram:@timurstyle,120000,fashion,Astana lifestyle bloggers',
      // The same blogger again, found by her handle: merged, her topics added.
      'A. Eats,blogger,,,en,instagram:@Aigerim.Eats,50000,design,',
      // An existing contact, found by e-mail.
      'Dana E.,journalist,DANA@kursiv.example,Kursiv,,,,energy,',
      'Vlast.kz,outlet,,,ru,website:https://vlast.kz,,politics,',
      'Saule News,journalist,saule@vlast.example,Vlast.kz,ru,,,,',
    ].join('\r\n');
    const before = await footprint();
    const dry = await upload({ name: 'contacts.csv', content: csv }, officer.cookie, '?dryRun=true');
    expect(await dry.json()).toMatchObject({ rows: 6, created: 4, merged: 2, isDryRun: true });
    expect(await footprint()).toEqual(before);

    const res = await upload({ name: 'contacts.csv', content: csv });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      rows: 6,
      created: 4,
      merged: 2,
      createdOutlets: [],
      createdLists: ['Astana lifestyle bloggers'],
      isDryRun: false,
    });
    const all = (
      await (
        await call('GET', `/api/media-contacts?missionId=${mission.id}`, { cookie: officer.cookie })
      ).json()
    ).items as {
      name: string;
      topics: string[];
      audienceSize: number;
      languages: string[];
      outlet: { name: string } | null;
      listIds: string[];
    }[];
    const byName = new Map(all.map((c) => [c.name, c]));
    expect(byName.get('Aigerim Eats')).toMatchObject({
      topics: ['food', 'design'],
      audienceSize: 50000,
      languages: ['kk', 'ru', 'en'],
    });
    expect(byName.get('Dana Economist')!.topics).toEqual(['economy', 'SMEs', 'energy']);
    expect(byName.get('Saule News')!.outlet?.name).toBe('Vlast.kz');
    expect(byName.has('A. Eats')).toBe(false);
    const lists = await (
      await call('GET', `/api/media-lists?missionId=${mission.id}`, { cookie: officer.cookie })
    ).json();
    const bloggers = lists.find((l: { name: string }) => l.name === 'Astana lifestyle bloggers');
    expect(bloggers.contactIds).toHaveLength(2);

    // Importing the same file again creates nothing.
    const again = await upload({ name: 'contacts.csv', content: csv });
    expect(await again.json()).toMatchObject({ created: 0, merged: 6 });
  });

  it('reads XLSX files', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Name', 'Kind', 'Channels', 'Audience']);
    sheet.addRow(['Madina Travels', 'blogger', 'youtube:@madina.travels', 8000]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload({ name: 'contacts.xlsx', content: data });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rows: 1, created: 1, merged: 0 });
  });
});
