import { PHASE_KINDS } from '../../../shared/enums.ts';
import type {
  TObjective,
  TPhase,
  TPlan,
  TPlanSummary,
  TProgramme,
  TStructureItem,
} from '../../../shared/schemas/plan.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { focusAreas, objectives, phases, plans, programmes, vectors } from './tables.ts';

type TPlanRow = typeof plans.$inferSelect;

/** Exactly the fields of a plan that leave the server in lists. */
export function presentPlanSummary(
  row: TPlanRow,
  extra: { missionName: string; initiativeCount: number },
): TPlanSummary {
  return {
    id: row.id,
    missionId: row.missionId,
    missionName: extra.missionName,
    title: row.title,
    acronym: row.acronym,
    missionStatement: row.missionStatement,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    budgetEnvelope: row.budgetEnvelope === null ? null : Number(row.budgetEnvelope),
    initiativeCount: extra.initiativeCount,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

export interface TPlanStructure {
  objectives: TObjective[];
  phases: TPhase[];
  focusAreas: TStructureItem[];
  vectors: TStructureItem[];
  programmes: TProgramme[];
}

/** A plan with its structure (each part already presented). */
export function presentPlan(summary: TPlanSummary, structure: TPlanStructure): TPlan {
  return {
    ...summary,
    objectives: structure.objectives,
    phases: structure.phases,
    focusAreas: structure.focusAreas,
    vectors: structure.vectors,
    programmes: structure.programmes,
  };
}

export function presentObjective(row: typeof objectives.$inferSelect): TObjective {
  return {
    id: row.id,
    planId: row.planId,
    level: row.level === 2 ? 2 : 1,
    text: row.text,
    position: row.position,
  };
}

/** All six phases in the order of the project cycle; a phase without a row has no dates yet. */
export function presentPhases(rows: (typeof phases.$inferSelect)[]): TPhase[] {
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return PHASE_KINDS.map((kind) => ({
    kind,
    startDate: byKind.get(kind)?.startDate ?? null,
    endDate: byKind.get(kind)?.endDate ?? null,
  }));
}

/** A focus area or a vector. */
export function presentStructureItem(
  row: typeof focusAreas.$inferSelect | typeof vectors.$inferSelect,
  initiativeCount: number,
): TStructureItem {
  return {
    id: row.id,
    planId: row.planId,
    key: row.key,
    name: row.name,
    description: row.description,
    position: row.position,
    initiativeCount,
  };
}

export function presentProgramme(row: typeof programmes.$inferSelect, initiativeCount: number): TProgramme {
  return {
    id: row.id,
    planId: row.planId,
    key: row.key,
    name: row.name,
    hashtag: row.hashtag,
    colors: row.colors,
    description: row.description,
    initiativeCount,
    version: row.version,
    updatedAt: isoRequired(row.updatedAt),
  };
}
