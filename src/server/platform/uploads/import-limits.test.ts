import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';
import { xlsxBomb } from './test-zip.ts';

const { app, db } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
});

const routes = {
  initiatives: () => `/api/plans/${plan.id}/initiatives/import`,
  mediaContacts: () => `/api/missions/${mission.id}/media-contacts/import`,
};

function upload(path: string, name: string, content: string | Uint8Array) {
  const form = new FormData();
  form.append('file', new File([content as BlobPart], name));
  return app.request(path, { method: 'POST', body: form, headers: { cookie: officer.cookie } });
}

const csv = (header: string, count: number, row: (i: number) => string) =>
  [header, ...Array.from({ length: count }, (_, i) => row(i))].join('\n');

describe('row limit of the imports', () => {
  it.each([
    [
      'initiatives',
      routes.initiatives,
      csv('initiative,date,type', 100_000, (i) => `Row ${i},2022-05,concert`),
    ],
    ['media contacts', routes.mediaContacts, csv('name,kind,email', 100_000, (i) => `Name ${i},blogger,`)],
  ])('refuses a 100,000-row CSV of %s (400 naming the row limit)', async (_what, path, content) => {
    const started = Date.now();
    const res = await upload(path(), 'big.csv', content);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'file', message: 'has 100,000 rows: at most 5,000 can be imported at once, split it' },
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('errors of an import with many bad rows', () => {
  it.each([
    [
      'initiatives',
      routes.initiatives,
      csv('initiative,date,type', 4_000, (i) => `Row ${i},Primavera,festival`),
    ],
    [
      'media contacts',
      routes.mediaContacts,
      csv('name,kind,email', 4_000, (i) => `Broken ${i},podcaster,not-an-email`),
    ],
  ])('lists at most 100 errors of 4,000 bad %s rows, with the total', async (_what, path, content) => {
    const res = await upload(path(), 'bad.csv', content);
    expect(res.status).toBe(400);
    const body = await res.json();
    // Two errors per row.
    expect(body.errors).toHaveLength(100);
    expect(body.errorCount).toBe(8_000);
    expect(body.totalErrors).toBe(8_000);
    expect(body.detail).toMatch(/has 8,000 errors \(the first 100 are listed\): nothing was imported\.$/);
    expect(body.errors[0].row).toBe(2);
    expect(body.errors[99].row).toBe(51);
  });
});

describe('a zip bomb through the imports', () => {
  it.each([
    ['initiatives', routes.initiatives],
    ['media contacts', routes.mediaContacts],
  ])(
    'refuses a 400 MB XLSX bomb of %s before parsing (400 naming `file` and the reason)',
    async (_what, path) => {
      const bomb = await xlsxBomb(400);
      const rss = process.memoryUsage().rss;
      const started = Date.now();
      const res = await upload(path(), 'bomb.xlsx', bomb);
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual([
        {
          field: 'file',
          message: '"bomb.xlsx" would inflate to more than 100 MB when opened: it is too large to read',
        },
      ]);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    },
  );
});
