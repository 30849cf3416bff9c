import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { buildMission, buildPlan, buildUser } from '../../../test/helpers/factories.ts';
import { createApp } from '../app.ts';
import { xlsxBomb } from '../platform/uploads/test-zip.ts';

const database = await createTestDatabase();
const db = database.db;
let server: ServerType;
let base: string;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officers: Awaited<ReturnType<typeof buildUser>>[];

beforeAll(async () => {
  const mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  officers = await Promise.all(
    [1, 2, 3].map(() => buildUser(db, { missionId: mission.id, role: 'officer' })),
  );
  const app = createApp({ db, config: { publicUrl: 'http://localhost', isSecureCookie: false } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

const BOUNDARY = 'softpower-test-boundary';
const partHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const partTail = `\r\n--${BOUNDARY}--\r\n`;

/** Uploads `data` to the initiatives import over HTTP. */
function upload(cookie: string, name: string, data: Uint8Array) {
  const body = Buffer.concat([Buffer.from(partHead(name)), data, Buffer.from(partTail)]);
  return fetch(`${base}/api/plans/${plan.id}/initiatives/import`, {
    method: 'POST',
    body,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

/** Asks /api/health every 100 ms until `until` settles; gives every answer's status and time. */
async function pollHealth(until: Promise<unknown>) {
  const answers: { status: number; ms: number }[] = [];
  let isDone = false;
  void until.finally(() => {
    isDone = true;
  });
  while (!isDone) {
    const started = Date.now();
    const res = await fetch(`${base}/api/health`);
    answers.push({ status: res.status, ms: Date.now() - started });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return answers;
}

describe('uploads on a real HTTP server', () => {
  it('reads three heavy uploads at once while /api/health keeps answering', async () => {
    // Each lies about its sizes and inflates to 300 MB in the parse worker.
    const bomb = await xlsxBomb(300, { declaredSize: 4_000 });
    const uploads = Promise.all(officers.map((o, i) => upload(o.cookie, `bomb-${i}.xlsx`, bomb)));
    const health = await pollHealth(uploads);
    const results = await uploads;
    expect(results.map((r) => r.status)).toEqual([413, 413, 413]);
    for (const res of results) expect((await res.json()).errors[0].field).toBe('file');
    expect(health.length).toBeGreaterThan(0);
    for (const answer of health) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1_000);
    }
    const after = await fetch(`${base}/api/health`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ok' });
  }, 60_000);

  it('refuses a second upload of the same user while the first is still being sent (429, Retry-After)', async () => {
    const [officer] = officers as [(typeof officers)[number]];
    let finish: () => void = () => {};
    const rest = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // The first upload sends its head, then waits: the server holds the user's slot meanwhile.
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(partHead('slow.csv')));
        await rest;
        controller.enqueue(new TextEncoder().encode(`initiative,date,type\nSlow,2022-05,concert${partTail}`));
        controller.close();
      },
    });
    const first = fetch(`${base}/api/plans/${plan.id}/initiatives/import?dryRun=true`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { cookie: officer.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await upload(
      officer.cookie,
      'second.csv',
      Buffer.from('initiative,date,type\nB,2022-05,concert'),
    );
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user is not held up.
    const other = await upload(
      officers[1]!.cookie,
      'other.csv',
      Buffer.from('initiative,date,type\nC,2022-05,concert'),
    );
    expect(other.status).not.toBe(429);
    finish();
    expect((await first).status).toBe(200);
    // Once the first is done, the user may upload again.
    const third = await upload(
      officer.cookie,
      'third.csv',
      Buffer.from('initiative,date,type\nD,2022-05,concert'),
    );
    expect(third.status).not.toBe(429);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  }, 30_000);
});
