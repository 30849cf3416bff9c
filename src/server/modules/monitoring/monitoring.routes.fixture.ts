/** The shared setup of the monitoring API tests: a mission with its plan, one user per role, three people with competences, and response helpers. */
import { beforeAll } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPerson, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';

export const { db, call } = await setupTestApp();

export type TUser = Awaited<ReturnType<typeof buildUser>>;
export let mission: Awaited<ReturnType<typeof buildMission>>;
export let plan: Awaited<ReturnType<typeof buildPlan>>;
export let officer: TUser;
export let viewer: TUser;
export let collaborator: TUser;
export let hqReader: TUser;
export let outsider: TUser;
export let musician: Awaited<ReturnType<typeof buildPerson>>;
export let trader: Awaited<ReturnType<typeof buildPerson>>;
export let collaboratorPerson: Awaited<ReturnType<typeof buildPerson>>;

export const json = async (res: Response) => {
  const body = await res.json();
  return body;
};
export const fields = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

beforeAll(async () => {
  mission = await buildMission(db, { hostCountry: 'KZ' });
  plan = await buildPlan(db, { missionId: mission.id });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  const hq = await buildMission(db, { kind: 'headquarters' });
  hqReader = await buildUser(db, { missionId: hq.id, role: 'admin' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  musician = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Dina Musician',
    competences: [{ tag: 'music', level: 3 }],
    languages: ['kk', 'ru'],
    capacity: 4,
  });
  trader = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Tom Trader',
    competences: [{ tag: 'trade', level: 3 }],
    languages: ['it'],
    capacity: 4,
  });
  collaboratorPerson = await buildPerson(db, {
    missionId: mission.id,
    fullName: 'Carla Collaborator',
    kind: 'external_collaborator',
    userId: collaborator.id,
  });
  // A journalist is a contact, not a team member: never suggested.
  await buildPerson(db, { missionId: mission.id, fullName: 'Jo Journalist', kind: 'journalist' });
});
