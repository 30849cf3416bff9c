/**
 * The logframe view of a plan: the matrix EU project-cycle practice uses (overall objective,
 * specific objective, expected results, activities × intervention logic, indicators, sources
 * of verification, assumptions). The intervention logic comes from the plan's structure
 * (objectives, focus areas, initiatives) and the indicators module; what exists nowhere else
 * (hand-written indicators, sources, assumptions, expected results, preconditions) is kept in
 * `plan_logframes`, versioned and audited.
 */
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { formatDateRange } from '../../../shared/dates.ts';
import type { TInitiativeStatus, TLogframeLevel } from '../../../shared/enums.ts';
import type {
  TLogframe,
  TLogframeIndicator,
  TUpdateLogframeRequest,
} from '../../../shared/schemas/evaluation.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { isUniqueViolation, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives } from '../initiatives/index.ts';
import { SYSTEM_USER_ID, writeAudit } from '../missions/index.ts';
import { focusAreas, objectives, type plans } from '../plans/index.ts';
import { loadPlanForEvaluation } from './evaluation.ts';
import { EVALUATION_CHANGE_DENIED, evaluationPolicy } from './policy.ts';
import type { IReportIndicator, TIndicatorProvider } from './report/types.ts';
import { formatValue } from './report/values.ts';
import { planLogframes } from './tables.ts';

type TLogframeRow = typeof planLogframes.$inferSelect;

/** Initiatives that are not (or no longer) part of the plan's activities. */
const NOT_ACTIVITIES: TInitiativeStatus[] = ['rejected', 'parked', 'cancelled'];

const number = (value: number | null, unit: string | null) =>
  value === null ? null : formatValue(value, unit);

function toLogframeIndicator(indicator: IReportIndicator): TLogframeIndicator {
  return {
    name: indicator.name,
    kind: indicator.kind,
    baseline: number(indicator.baseline, indicator.unit),
    target: number(indicator.target, indicator.unit),
    source: indicator.source ?? null,
  };
}

/**
 * Places the indicators module's indicators in the matrix: those of a level-1 objective at the
 * overall objective, those of a level-2 objective at the specific objective; the plan's own
 * impact indicators at the overall objective, its result indicators at the specific objective.
 */
export function placeIndicators(
  indicators: IReportIndicator[],
  objectiveLevels: Map<string, number>,
): { overall: TLogframeIndicator[]; specific: TLogframeIndicator[] } {
  const overall: TLogframeIndicator[] = [];
  const specific: TLogframeIndicator[] = [];
  for (const indicator of indicators) {
    const level = indicator.objectiveId ? objectiveLevels.get(indicator.objectiveId) : undefined;
    const isOverall = level !== undefined ? level === 1 : indicator.kind === 'impact';
    (isOverall ? overall : specific).push(toLogframeIndicator(indicator));
  }
  return { overall, specific };
}

async function selectLogframeRow(db: DbOrTx, planId: string): Promise<TLogframeRow | null> {
  const [row] = await db.select().from(planLogframes).where(eq(planLogframes.planId, planId));
  return row ?? null;
}

async function buildLogframe(
  db: DbOrTx,
  actor: TActor,
  plan: typeof plans.$inferSelect,
  row: TLogframeRow | null,
  indicatorProvider: TIndicatorProvider,
): Promise<TLogframe> {
  const objectiveRows = await db
    .select()
    .from(objectives)
    .where(eq(objectives.planId, plan.id))
    .orderBy(asc(objectives.level), asc(objectives.position));
  const areaRows = await db
    .select()
    .from(focusAreas)
    .where(eq(focusAreas.planId, plan.id))
    .orderBy(asc(focusAreas.position));
  const initiativeRows = await db
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.planId, plan.id),
        initiativePolicy.scope(actor),
        isNull(initiatives.archivedAt),
        notInArray(initiatives.status, NOT_ACTIVITIES),
      ),
    )
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  const placed = placeIndicators(
    await indicatorProvider(db, actor, plan.id),
    new Map(objectiveRows.map((o) => [o.id, o.level])),
  );
  const level = (key: TLogframeLevel) => ({
    indicators: row?.levels[key]?.indicators ?? null,
    sources: row?.levels[key]?.sources ?? null,
    assumptions: row?.levels[key]?.assumptions ?? null,
  });
  const groups = [...areaRows.map((a) => ({ id: a.id as string | null, name: a.name as string | null }))];
  groups.push({ id: null, name: null });
  return {
    planId: plan.id,
    planTitle: plan.title,
    planAcronym: plan.acronym,
    overallObjective: {
      logic: objectiveRows.filter((o) => o.level === 1).map((o) => o.text),
      linkedIndicators: placed.overall,
      ...level('overall_objective'),
    },
    specificObjective: {
      logic: objectiveRows.filter((o) => o.level === 2).map((o) => o.text),
      linkedIndicators: placed.specific,
      ...level('specific_objective'),
    },
    expectedResults: row?.expectedResults ?? [],
    activities: {
      linkedIndicators: [],
      ...level('activities'),
      groups: groups
        .map((g) => ({
          focusArea: g.name,
          initiatives: initiativeRows
            .filter((i) => i.focusAreaId === g.id)
            .map((i) => ({
              id: i.id,
              title: i.title,
              type: i.type,
              status: i.status,
              dates: formatDateRange(i, 'en'),
            })),
        }))
        .filter((g) => g.initiatives.length > 0),
    },
    preconditions: row?.preconditions ?? null,
    version: row?.version ?? 0,
    updatedAt: iso(row?.updatedAt ?? null),
    canEdit: evaluationPolicy.canUpdate(actor, plan),
  };
}

const noIndicators: TIndicatorProvider = async () => [];

/**
 * The plan's logframe. `indicators` fills the indicator columns from the indicators module.
 * @throws 404, 403 (external collaborators)
 */
export async function findLogframe(
  db: DbOrTx,
  actor: TActor,
  planId: string,
  options: { indicators?: TIndicatorProvider } = {},
): Promise<TLogframe> {
  const plan = await loadPlanForEvaluation(db, actor, planId);
  return buildLogframe(
    db,
    actor,
    plan,
    await selectLogframeRow(db, planId),
    options.indicators ?? noIndicators,
  );
}

/**
 * Saves the hand-written parts of the logframe: the levels sent replace theirs, a list of
 * expected results replaces the list. `version` is 0 for the first save.
 * @throws 404, 403, 409
 */
export async function updateLogframe(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateLogframeRequest,
  options: { indicators?: TIndicatorProvider } = {},
): Promise<TLogframe> {
  try {
    return await db.transaction(async (tx) => {
      const plan = await loadPlanForEvaluation(tx, actor, planId);
      authorize(evaluationPolicy.canUpdate(actor, plan), EVALUATION_CHANGE_DENIED);
      const current = await selectLogframeRow(tx, planId);
      const levels = { ...(current?.levels ?? {}) };
      for (const [key, fields] of Object.entries(input.levels ?? {})) {
        if (fields) levels[key as TLogframeLevel] = fields;
      }
      const values = {
        levels,
        ...(input.expectedResults !== undefined ? { expectedResults: input.expectedResults } : {}),
        ...(input.preconditions !== undefined ? { preconditions: input.preconditions } : {}),
        updatedBy: actor.userId === SYSTEM_USER_ID ? null : actor.userId,
      };
      let row: TLogframeRow;
      if (!current) {
        if (input.version !== 0) throw staleVersion(0);
        [row] = (await tx
          .insert(planLogframes)
          .values({ missionId: plan.missionId, planId, ...values })
          .returning()) as [TLogframeRow];
      } else {
        row = await updateVersioned(tx, planLogframes, current, input.version, values);
      }
      await writeAudit(tx, {
        actor,
        missionId: plan.missionId,
        entity: 'plan_logframe',
        entityId: row.id,
        action: current ? 'update' : 'create',
        before: current
          ? {
              levels: current.levels,
              expectedResults: current.expectedResults,
              preconditions: current.preconditions,
            }
          : null,
        after: { levels: row.levels, expectedResults: row.expectedResults, preconditions: row.preconditions },
      });
      return buildLogframe(tx, actor, plan, row, options.indicators ?? noIndicators);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw staleVersion(1);
    throw error;
  }
}
