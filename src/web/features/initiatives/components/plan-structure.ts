/**
 * What the initiatives feature needs to know about a plan. The route passes the plan in; this
 * feature does not load plans itself (features do not import each other).
 */
export interface TNamed {
  id: string;
  key?: string | null;
  name: string;
}

export interface TPlanStructure {
  id: string;
  missionId: string;
  title: string;
  acronym: string;
  periodStart: string | null;
  periodEnd: string | null;
  focusAreas: readonly TNamed[];
  vectors: readonly TNamed[];
  programmes: readonly TNamed[];
}
