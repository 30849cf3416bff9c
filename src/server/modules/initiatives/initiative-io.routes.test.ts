import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { INITIATIVE_COLUMNS } from './rules/initiative-table.ts';
import { initiativePartners, initiatives } from './tables.ts';

const { app, db } = await setupTestApp();

const BAD_ROW_FIXTURE = new URL('../../../../test/fixtures/initiatives-bad-row.csv', import.meta.url);
const HEADER = INITIATIVE_COLUMNS.join(',');

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id, acronym: 'TT2050' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
  await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera', kind: 'cultural_venue' });
});

/** POSTs a multipart upload as the browser does. */
function upload(
  planId: string,
  file: { name: string; content: string | Uint8Array } | null,
  options: { cookie?: string; query?: string } = {},
) {
  const form = new FormData();
  if (file) form.append('file', new File([file.content as BlobPart], file.name));
  return app.request(`/api/plans/${planId}/initiatives/import${options.query ?? ''}`, {
    method: 'POST',
    body: form,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
}

const download = (planId: string, format: string, cookie?: string) =>
  app.request(`/api/plans/${planId}/initiatives/export?format=${format}`, {
    headers: cookie ? { cookie } : {},
  });

/** Everything an import could write, to prove that a failed one wrote nothing. */
async function footprint(missionId: string) {
  const count = async (table: typeof initiatives | typeof organisations | typeof auditLog) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.missionId, missionId)))[0]!
      .n;
  return {
    initiatives: await count(initiatives),
    organisations: await count(organisations),
    audit: await count(auditLog),
  };
}

describe('POST /api/plans/{planId}/initiatives/import', () => {
  const csv = (rows: string[]) => ({ name: 'plan.csv', content: `${[HEADER, ...rows].join('\r\n')}\r\n` });

  it('refuses a caller without a session (401)', async () => {
    const res = await upload(plan.id, csv([]));
    expect(res.status).toBe(401);
  });

  it("hides another mission's plan (404) and forbids a viewer (403)", async () => {
    expect((await upload(plan.id, csv([]), { cookie: outsider.cookie })).status).toBe(404);
    expect((await upload(crypto.randomUUID(), csv([]), { cookie: officer.cookie })).status).toBe(404);
    const res = await upload(plan.id, csv([]), { cookie: viewer.cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('Your role cannot import initiatives in this mission.');
  });

  it('names `file` when it is missing, of the wrong type or not what its name says (400)', async () => {
    const cases: [{ name: string; content: string | Uint8Array } | null, string][] = [
      [null, 'is required: attach a .csv or .xlsx file'],
      [{ name: 'notes.txt', content: 'hello' }, '"notes.txt" must be a .csv or .xlsx file'],
      [
        { name: 'old.xls', content: 'x' },
        '"old.xls" is an old Excel .xls workbook: save it as .xlsx or .csv',
      ],
      [{ name: 'fake.xlsx', content: 'initiative,type' }, '"fake.xlsx" is not a valid .xlsx workbook'],
      [
        { name: 'zip.csv', content: new Uint8Array([0x50, 0x4b, 3, 4, 0]) },
        '"zip.csv" is an Excel workbook: give it the .xlsx extension',
      ],
      [
        { name: 'broken.csv', content: 'initiative,type\n"open,concert' },
        expect.stringMatching(/^is not valid CSV near line 2/),
      ],
    ];
    for (const [file, message] of cases) {
      const res = await upload(plan.id, file, { cookie: officer.cookie });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).errors).toEqual([{ field: 'file', message }]);
    }
  });

  it('refuses a file over 10 MB (413) and over 5,000 rows (400)', async () => {
    const big = await upload(
      plan.id,
      { name: 'big.csv', content: new Uint8Array(10 * 1024 * 1024 + 1).fill(65) },
      { cookie: officer.cookie },
    );
    expect(big.status).toBe(413);
    expect((await big.json()).errors).toEqual([{ field: 'file', message: 'is larger than 10 MB: split it' }]);
    const rows = Array.from({ length: 5001 }, (_, i) => `Row ${i},,concert`);
    const many = await upload(
      plan.id,
      { name: 'many.csv', content: `initiative,date,type\n${rows.join('\n')}` },
      { cookie: officer.cookie },
    );
    expect(many.status).toBe(400);
    expect((await many.json()).errors[0].message).toBe(
      'has 5,001 rows: at most 5,000 can be imported at once, split it',
    );
  });

  it('reports every error of the bad-row fixture with row and column, and writes nothing', async () => {
    const before = await footprint(mission.id);
    const res = await upload(
      plan.id,
      { name: 'initiatives-bad-row.csv', content: readFileSync(BAD_ROW_FIXTURE) },
      { cookie: officer.cookie },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.detail).toBe('The file has 2 errors: nothing was imported.');
    expect(body.errors).toEqual([
      {
        field: 'row 4, column date',
        row: 4,
        column: 'date',
        message:
          'must be a date such as 2022-05, 2022-05-14, 2022-01..2022-03, 2022-05-14..2022-05-16 or Gennaio–Marzo (found "Primavera")',
      },
      {
        field: 'row 4, column type',
        row: 4,
        column: 'type',
        message:
          'must be one of exhibition, concert, workshop, b2b_meeting, masterclass, fashion_show, institutional_event, public_diplomacy, training_module, conference, seminar, promotion_event, performance, launch, publication, other (found "festival")',
      },
    ]);
    expect(await footprint(mission.id)).toEqual(before);
  });

  it('names a missing required column, warns about unknown ones', async () => {
    const res = await upload(
      plan.id,
      { name: 'a.csv', content: 'Initiative,Budget\nGala,100\n' },
      { cookie: officer.cookie },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'row 1, column type', row: 1, column: 'type' }),
    ]);
    expect(body.warnings).toEqual(['Column "Budget" is not known and was ignored.']);
  });

  it('creates initiatives, unknown partners and audit entries; a dry run writes nothing', async () => {
    const file = csv([
      'Museo diffuso,Gennaio–Marzo,Mostra,astana opera / Fondazione Torino Musei,Elevato,approved,cultural,cooperation; innovation,Mani esperte,Astana,major,"A diffuse museum, in the capital",museo',
      'Waste to energy,2022-02-14..2022-02-15,b2b meeting,Fondazione Torino Musei;UNIDO ITPO,medium high,,economic_commercial,,,,,,',
      ',,,,,,,,,,,,',
    ]);
    const before = await footprint(mission.id);
    const dry = await upload(plan.id, file, { cookie: officer.cookie, query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      createdOrganisations: ['Fondazione Torino Musei', 'UNIDO ITPO'],
      warnings: [],
      isDryRun: true,
    });
    expect(await footprint(mission.id)).toEqual(before);

    const res = await upload(plan.id, file, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      created: 2,
      updated: 0,
      createdOrganisations: ['Fondazione Torino Musei', 'UNIDO ITPO'],
    });
    const after = await footprint(mission.id);
    // 2 initiatives, 2 organisations, their 4 audit entries and one for the import itself.
    expect(after).toEqual({
      initiatives: before.initiatives + 2,
      organisations: before.organisations + 2,
      audit: before.audit + 5,
    });
    const list = await (
      await app.request(`/api/initiatives?planId=${plan.id}&sort=title`, {
        headers: { cookie: officer.cookie },
      })
    ).json();
    const museo = list.items.find((i: { key: string }) => i.key === 'museo');
    expect(museo).toMatchObject({
      title: 'Museo diffuso',
      type: 'exhibition',
      status: 'approved',
      datePrecision: 'month',
      startDate: '2022-01-01',
      endDate: '2022-03-31',
      mediaReflection: 'high',
      importance: 'major',
      cities: ['Astana'],
      summary: 'A diffuse museum, in the capital',
      focusArea: { key: 'cultural' },
      programme: { key: 'mani-esperte' },
      vectors: [{ key: 'cooperation' }, { key: 'innovation' }],
    });
    expect(museo.partners.map((p: { name: string; role: string }) => `${p.name}/${p.role}`).sort()).toEqual([
      'Astana Opera/co_organiser',
      'Fondazione Torino Musei/co_organiser',
    ]);
    const waste = list.items.find((i: { title: string }) => i.title === 'Waste to energy');
    expect(waste).toMatchObject({
      key: null,
      status: 'proposed',
      datePrecision: 'day',
      startDate: '2022-02-14',
      endDate: '2022-02-15',
      type: 'b2b_meeting',
      mediaReflection: 'medium_high',
    });
    const [created] = await db
      .select()
      .from(organisations)
      .where(and(eq(organisations.missionId, mission.id), eq(organisations.name, 'UNIDO ITPO')));
    expect(created).toMatchObject({ kind: 'other' });
    expect(created!.notes).toContain('Created by an initiatives import');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, museo.id), eq(auditLog.action, 'create')));
    expect(entry).toMatchObject({ userId: officer.id, entity: 'initiative' });
  });

  it('updates rows whose key exists, keeps partner roles, and leaves unchanged rows alone', async () => {
    const venue = await buildOrganisation(db, { missionId: mission.id, name: 'Eni' });
    const gala = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      key: 'gala',
      title: 'Gala',
      type: 'concert',
      status: 'planned',
    });
    const quiet = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      key: 'quiet',
      title: 'Quiet',
      type: 'seminar',
      status: 'planned',
    });
    await db.insert(initiativePartners).values({
      missionId: mission.id,
      initiativeId: gala.id,
      organisationId: venue.id,
      role: 'private_sponsor',
    });
    const res = await upload(
      plan.id,
      {
        name: 'update.csv',
        content: [
          'initiative,type,date,actors involved,status,key',
          'Gala with Eni,concert,Novembre,Eni / Astana Opera,planned,gala',
          'Quiet,seminar,,,planned,quiet',
        ].join('\n'),
      },
      { cookie: officer.cookie, query: '?year=2023' },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const updated = await (
      await app.request(`/api/initiatives/${gala.id}`, { headers: { cookie: officer.cookie } })
    ).json();
    expect(updated).toMatchObject({
      title: 'Gala with Eni',
      version: 2,
      startDate: '2023-11-01',
      endDate: '2023-11-30',
    });
    expect(updated.partners.map((p: { name: string; role: string }) => `${p.name}/${p.role}`).sort()).toEqual(
      ['Astana Opera/co_organiser', 'Eni/private_sponsor'],
    );
    const [untouched] = await db.select().from(initiatives).where(eq(initiatives.id, quiet.id));
    expect(untouched!.version).toBe(1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, gala.id), eq(auditLog.action, 'update')));
    expect(entry!.before).toMatchObject({ title: 'Gala', version: 1 });
    expect(entry!.after).toMatchObject({ title: 'Gala with Eni', version: 2 });
  });
});

describe('GET /api/plans/{planId}/initiatives/export', () => {
  it('refuses a caller without a session (401), hides other missions (404), names a bad format (400)', async () => {
    expect((await download(plan.id, 'csv')).status).toBe(401);
    expect((await download(plan.id, 'csv', outsider.cookie)).status).toBe(404);
    const res = await download(plan.id, 'pdf', officer.cookie);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ field: 'format', message: 'must be csv or xlsx' }]);
  });

  it('writes CSV with a BOM, the header and one line per initiative, for a viewer too', async () => {
    const res = await download(plan.id, 'csv', viewer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="TT2050-initiatives.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(`\uFEFF${HEADER}`);
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(initiatives)
      .where(eq(initiatives.planId, plan.id));
    expect(lines).toHaveLength(counted!.n + 1);
  });

  it('exports to a collaborator only the initiatives assigned to them', async () => {
    const collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
    const person = await buildPerson(db, { missionId: mission.id, userId: collaborator.id });
    await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Assigned',
      ownerId: person.id,
    });
    const res = await download(plan.id, 'csv', collaborator.cookie);
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Assigned,/);
  });

  it('writes a real XLSX workbook: bold frozen header, autofilter, rows, a Lists sheet', async () => {
    const res = await download(plan.id, 'xlsx', officer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="TT2050-initiatives.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Initiatives')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...INITIATIVE_COLUMNS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const titles = sheet.getColumn(1).values.slice(2);
    expect(titles).toContain('Museo diffuso');
    expect(workbook.getWorksheet('Lists')!.getRow(1).values).toContain('type');
  });
});

describe('round trip on the TT2050 demo', () => {
  it('exports and re-imports as CSV and as XLSX without changing anything', async () => {
    const demo = await loadPlanData(db);
    const admin = await buildUser(db, { missionId: demo.missionId, role: 'admin' });
    const csv1 = new Uint8Array(await (await download(demo.planId, 'csv', admin.cookie)).arrayBuffer());
    expect(new TextDecoder().decode(csv1).split('\r\n').filter(Boolean)).toHaveLength(31);
    const before = await footprint(demo.missionId);
    for (const [name, content] of [
      ['TT2050-initiatives.csv', csv1],
      [
        'TT2050-initiatives.xlsx',
        new Uint8Array(await (await download(demo.planId, 'xlsx', admin.cookie)).arrayBuffer()),
      ],
    ] as const) {
      const res = await upload(demo.planId, { name, content }, { cookie: admin.cookie });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        rows: 30,
        created: 0,
        updated: 0,
        unchanged: 30,
        createdOrganisations: [],
        warnings: [],
        isDryRun: false,
      });
    }
    expect(await footprint(demo.missionId)).toEqual(before);
    const csv2 = new Uint8Array(await (await download(demo.planId, 'csv', admin.cookie)).arrayBuffer());
    expect(Buffer.from(csv2).equals(Buffer.from(csv1))).toBe(true);
  });
});
