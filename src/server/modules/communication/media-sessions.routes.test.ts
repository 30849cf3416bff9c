import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPerson, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';

const { db, call } = await setupTestApp();
const mission = await buildMission(db);
const plan = await buildPlan(db, { missionId: mission.id });
const officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
const viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
const collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
const hq = await buildUser(db, {
  missionId: (await buildMission(db, { kind: 'headquarters' })).id,
  role: 'viewer',
});
const journalist = await buildPerson(db, {
  missionId: mission.id,
  kind: 'journalist',
  fullName: 'Aruzhan K.',
});
const url = `/api/plans/${plan.id}/media-sessions`;
const created = await call('POST', url, {
  cookie: officer.cookie,
  body: {
    heldOn: '2021-12-10',
    title: 'Listening session',
    attendeeIds: [journalist.id],
    otherAttendees: 'Dana S. (freelance)',
    suggestions: 'More stories, fewer announcements',
  },
});
const session = await created.json();

describe('media sessions follow the contacts policy', () => {
  it('show the attendees to those who read the contacts', async () => {
    expect(created.status).toBe(201);
    for (const user of [officer, viewer, hq]) {
      const [listed] = await (await call('GET', url, { cookie: user.cookie })).json();
      expect(listed.attendees).toEqual([{ id: journalist.id, fullName: 'Aruzhan K.', kind: 'journalist' }]);
      expect(listed.otherAttendees).toBe('Dana S. (freelance)');
    }
  });

  it('hide who came from an external collaborator, as the contacts list does', async () => {
    const contacts = await call('GET', '/api/people', { cookie: collaborator.cookie });
    expect(await contacts.json()).toMatchObject({ items: [] });
    const res = await call('GET', url, { cookie: collaborator.cookie });
    expect(res.status).toBe(200);
    const [listed] = await res.json();
    expect(listed).toMatchObject({
      id: session.id,
      title: 'Listening session',
      attendees: [],
      otherAttendees: null,
    });
    expect(listed.suggestions).toBe('More stories, fewer announcements');
    expect(JSON.stringify(listed)).not.toContain('Aruzhan');
    expect(JSON.stringify(listed)).not.toContain('Dana');
  });
});
