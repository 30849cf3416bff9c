/**
 * The route-policy table: for every operation of the API, the policy class that decides who may
 * call it, and for each class the answer each role of the authorization matrix must get. Written
 * once, from the modules' policies and the commands that apply them; the matrix test
 * (`authorization-matrix.test.ts`) calls every operation as every role and compares.
 *
 * A new route must be added here: the test fails while the table's keys and the OpenAPI
 * document's operations differ.
 */
import type { TMatrixRole } from './fixture.ts';

/**
 * `allow`: a status below 400, or a 400/409 caused by the body's semantics (a stale version, a
 * rule of the domain) — never 401, 403, 404 nor 5xx. A number: exactly that refusal.
 * 401 no session; 404 a record of another mission (or one the scope hides); 403 a record the
 * caller sees but may not change (docs/ARCHITECTURE.md, data rules).
 */
export type TExpected = 'allow' | 401 | 403 | 404;

const row = (
  viewer: TExpected,
  collaborator: TExpected,
  headquartersReader: TExpected,
  missionAdmin: TExpected,
): Record<TMatrixRole, TExpected> => ({
  anonymous: 401,
  viewer,
  collaborator,
  // Mission A's ids, asked for by a member of another mission / by a user with no membership.
  otherMissionOfficer: 404,
  headquartersReader,
  missionAdmin,
  networkAdmin: 404,
});

/**
 * The classes. The matrix's roles (viewer, collaborator, headquarters reader and administrator
 * of A; an officer of B; a network administrator) do not tell apart the writer roles (admin,
 * head of mission, officer), the manager roles (admin, head of mission) and the administrator:
 * `plan-writer` and `writer` stand for all three rules, on records the collaborator sees (403)
 * or does not see (404).
 */
export const POLICY_CLASSES = {
  /** No session needed; the same answer for everyone (the calendar feed's secret file name). */
  public: {
    anonymous: 'allow',
    viewer: 'allow',
    collaborator: 'allow',
    otherMissionOfficer: 'allow',
    headquartersReader: 'allow',
    missionAdmin: 'allow',
    networkAdmin: 'allow',
  },
  /** Checks a credential (password, one-time link): the matrix's wrong one is refused for everyone. */
  credential: {
    anonymous: 401,
    viewer: 401,
    collaborator: 401,
    otherMissionOfficer: 401,
    headquartersReader: 401,
    missionAdmin: 401,
    networkAdmin: 401,
  },
  /** Any signed-in user, about their own account. */
  'signed-in': {
    ...row('allow', 'allow', 'allow', 'allow'),
    otherMissionOfficer: 'allow',
    networkAdmin: 'allow',
  },
  /**
   * A list whose query carries the policy's scope: every signed-in user gets 200, with only what
   * they may read (the test checks that a user outside mission A gets none of A's records).
   */
  'scoped-list': {
    ...row('allow', 'allow', 'allow', 'allow'),
    otherMissionOfficer: 'allow',
    networkAdmin: 'allow',
  },
  /** planPolicy/missionPolicy scope: every member (collaborators included) and headquarters read. */
  'member-read': row('allow', 'allow', 'allow', 'allow'),
  /** A member who sees the plan acts for themself (a calendar feed of the plan). */
  member: row('allow', 'allow', 'allow', 'allow'),
  /**
   * fullReadMissionIds scope (contacts, proposals, rounds, risks, results, meetings, press…) or an
   * initiative's scope: collaborators (here assigned to nothing) do not see the record (404).
   */
  'full-read': row('allow', 404, 'allow', 'allow'),
  /** A plan every member sees, whose content is for full readers only (evaluation, reports, balance): 403. */
  'full-read-of-plan': row('allow', 403, 'allow', 'allow'),
  /** PROPOSER_ROLES: every role that works in the mission, collaborators included, not viewers. */
  proposer: row(403, 'allow', 403, 'allow'),
  /** Only the author edits (the administrator of A is not the demo proposal's author): 403 for them too. */
  author: row(403, 404, 403, 403),
  /** Writer/manager/admin rules on something every member sees (the plan, its structure, the mission). */
  'plan-writer': row(403, 403, 403, 'allow'),
  /** A record of one user (a calendar feed, made by the administrator of A): nobody else sees it. */
  'own-record': row(404, 404, 404, 'allow'),
  /** The ministry's IT only (`users.is_network_admin`): every other signed-in user 403, mission administrators included. */
  'network-admin': {
    anonymous: 401,
    viewer: 403,
    collaborator: 403,
    otherMissionOfficer: 403,
    headquartersReader: 403,
    missionAdmin: 403,
    networkAdmin: 'allow',
  },
  /** The signed-in person's own invitation: the matrix's roles have none pending in mission A (404). */
  invitee: {
    anonymous: 401,
    viewer: 404,
    collaborator: 404,
    otherMissionOfficer: 404,
    headquartersReader: 404,
    missionAdmin: 404,
    networkAdmin: 404,
  },
  /** Writer/manager/admin rules on records the collaborator does not see (404). */
  writer: row(403, 404, 403, 'allow'),
} as const satisfies Record<string, Record<TMatrixRole, TExpected>>;

export type TPolicyClass = keyof typeof POLICY_CLASSES;

/** Every operation of the API and its policy class. */
export const ROUTE_POLICIES: Record<string, TPolicyClass> = {
  'POST /api/auth/sign-in': 'credential',
  'POST /api/auth/sign-out': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/auth/link/{token}': 'credential',
  'POST /api/auth/password-reset': 'credential',
  'GET /api/auth/me/events': 'signed-in',
  'POST /api/auth/invitations/{missionId}/accept': 'invitee',
  'POST /api/auth/invitations/{missionId}/decline': 'invitee',
  'GET /api/network/missions': 'network-admin',
  'POST /api/network/missions': 'network-admin',
  'GET /api/network/accounts': 'network-admin',
  'PATCH /api/network/accounts/{userId}': 'network-admin',
  'POST /api/network/accounts/{userId}/sign-in-link': 'network-admin',
  'POST /api/network/accounts/{userId}/password-reset': 'network-admin',
  'GET /api/initiatives': 'scoped-list',
  'POST /api/initiatives': 'plan-writer',
  'GET /api/initiatives/{id}': 'full-read',
  'PATCH /api/initiatives/{id}': 'writer',
  'DELETE /api/initiatives/{id}': 'writer',
  'GET /api/missions': 'scoped-list',
  'GET /api/missions/{id}': 'member-read',
  'PATCH /api/missions/{id}': 'plan-writer',
  'GET /api/missions/{id}/members': 'plan-writer',
  'POST /api/missions/{id}/members': 'plan-writer',
  'PATCH /api/missions/{id}/members/{userId}': 'plan-writer',
  'DELETE /api/missions/{id}/members/{userId}': 'plan-writer',
  'POST /api/missions/{id}/members/{userId}/sign-in-link': 'plan-writer',
  'GET /api/plans': 'scoped-list',
  'POST /api/plans': 'plan-writer',
  'GET /api/plans/{id}': 'member-read',
  'PATCH /api/plans/{id}': 'plan-writer',
  'DELETE /api/plans/{id}': 'plan-writer',
  'GET /api/plans/{planId}/objectives': 'member-read',
  'POST /api/plans/{planId}/objectives': 'plan-writer',
  'PATCH /api/objectives/{id}': 'plan-writer',
  'DELETE /api/objectives/{id}': 'plan-writer',
  'PATCH /api/plans/{planId}/phases/{kind}': 'plan-writer',
  'GET /api/plans/{planId}/focus-areas': 'member-read',
  'POST /api/plans/{planId}/focus-areas': 'plan-writer',
  'PATCH /api/focus-areas/{id}': 'plan-writer',
  'DELETE /api/focus-areas/{id}': 'plan-writer',
  'GET /api/plans/{planId}/vectors': 'member-read',
  'POST /api/plans/{planId}/vectors': 'plan-writer',
  'PATCH /api/vectors/{id}': 'plan-writer',
  'DELETE /api/vectors/{id}': 'plan-writer',
  'GET /api/plans/{planId}/programmes': 'member-read',
  'POST /api/plans/{planId}/programmes': 'plan-writer',
  'PATCH /api/programmes/{id}': 'plan-writer',
  'DELETE /api/programmes/{id}': 'plan-writer',
  'GET /api/organisations': 'scoped-list',
  'POST /api/organisations': 'plan-writer',
  'GET /api/organisations/{id}': 'full-read',
  'PATCH /api/organisations/{id}': 'writer',
  'DELETE /api/organisations/{id}': 'writer',
  'GET /api/people': 'scoped-list',
  'POST /api/people': 'plan-writer',
  'GET /api/people/{id}': 'full-read',
  'PATCH /api/people/{id}': 'writer',
  'DELETE /api/people/{id}': 'writer',
  'GET /api/proposals': 'scoped-list',
  'POST /api/proposals': 'proposer',
  'GET /api/proposals/{id}': 'full-read',
  'PATCH /api/proposals/{id}': 'author',
  'DELETE /api/proposals/{id}': 'writer',
  'POST /api/proposals/{id}/decisions': 'writer',
  'GET /api/scoring-rounds': 'scoped-list',
  'POST /api/scoring-rounds': 'plan-writer',
  'GET /api/scoring-rounds/{id}': 'full-read',
  'POST /api/scoring-rounds/{id}/close': 'writer',
  'PUT /api/scoring-rounds/{id}/scores/{proposalId}': 'writer',
  'GET /api/scoring-rounds/{id}/results': 'full-read',
  'GET /api/plans/{id}/balance': 'full-read-of-plan',
  'GET /api/plans/{id}/selection-settings': 'member-read',
  'PUT /api/plans/{id}/selection-settings': 'plan-writer',
  'GET /api/scoring-rounds/{id}/results.xlsx': 'full-read',
  'GET /api/audit': 'plan-writer',
  'GET /api/plans/{id}/evaluation': 'full-read-of-plan',
  'PUT /api/plans/{id}/evaluation': 'plan-writer',
  'GET /api/plans/{id}/logframe': 'full-read-of-plan',
  'PUT /api/plans/{id}/logframe': 'plan-writer',
  'GET /api/initiatives/{id}/hq-report.docx': 'full-read',
  'GET /api/plans/{id}/report.pdf': 'full-read-of-plan',
  'GET /api/plans/{id}/report.docx': 'full-read-of-plan',
  'GET /api/plans/{id}/report.xlsx': 'full-read-of-plan',
  'GET /api/plans/{id}/indicators': 'full-read',
  'GET /api/plans/{id}/results-summary': 'full-read',
  'POST /api/indicators': 'writer',
  'GET /api/indicators/{id}': 'full-read',
  'PATCH /api/indicators/{id}': 'writer',
  'DELETE /api/indicators/{id}': 'writer',
  'POST /api/indicators/{id}/values': 'writer',
  'GET /api/initiatives/{id}/results': 'full-read',
  'PUT /api/initiatives/{id}/results': 'writer',
  'GET /api/social-accounts': 'scoped-list',
  'POST /api/social-accounts': 'writer',
  'GET /api/social-accounts/{id}': 'full-read',
  'PUT /api/social-accounts/{id}/snapshots': 'writer',
  'POST /api/social-accounts/{id}/posts': 'writer',
  'POST /api/social-accounts/{id}/import': 'writer',
  'GET /api/initiatives/{id}/owner-suggestions': 'full-read',
  'GET /api/initiatives/{id}/assignments': 'full-read',
  'GET /api/meetings': 'scoped-list',
  'POST /api/meetings': 'plan-writer',
  'GET /api/meetings/{id}': 'full-read',
  'PATCH /api/meetings/{id}': 'writer',
  'DELETE /api/meetings/{id}': 'writer',
  'PUT /api/meetings/{id}/statuses/{initiativeId}': 'writer',
  'POST /api/meetings/{id}/decisions': 'writer',
  'POST /api/meetings/{id}/action-items': 'writer',
  'PATCH /api/action-items/{id}': 'writer',
  'GET /api/meetings/{id}/agenda': 'full-read',
  'GET /api/meetings/{id}/minutes.pdf': 'full-read',
  'GET /api/lessons': 'scoped-list',
  'POST /api/lessons': 'writer',
  'PATCH /api/lessons/{id}': 'writer',
  'DELETE /api/lessons/{id}': 'writer',
  'GET /api/plans/{id}/risk-settings': 'member-read',
  'PUT /api/plans/{id}/risk-settings': 'plan-writer',
  'GET /api/risks': 'scoped-list',
  'POST /api/risks': 'plan-writer',
  'GET /api/risks/{id}': 'full-read',
  'PATCH /api/risks/{id}': 'writer',
  'DELETE /api/risks/{id}': 'writer',
  'POST /api/risks/{id}/alarm-variables': 'writer',
  'GET /api/alarm-variables/{id}': 'full-read',
  'PATCH /api/alarm-variables/{id}': 'writer',
  'DELETE /api/alarm-variables/{id}': 'writer',
  'POST /api/alarm-variables/{id}/observations': 'writer',
  'POST /api/alarm-variables/{id}/observations/import': 'writer',
  'GET /api/alerts': 'scoped-list',
  'POST /api/alerts/{id}/resolve': 'writer',
  'GET /api/initiatives/{id}/alerts': 'full-read',
  'GET /api/tasks': 'scoped-list',
  'PATCH /api/tasks/{id}': 'writer',
  'GET /api/plans/{id}/communication-template': 'member-read',
  'PUT /api/plans/{id}/communication-template': 'plan-writer',
  'GET /api/communication-steps': 'scoped-list',
  'PATCH /api/communication-steps/{id}': 'writer',
  'GET /api/communication-steps/{id}/evidence': 'full-read',
  'POST /api/communication-steps/{id}/evidence': 'writer',
  'POST /api/initiatives/{id}/communication-steps/schedule': 'writer',
  'GET /api/plans/{id}/communication-calendar.ics': 'member-read',
  'GET /api/calendar-feeds': 'scoped-list',
  'POST /api/calendar-feeds': 'member',
  'DELETE /api/calendar-feeds/{id}': 'own-record',
  'GET /api/calendar-feeds/ics/{file}': 'public',
  'GET /api/plans/{planId}/communication-strategy': 'member-read',
  'PUT /api/plans/{planId}/communication-strategy': 'plan-writer',
  'GET /api/plans/{planId}/communication-strategy/logo': 'member-read',
  'PUT /api/plans/{planId}/communication-strategy/logo': 'plan-writer',
  'DELETE /api/plans/{planId}/communication-strategy/logo': 'plan-writer',
  'GET /api/plans/{planId}/media-sessions': 'member-read',
  'POST /api/plans/{planId}/media-sessions': 'plan-writer',
  'PATCH /api/media-sessions/{id}': 'plan-writer',
  'DELETE /api/media-sessions/{id}': 'plan-writer',
  'GET /api/media-contacts': 'scoped-list',
  'POST /api/media-contacts': 'plan-writer',
  'GET /api/media-contacts/{id}': 'full-read',
  'PATCH /api/media-contacts/{id}': 'writer',
  'DELETE /api/media-contacts/{id}': 'writer',
  'POST /api/missions/{id}/media-contacts/import': 'plan-writer',
  'GET /api/media-lists': 'scoped-list',
  'POST /api/media-lists': 'plan-writer',
  'PATCH /api/media-lists/{id}': 'writer',
  'DELETE /api/media-lists/{id}': 'writer',
  'GET /api/press-releases': 'scoped-list',
  'POST /api/press-releases': 'writer',
  'GET /api/press-releases/{id}': 'full-read',
  'PATCH /api/press-releases/{id}': 'writer',
  'DELETE /api/press-releases/{id}': 'writer',
  'POST /api/press-releases/{id}/status': 'writer',
  'GET /api/press-releases/{id}/docx': 'full-read',
  'GET /api/press/items': 'scoped-list',
  'POST /api/press/items': 'plan-writer',
  'POST /api/press/items/upload': 'plan-writer',
  'GET /api/press/items/{id}': 'full-read',
  'PATCH /api/press/items/{id}': 'writer',
  'DELETE /api/press/items/{id}': 'writer',
  'PUT /api/press/items/{id}/links/{initiativeId}': 'writer',
  'GET /api/initiatives/{id}/press-review': 'full-read',
  'GET /api/press/feeds': 'scoped-list',
  'POST /api/press/feeds': 'plan-writer',
  'POST /api/press/feeds/{id}/poll': 'writer',
  'DELETE /api/press/feeds/{id}': 'writer',
  'GET /api/press/coverage': 'full-read',
  'GET /api/bilateral-facts': 'scoped-list',
  'POST /api/bilateral-facts': 'plan-writer',
  'GET /api/bilateral-facts/{id}': 'full-read',
  'PATCH /api/bilateral-facts/{id}': 'writer',
  'DELETE /api/bilateral-facts/{id}': 'writer',
  'POST /api/press/items/{id}/bilateral-facts': 'writer',
  'POST /api/plans/{planId}/initiatives/import': 'plan-writer',
  'GET /api/plans/{planId}/initiatives/export': 'member-read',
};
