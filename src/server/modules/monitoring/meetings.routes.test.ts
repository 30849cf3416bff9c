/** Staff meetings over HTTP: check-ins carried forward, agenda, minutes and their PDF (split from monitoring.routes.test.ts). */
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildPlan } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import {
  call,
  collaborator,
  db,
  fields,
  hqReader,
  json,
  mission,
  musician,
  officer,
  outsider,
  trader,
  viewer,
} from './monitoring.routes.fixture.ts';

describe('staff meetings', () => {
  let meetingPlan: Awaited<ReturnType<typeof buildPlan>>;
  let soon: Awaited<ReturnType<typeof buildInitiative>>;
  let unowned: Awaited<ReturnType<typeof buildInitiative>>;
  let later: Awaited<ReturnType<typeof buildInitiative>>;

  beforeAll(async () => {
    meetingPlan = await buildPlan(db, { missionId: mission.id });
    const scoped = { missionId: mission.id, planId: meetingPlan.id };
    soon = await buildInitiative(db, {
      ...scoped,
      title: 'Violin concert',
      startDate: '2022-05-10',
      ownerId: musician.id,
      status: 'planned',
    });
    unowned = await buildInitiative(db, {
      ...scoped,
      title: 'Food week',
      startDate: '2022-09-01',
      status: 'approved',
    });
    later = await buildInitiative(db, {
      ...scoped,
      title: 'Design fair',
      startDate: '2022-06-30',
      ownerId: trader.id,
      status: 'in_preparation',
    });
    // Not active: never on the agenda nor checked.
    await buildInitiative(db, {
      ...scoped,
      title: 'Old exhibition',
      startDate: '2022-05-05',
      status: 'evaluated',
    });
  });

  const create = (cookie: string, body: Record<string, unknown>) =>
    call('POST', '/api/meetings', { cookie, body: { planId: meetingPlan.id, ...body } });

  it('refuses a meeting without a date or with a bad one (400), viewers and headquarters (403), other missions (404)', async () => {
    const res = await create(officer.cookie, { title: 'Weekly' });
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['meetingDate']);
    expect(await fields(await create(officer.cookie, { meetingDate: '2022-02-30' }))).toEqual([
      'meetingDate',
    ]);
    expect((await create(viewer.cookie, { meetingDate: '2022-05-02' })).status).toBe(403);
    expect((await create(hqReader.cookie, { meetingDate: '2022-05-02' })).status).toBe(403);
    expect((await create(collaborator.cookie, { meetingDate: '2022-05-02' })).status).toBe(403);
    expect((await create(outsider.cookie, { meetingDate: '2022-05-02' })).status).toBe(404);
  });

  it('records statuses, carries them forward, and builds the agenda and minutes', async () => {
    const first = await json(await create(officer.cookie, { meetingDate: '2022-05-02', title: 'Weekly' }));
    expect((await create(officer.cookie, { meetingDate: '2022-05-02' })).status).toBe(409);

    // The agenda: the concert starts within 14 days; the food week has no owner.
    const agenda = await json(
      await call('GET', `/api/meetings/${first.id}/agenda`, { cookie: viewer.cookie }),
    );
    const section = (key: string) =>
      agenda.sections
        .find((s: { key: string }) => s.key === key)
        .items.map((i: { title: string }) => i.title);
    expect(section('initiatives.starting')).toEqual(['Violin concert']);
    expect(section('initiatives.unowned')).toEqual(['Food week']);
    const unownedItem = agenda.sections.find((s: { key: string }) => s.key === 'initiatives.unowned')
      .items[0];
    expect(unownedItem).toMatchObject({
      initiativeId: unowned.id,
      severity: 'warning',
      detailMessages: [{ key: 'agenda.detail.chooseOwner', params: {} }],
    });
    expect(unownedItem.message).toBeUndefined();
    expect(section('meetings.overdue_actions')).toEqual([]);

    const statusPath = `/api/meetings/${first.id}/statuses/${soon.id}`;
    const bad = await call('PUT', statusPath, { cookie: officer.cookie, body: { status: 'great' } });
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toEqual(['status']);
    expect(
      (await call('PUT', statusPath, { cookie: viewer.cookie, body: { status: 'on_track' } })).status,
    ).toBe(403);
    const recorded = await call('PUT', statusPath, {
      cookie: officer.cookie,
      body: { status: 'at_risk', note: 'Venue not confirmed' },
    });
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toMatchObject({ status: 'at_risk', source: 'recorded' });
    await call('PUT', `/api/meetings/${first.id}/statuses/${later.id}`, {
      cookie: officer.cookie,
      body: { status: 'done' },
    });

    const badItem = await call('POST', `/api/meetings/${first.id}/action-items`, {
      cookie: officer.cookie,
      body: { text: 'Confirm the hall', dueDate: '2022-13-01', ownerId: crypto.randomUUID() },
    });
    expect(badItem.status).toBe(400);
    expect(await fields(badItem)).toEqual(['dueDate']);
    const strangerRes = await call('POST', `/api/meetings/${first.id}/action-items`, {
      cookie: officer.cookie,
      body: { text: 'Confirm the hall', ownerId: crypto.randomUUID() },
    });
    expect(await fields(strangerRes)).toEqual(['ownerId']);
    const item = await json(
      await call('POST', `/api/meetings/${first.id}/action-items`, {
        cookie: officer.cookie,
        body: {
          text: 'Confirm the hall',
          ownerId: musician.id,
          dueDate: '2022-05-06',
          initiativeId: soon.id,
        },
      }),
    );
    expect(item).toMatchObject({ owner: { fullName: 'Dina Musician' }, isDone: false, version: 1 });
    const decision = await call('POST', `/api/meetings/${first.id}/decisions`, {
      cookie: officer.cookie,
      body: { text: 'Move the fair online if the hall is not free', initiativeId: later.id },
    });
    expect(decision.status).toBe(201);
    expect(
      (
        await call('POST', `/api/meetings/${first.id}/decisions`, {
          cookie: officer.cookie,
          body: { text: ' ' },
        })
      ).status,
    ).toBe(400);

    // The next meeting: the concert's status carries forward, the fair (done) does not.
    const second = await json(await create(officer.cookie, { meetingDate: '2022-05-09' }));
    const detail = await json(await call('GET', `/api/meetings/${second.id}`, { cookie: hqReader.cookie }));
    expect(detail.previousMeeting).toMatchObject({ id: first.id });
    const byTitle = Object.fromEntries(
      detail.checkIns.map((c: { title: string; status: string | null; source: string }) => [
        c.title,
        `${c.status} ${c.source}`,
      ]),
    );
    expect(byTitle).toEqual({
      'Violin concert': 'at_risk carried',
      'Design fair': 'null none',
      'Food week': 'null none',
    });
    // A status changed at the first meeting reaches the second while it is still carried.
    await call('PUT', statusPath, {
      cookie: officer.cookie,
      body: { status: 'late', note: 'Hall booked late' },
    });
    const carried = (await json(await call('GET', `/api/meetings/${second.id}`, { cookie: officer.cookie })))
      .checkIns;
    expect(carried.find((c: { title: string }) => c.title === 'Violin concert')).toMatchObject({
      status: 'late',
      note: 'Hall booked late',
      source: 'carried',
    });

    // The overdue action item is on the second meeting's agenda; done, it leaves it.
    const agenda2 = await json(
      await call('GET', `/api/meetings/${second.id}/agenda`, { cookie: officer.cookie }),
    );
    const overdue = agenda2.sections.find((s: { key: string }) => s.key === 'meetings.overdue_actions').items;
    expect(overdue).toMatchObject([{ title: 'Confirm the hall', severity: 'danger', dueDate: '2022-05-06' }]);
    expect(overdue[0].message).toBeUndefined();
    expect(overdue[0].detailMessages.at(-1)).toEqual({
      key: 'agenda.detail.agreedOn',
      params: { date: '2022-05-02' },
    });
    const stale = await call('PATCH', `/api/action-items/${item.id}`, {
      cookie: officer.cookie,
      body: { isDone: true, version: 7 },
    });
    expect(stale.status).toBe(409);
    const done = await call('PATCH', `/api/action-items/${item.id}`, {
      cookie: officer.cookie,
      body: { isDone: true, version: 1 },
    });
    expect(await done.json()).toMatchObject({ isDone: true, version: 2 });
    const agenda3 = await json(
      await call('GET', `/api/meetings/${second.id}/agenda`, { cookie: officer.cookie }),
    );
    expect(agenda3.sections.find((s: { key: string }) => s.key === 'meetings.overdue_actions').items).toEqual(
      [],
    );

    // External collaborators see no meetings.
    expect((await call('GET', `/api/meetings/${first.id}`, { cookie: collaborator.cookie })).status).toBe(
      404,
    );
    const list = await json(
      await call('GET', `/api/meetings?planId=${meetingPlan.id}`, { cookie: collaborator.cookie }),
    );
    expect(list.items).toEqual([]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, first.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('exports the agenda and minutes as a PDF with their text', async () => {
    const meeting = await json(
      await create(officer.cookie, { meetingDate: '2022-06-20', title: 'Summer check' }),
    );
    await call('PUT', `/api/meetings/${meeting.id}/statuses/${later.id}`, {
      cookie: officer.cookie,
      body: { status: 'late', note: 'Катерина ждёт ответа' },
    });
    await call('POST', `/api/meetings/${meeting.id}/decisions`, {
      cookie: officer.cookie,
      body: { text: 'Keep the fair in Almaty' },
    });
    await call('POST', `/api/meetings/${meeting.id}/action-items`, {
      cookie: officer.cookie,
      body: { text: 'Call the venue', ownerId: trader.id, dueDate: '2022-06-24' },
    });
    const res = await call('GET', `/api/meetings/${meeting.id}/minutes.pdf`, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const expected of [
      'Summer check, 20 June 2022',
      'Starting in the next 14 days',
      'Design fair',
      'Late',
      'Катерина ждёт ответа',
      'Keep the fair in Almaty',
      'Call the venue',
      'Tom Trader',
      '24 Jun 2022',
    ])
      expect(text).toContain(expected);
    // In Italian and Kazakh: headings, statuses and dates; the data as written.
    const inLanguage = async (lang: string) => {
      const response = await call('GET', `/api/meetings/${meeting.id}/minutes.pdf?lang=${lang}`, {
        cookie: viewer.cookie,
      });
      expect(response.status).toBe(200);
      const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
      return (await extractText(document, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const italian = await inLanguage('it');
    for (const expected of [
      'Summer check, 20 giugno 2022',
      'Ordine del giorno',
      'Iniziano nei prossimi 14 giorni',
      'Stato delle iniziative',
      'In ritardo',
      'Decisioni',
      'Scadenza',
      'Keep the fair in Almaty',
    ])
      expect(italian).toContain(expected);
    expect(italian).not.toContain('Action items');
    // The agenda's own sentences too: the starting initiative's owner line is in Italian.
    expect(italian).toMatch(/Responsabile: |Ancora nessun responsabile/);
    expect(italian).not.toMatch(/Owner: |No owner yet/);
    const kazakh = await inLanguage('kk');
    for (const expected of ['20 маусым 2022 ж.', 'Күн тәртібі', 'Кешігуде', 'Катерина ждёт ответа'])
      expect(kazakh).toContain(expected);
    const french = await call('GET', `/api/meetings/${meeting.id}/minutes.pdf?lang=fr`, {
      cookie: viewer.cookie,
    });
    expect(french.status).toBe(400);
    expect((await french.json()).errors).toEqual([
      { field: 'lang', message: 'must be one of it, en, ru, kk' },
    ]);
    expect(
      (await call('GET', `/api/meetings/${meeting.id}/minutes.pdf`, { cookie: outsider.cookie })).status,
    ).toBe(404);
  });
});
