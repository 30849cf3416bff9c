import { z } from 'zod';
import {
  DATE_PRECISIONS,
  DECISION_OUTCOMES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  PARTNER_ROLES,
  PROPOSAL_STATUSES,
} from '../enums.ts';
import {
  LIMITS,
  ZCsvEnum,
  ZId,
  ZIsoDate,
  ZMoney,
  ZOptionalText,
  ZPage,
  ZPageQuery,
  ZTitle,
  ZVersion,
  ZVersioned,
  zRequiredLine,
  zText,
} from './common.ts';
import { ZPartnerLink } from './initiative.ts';
import { ZBooleanQuery, ZIncludeArchived } from './query.ts';

/** Every field the author edits on a proposal: the initiative's fields plus cost, audience and why. */
export const ZProposalFields = z.object({
  title: ZTitle,
  summary: ZOptionalText,
  type: z.enum(INITIATIVE_TYPES, { error: `must be one of ${INITIATIVE_TYPES.join(', ')}` }),
  focusAreaId: ZId.nullable(),
  vectorIds: z.array(ZId).max(LIMITS.listItems),
  programmeId: ZId.nullable(),
  partners: z.array(ZPartnerLink).max(LIMITS.listItems * 2),
  datePrecision: z.enum(DATE_PRECISIONS, { error: 'must be day or month' }),
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  cities: z.array(zRequiredLine(100)).max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` }),
  innovationKind: z.enum(INNOVATION_KINDS, { error: 'must be product or process' }).nullable(),
  involvesYouth: z.boolean(),
  estimatedCost: ZMoney.nullable(),
  targetAudience: ZOptionalText,
  /** Why it matters. */
  rationale: ZOptionalText,
  /** `draft` keeps it to the author; `submitted` puts it before the head of mission. */
  status: z.enum(['draft', 'submitted'], { error: 'must be draft or submitted' }),
});
export type TProposalFields = z.infer<typeof ZProposalFields>;

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;

export const ZCreateProposalRequest = ZProposalFields.partial()
  .required({ title: true, type: true })
  .extend({ planId: ZId })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] })
  .meta({ id: 'CreateProposalRequest' });
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>;

export const ZUpdateProposalRequest = ZProposalFields.partial()
  .extend({ version: ZVersion })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] })
  .meta({ id: 'UpdateProposalRequest' });
export type TUpdateProposalRequest = z.infer<typeof ZUpdateProposalRequest>;

export const ZProposalListQuery = ZPageQuery.extend({
  planId: ZId.optional(),
  status: ZCsvEnum(PROPOSAL_STATUSES).optional(),
  /** Only the caller's own proposals. */
  mine: ZBooleanQuery.optional(),
  includeArchived: ZIncludeArchived,
});
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>;

export const ZDecisionRequest = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { error: `must be one of ${DECISION_OUTCOMES.join(', ')}` }),
    reason: zText({ max: LIMITS.text, isMultiline: true }).refine((v) => v.length > 0, {
      error: 'is required: say why',
    }),
    /** The round whose scores informed the decision (defaults to the latest round of the proposal). */
    roundId: ZId.optional(),
  })
  .meta({ id: 'DecisionRequest' });
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

export const ZDecision = z
  .object({
    id: z.string(),
    proposalId: z.string(),
    roundId: z.string().nullable(),
    outcome: z.enum(DECISION_OUTCOMES),
    reason: z.string(),
    decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    decidedAt: z.string(),
    initiativeId: z.string().nullable(),
  })
  .meta({ id: 'Decision' });
export type TDecision = z.infer<typeof ZDecision>;

const ZRef = z.object({ id: z.string(), key: z.string().nullable(), name: z.string() });

const ZProposalShape = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  type: z.enum(INITIATIVE_TYPES),
  focusArea: ZRef.nullable(),
  vectors: z.array(ZRef),
  programme: ZRef.nullable(),
  partners: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      role: z.enum(PARTNER_ROLES),
      country: z.string().nullable(),
    }),
  ),
  datePrecision: z.enum(DATE_PRECISIONS),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  cities: z.array(z.string()),
  innovationKind: z.enum(INNOVATION_KINDS).nullable(),
  involvesYouth: z.boolean(),
  estimatedCost: z.number().nullable(),
  targetAudience: z.string().nullable(),
  rationale: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  /** True once a scoring round includes it: the author can no longer edit it. */
  isLocked: z.boolean(),
  /** The latest decision, if any. */
  decision: ZDecision.nullable(),
  /** The initiative the (latest) approval created. */
  initiativeId: z.string().nullable(),
});

export const ZProposal = ZProposalShape.meta({ id: 'Proposal' });
export type TProposal = z.infer<typeof ZProposal>;

/** One proposal with its decision history (newest first) and the rounds that scored it. */
export const ZProposalDetail = ZProposalShape.extend({
  decisions: z.array(ZDecision),
  rounds: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(['open', 'closed']) })),
}).meta({ id: 'ProposalDetail' });
export type TProposalDetail = z.infer<typeof ZProposalDetail>;

export const ZProposalPage = ZPage(ZProposal).meta({ id: 'ProposalPage' });
