/**
 * The authorization matrix, generated from the route table: every operation of the OpenAPI
 * document × every role of `ROLES`, with mission A's record ids (the other mission's, for the
 * officer of B and the network administrator). The expected answer of each cell comes from
 * `route-policies.ts`; a route missing from that table fails the test.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { createApp, type TApp } from '../app.ts';
import { auditLog } from '../schema.ts';
import { auditHighWater, buildFixture, ROLES, type TFixture, type TMatrixRole } from './fixture.ts';
import { isWrite, readOperations, type TOperation } from './openapi-operations.ts';
import { buildValidRequest } from './requests.ts';
import { POLICY_CLASSES, ROUTE_POLICIES, type TExpected } from './route-policies.ts';

const database = await createTestDatabase();
let app: TApp;
let fixture: TFixture;
let operations: TOperation[];

/** Calls besides DELETE that end a record's life (closed, decided, resolved, sent). */
const DESTRUCTIVE = new Set([
  'POST /api/scoring-rounds/{id}/close',
  'POST /api/proposals/{id}/decisions',
  'POST /api/alerts/{id}/resolve',
  'POST /api/press-releases/{id}/status',
]);

/**
 * Records that others hang from (a lesson or an indicator of an initiative, an objective's
 * indicators): deleting one hides its children, so these go after the leaves. The fixture picks
 * records by id, which is random, so without this a child may or may not belong to them.
 */
const PARENT_DELETES: Record<string, number> = {
  'DELETE /api/risks/{id}': 2,
  'DELETE /api/alarm-variables/{id}': 2,
  'DELETE /api/social-accounts/{id}': 2,
  'DELETE /api/meetings/{id}': 2,
  'DELETE /api/organisations/{id}': 2,
  'DELETE /api/people/{id}': 2,
  'DELETE /api/initiatives/{id}': 3,
  'DELETE /api/objectives/{id}': 4,
  'DELETE /api/focus-areas/{id}': 4,
  'DELETE /api/vectors/{id}': 4,
  'DELETE /api/programmes/{id}': 4,
  'DELETE /api/plans/{id}': 5,
};

/**
 * Calls that would break later cells when an allowed role makes them: last, leaves before their
 * parents, parents before the plan, the caller's own session last of all.
 */
function destructiveRank(op: TOperation): number {
  if (op.key === 'POST /api/auth/sign-out') return 7;
  if (op.key === 'POST /api/auth/password') return 6;
  const parent = PARENT_DELETES[op.key];
  if (parent !== undefined) return parent;
  if (op.method === 'DELETE' || DESTRUCTIVE.has(op.key)) return 1;
  return 0;
}

function matches(expected: TExpected, status: number): boolean {
  if (expected === 'allow') return status < 400 || status === 400 || status === 409;
  return status === expected;
}

interface TCell {
  op: TOperation;
  role: TMatrixRole;
  expected: TExpected;
}

beforeAll(async () => {
  app = createApp({ db: database.db, config: { publicUrl: 'http://localhost', isSecureCookie: false } });
  fixture = await buildFixture(database.db, app);
  operations = await readOperations(app);
  return () => database.close();
});

describe('the authorization matrix', () => {
  it('has one policy class for every operation of the OpenAPI document, and no other', () => {
    const documented = operations.map((op) => op.key).sort();
    expect(Object.keys(ROUTE_POLICIES).sort()).toEqual(documented);
  });

  it('answers every operation × role as its policy class says, and refused calls change nothing', async () => {
    const cells: TCell[] = [];
    const ordered = [...operations].sort((a, b) => destructiveRank(a) - destructiveRank(b));
    for (const op of ordered) {
      const policy = POLICY_CLASSES[ROUTE_POLICIES[op.key] ?? 'public'];
      // Refused roles first, so that an allowed destructive call cannot turn their refusal into a 404.
      const roles = [...ROLES].sort((a, b) => Number(policy[a] === 'allow') - Number(policy[b] === 'allow'));
      for (const role of roles) cells.push({ op, role, expected: policy[role] });
    }
    const outsiders = new Set<TMatrixRole>(['otherMissionOfficer', 'networkAdmin']);
    const missionAIds = [fixture.missionA, fixture.planA, ...Object.values(fixture.recordIds)];
    const failures: string[] = [];
    for (const { op, role, expected } of cells) {
      const request = buildValidRequest(fixture, op, { cookie: fixture.cookies[role] });
      const before = expected === 'allow' ? 0 : await auditHighWater(database.db);
      const res = await app.request(request.path, request.init);
      const text = await res.text();
      const where = `${op.key} as ${role}`;
      if (!matches(expected, res.status)) {
        failures.push(`${where}: expected ${expected}, got ${res.status} ${text.slice(0, 160)}`);
        continue;
      }
      if (expected !== 'allow' && (await auditHighWater(database.db)) !== before)
        failures.push(`${where}: refused with ${res.status} but wrote to the audit log`);
      if (ROUTE_POLICIES[op.key] === 'scoped-list' && outsiders.has(role)) {
        const leaked = missionAIds.filter((id) => text.includes(id));
        if (leaked.length)
          failures.push(`${where}: the list shows records of mission A (${leaked.join(', ')})`);
      }
    }
    console.log(
      `authorization matrix: ${operations.length} operations × ${ROLES.length} roles = ${cells.length} cells, ${failures.length} differing from route-policies.ts`,
    );
    // No role that may not write in mission A left a trace in its audit log.
    const neverWriters = ROLES.filter(
      (role) =>
        role !== 'anonymous' &&
        operations.every((op) => {
          const policyClass = ROUTE_POLICIES[op.key];
          return (
            !isWrite(op) ||
            policyClass === 'public' ||
            policyClass === 'signed-in' ||
            POLICY_CLASSES[policyClass ?? 'public'][role] !== 'allow'
          );
        }),
    ) as Exclude<TMatrixRole, 'anonymous'>[];
    const [trace] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.missionId, fixture.missionA),
          inArray(
            auditLog.userId,
            neverWriters.map((role) => fixture.userIds[role]),
          ),
        ),
      );
    expect(neverWriters.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(trace!.n).toBe(0);
  }, 120_000);
});
