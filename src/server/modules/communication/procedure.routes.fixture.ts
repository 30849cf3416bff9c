import { beforeAll, expect } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPerson, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';

export const { app, db, call } = await setupTestApp();

export let mission: Awaited<ReturnType<typeof buildMission>>;
export let plan: Awaited<ReturnType<typeof buildPlan>>;
export let head: Awaited<ReturnType<typeof buildUser>>;
export let officer: Awaited<ReturnType<typeof buildUser>>;
export let collaborator: Awaited<ReturnType<typeof buildUser>>;
export let viewer: Awaited<ReturnType<typeof buildUser>>;
export let outsider: Awaited<ReturnType<typeof buildUser>>;
export let officerPerson: Awaited<ReturnType<typeof buildPerson>>;
export let collaboratorPerson: Awaited<ReturnType<typeof buildPerson>>;
export let headPerson: Awaited<ReturnType<typeof buildPerson>>;

export type TStep = {
  id: string;
  position: number;
  dueDate: string;
  status: string;
  version: number;
  owner: { id: string } | null;
  dateToConfirm: boolean;
  isOverdue: boolean;
  doneBy: { id: string } | null;
};

beforeAll(async () => {
  mission = await buildMission(db, { timeZone: 'Asia/Almaty' });
  plan = await buildPlan(db, { missionId: mission.id, acronym: 'COM' });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  officerPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Olga Officer',
    userId: officer.id,
  });
  collaboratorPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Carla Collaborator',
    kind: 'external_collaborator',
    userId: collaborator.id,
  });
  headPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Hugo Head',
    kind: 'head_of_mission',
    userId: head.id,
  });
});

export async function createInitiative(body: Record<string, unknown>) {
  const res = await call('POST', '/api/initiatives', {
    cookie: officer.cookie,
    body: { planId: plan.id, title: 'Italian cinema week', type: 'exhibition', ...body },
  });
  expect(res.status).toBe(201);
  return res.json();
}

export async function stepsOf(initiativeId: string, cookie = officer.cookie): Promise<TStep[]> {
  const res = await call('GET', `/api/communication-steps?initiativeId=${initiativeId}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()).items as TStep[]).sort((a, b) => a.position - b.position);
}

export const byPosition = (steps: TStep[]) => Object.fromEntries(steps.map((s) => [s.position, s.dueDate]));
