/** The communication procedure's API: scheduling steps from initiatives' dates, updating steps, evidence files. */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMission, buildPerson } from '../../../../test/helpers/factories.ts';
import { initiativeDelegates } from '../initiatives/index.ts';
import { auditLog } from '../missions/index.ts';

import {
  app,
  byPosition,
  call,
  collaborator,
  collaboratorPerson,
  createInitiative,
  db,
  headPerson,
  mission,
  officer,
  officerPerson,
  outsider,
  plan,
  stepsOf,
  type TStep,
  viewer,
} from './procedure.routes.fixture.ts';

describe('scheduling on initiative create and update', () => {
  it('gives a dated standard initiative nine steps, with owners from their roles', async () => {
    const initiative = await createInitiative({
      startDate: '2030-03-05',
      endDate: '2030-03-06',
      ownerId: officerPerson.id,
    });
    const steps = await stepsOf(initiative.id);
    expect(steps).toHaveLength(9);
    expect(byPosition(steps)).toMatchObject({
      1: '2030-02-23',
      2: '2030-02-28',
      3: '2030-03-04',
      6: '2030-03-07',
      10: '2030-03-13',
    });
    expect(steps.find((s) => s.position === 2)!.owner?.id).toBe(headPerson.id);
    expect(steps.find((s) => s.position === 1)!.owner?.id).toBe(officerPerson.id);
    expect(steps.every((s) => s.status === 'todo' && !s.dateToConfirm && !s.isOverdue)).toBe(true);
  });

  it('gives a major initiative ten steps and an undated one none', async () => {
    const major = await createInitiative({ startDate: '2030-05-10', importance: 'major' });
    expect(await stepsOf(major.id)).toHaveLength(10);
    const undated = await createInitiative({});
    expect(await stepsOf(undated.id)).toHaveLength(0);
  });

  it('flags the steps of a month-precision initiative as date to confirm', async () => {
    const initiative = await createInitiative({ startDate: '2030-09-01', datePrecision: 'month' });
    const steps = await stepsOf(initiative.id);
    expect(steps).toHaveLength(9);
    expect(steps.every((s) => s.dateToConfirm)).toBe(true);
    expect(byPosition(steps)[10]).toBe('2030-10-07');
  });

  it('moves the open steps when the date moves and keeps the done ones', async () => {
    const initiative = await createInitiative({ startDate: '2030-04-20' });
    const steps = await stepsOf(initiative.id);
    for (const position of [1, 2]) {
      const step = steps.find((s) => s.position === position)!;
      const res = await call('PATCH', `/api/communication-steps/${step.id}`, {
        cookie: officer.cookie,
        body: { status: 'done', version: step.version },
      });
      expect(res.status).toBe(200);
      expect((await res.json()).doneBy.id).toBe(officer.id);
    }
    const moved = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { startDate: '2030-05-02', endDate: '2030-05-02', version: initiative.version },
    });
    expect(moved.status).toBe(200);
    const after = byPosition(await stepsOf(initiative.id));
    expect(after[1]).toBe('2030-04-10');
    expect(after[2]).toBe('2030-04-15');
    expect(after[3]).toBe('2030-05-01');
    expect(after[10]).toBe('2030-05-09');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'communication_schedule'), eq(auditLog.entityId, initiative.id)));
    expect(audit.map((a) => (a.after as { moved: number; created: number }).moved)).toEqual([0, 7]);
  });

  it('adds step 7 when an initiative becomes major, and removes it (if open) when it stops being', async () => {
    const initiative = await createInitiative({ startDate: '2030-06-01' });
    const res = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { importance: 'major', version: initiative.version },
    });
    expect(res.status).toBe(200);
    expect((await stepsOf(initiative.id)).map((s) => s.position)).toContain(7);
    await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { importance: 'standard', version: initiative.version + 1 },
    });
    expect((await stepsOf(initiative.id)).map((s) => s.position)).not.toContain(7);
  });
});

describe('POST /api/initiatives/{id}/communication-steps/schedule', () => {
  it('schedules an initiative that existed before, once', async () => {
    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      startDate: '2031-01-05',
      endDate: '2031-01-05',
    });
    const first = await call('POST', `/api/initiatives/${initiative.id}/communication-steps/schedule`, {
      cookie: officer.cookie,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: 9, moved: 0, removed: 0 });
    const again = await (
      await call('POST', `/api/initiatives/${initiative.id}/communication-steps/schedule`, {
        cookie: officer.cookie,
      })
    ).json();
    expect(again).toMatchObject({ created: 0, moved: 0 });
    expect(again.steps).toHaveLength(9);
    expect(byPosition(again.steps)[1]).toBe('2030-12-26');
  });

  it('refuses an initiative without a date (400), viewers (403) and other missions (404)', async () => {
    const undated = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const res = await call('POST', `/api/initiatives/${undated.id}/communication-steps/schedule`, {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('startDate');
    const dated = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      startDate: '2031-02-01',
    });
    const path = `/api/initiatives/${dated.id}/communication-steps/schedule`;
    expect((await call('POST', path, { cookie: viewer.cookie })).status).toBe(403);
    expect((await call('POST', path, { cookie: outsider.cookie })).status).toBe(404);
  });
});

describe('PATCH /api/communication-steps/{id}', () => {
  let steps: TStep[];
  let initiativeId: string;
  beforeAll(async () => {
    const initiative = await createInitiative({ startDate: '2030-07-10' });
    initiativeId = initiative.id;
    steps = await stepsOf(initiative.id);
  });

  it('needs a reason to skip (400), and records it', async () => {
    const step = steps[3]!;
    const res = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'skipped', version: step.version },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toEqual(['skipReason']);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'skipped', skipReason: 'No social accounts for this one', version: step.version },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'skipped',
      skipReason: 'No social accounts for this one',
      version: step.version + 1,
    });
  });

  it('refuses a bad evidence link and an unknown status (400), a stale version (409)', async () => {
    const step = steps[4]!;
    const bad = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'finished', evidenceUrl: 'javascript:alert(1)', version: step.version },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'evidenceUrl',
      'status',
    ]);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { status: 'done', evidenceUrl: 'https://example.org/press-review.pdf', version: step.version },
    });
    expect((await ok.json()).evidenceUrl).toBe('https://example.org/press-review.pdf');
    const stale = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { notes: 'late', version: step.version },
    });
    expect(stale.status).toBe(409);
  });

  it('lets viewers read but not write (403), and hides other missions (404)', async () => {
    const step = steps[5]!;
    expect((await stepsOf(initiativeId, viewer.cookie)).length).toBe(9);
    const body = { status: 'done', version: step.version };
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: viewer.cookie, body })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: outsider.cookie, body })).status,
    ).toBe(404);
  });

  it('lets collaborators work only on their assigned initiatives, without reassigning', async () => {
    const step = steps[6]!;
    const body = { status: 'done', version: step.version };
    expect((await stepsOf(initiativeId, collaborator.cookie)).length).toBe(0);
    expect(
      (await call('PATCH', `/api/communication-steps/${step.id}`, { cookie: collaborator.cookie, body }))
        .status,
    ).toBe(404);
    await db
      .insert(initiativeDelegates)
      .values({ missionId: mission.id, initiativeId, personId: collaboratorPerson.id });
    const reassign = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: collaborator.cookie,
      body: { ownerId: collaboratorPerson.id, version: step.version },
    });
    expect(reassign.status).toBe(403);
    const ok = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: collaborator.cookie,
      body,
    });
    expect(ok.status).toBe(200);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'communication_step'), eq(auditLog.entityId, step.id)));
    expect(audit.map((a) => a.userId)).toEqual([collaborator.id]);
  });

  it('lets writers reassign within the mission only (400 otherwise)', async () => {
    const step = steps[7]!;
    const stranger = await buildPerson(db, { missionId: (await buildMission(db)).id });
    const bad = await call('PATCH', `/api/communication-steps/${step.id}`, {
      cookie: officer.cookie,
      body: { ownerId: stranger.id, version: step.version },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('ownerId');
  });
});

describe('evidence files', () => {
  const upload = (stepId: string, cookie: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return app.request(`/api/communication-steps/${stepId}/evidence`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
  };

  it("stores a file as a step's evidence, replaced by the next, readable by who sees the step", async () => {
    const initiative = await createInitiative({ startDate: '2030-08-10' });
    const [step] = await stepsOf(initiative.id);
    const review = new File(['Rassegna stampa: 12 articles'], 'rassegna stampa.pdf', {
      type: 'application/pdf',
    });
    expect((await upload(step!.id, viewer.cookie, review)).status).toBe(403);
    expect((await upload(step!.id, outsider.cookie, review)).status).toBe(404);
    const empty = await upload(step!.id, officer.cookie, new File([], 'empty.pdf'));
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0].field).toBe('file');
    const res = await upload(step!.id, officer.cookie, review);
    expect(res.status).toBe(200);
    expect((await res.json()).evidenceFile).toMatchObject({
      name: 'rassegna stampa.pdf',
      contentType: 'application/pdf',
      size: 28,
    });
    const replaced = await upload(
      step!.id,
      officer.cookie,
      new File(['v2'], 'v2.txt', { type: 'text/plain' }),
    );
    expect((await replaced.json()).evidenceFile).toMatchObject({ name: 'v2.txt', size: 2 });
    const download = await call('GET', `/api/communication-steps/${step!.id}/evidence`, {
      cookie: viewer.cookie,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="v2.txt"');
    expect(await download.text()).toBe('v2');
    expect(
      (await call('GET', `/api/communication-steps/${step!.id}/evidence`, { cookie: outsider.cookie }))
        .status,
    ).toBe(404);
    const [other] = (await stepsOf(initiative.id)).slice(1);
    expect(
      (await call('GET', `/api/communication-steps/${other!.id}/evidence`, { cookie: officer.cookie }))
        .status,
    ).toBe(404);
  });
});
