CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round_id" uuid,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid,
	CONSTRAINT "decisions_outcome_check" CHECK (outcome in ('approved', 'rejected', 'parked')),
	CONSTRAINT "decisions_reason_check" CHECK (length(trim(reason)) > 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_partners" (
	"mission_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "proposal_partners_proposal_id_organisation_id_role_pk" PRIMARY KEY("proposal_id","organisation_id","role"),
	CONSTRAINT "proposal_partners_role_check" CHECK (role in ('organiser', 'institutional_partner', 'private_sponsor', 'media_partner', 'venue', 'co_organiser'))
);
--> statement-breakpoint
CREATE TABLE "proposal_vectors" (
	"mission_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"vector_id" uuid NOT NULL,
	CONSTRAINT "proposal_vectors_proposal_id_vector_id_pk" PRIMARY KEY("proposal_id","vector_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"summary" text,
	"type" text NOT NULL,
	"focus_area_id" uuid,
	"programme_id" uuid,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"start_date" date,
	"end_date" date,
	"cities" text[] DEFAULT '{}'::text[] NOT NULL,
	"innovation_kind" text,
	"involves_youth" boolean DEFAULT false NOT NULL,
	"estimated_cost" numeric(14, 2),
	"target_audience" text,
	"rationale" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "proposals_type_check" CHECK (type in ('exhibition', 'concert', 'workshop', 'b2b_meeting', 'masterclass', 'fashion_show', 'institutional_event', 'public_diplomacy', 'training_module', 'conference', 'seminar', 'promotion_event', 'performance', 'launch', 'publication', 'other')),
	CONSTRAINT "proposals_status_check" CHECK (status in ('draft', 'submitted', 'in_round', 'approved', 'rejected', 'parked')),
	CONSTRAINT "proposals_date_precision_check" CHECK (date_precision in ('day', 'month')),
	CONSTRAINT "proposals_dates_order_check" CHECK (end_date is null or start_date is null or end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "round_evaluators" (
	"mission_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "round_evaluators_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "round_proposals" (
	"mission_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	CONSTRAINT "round_proposals_round_id_proposal_id_pk" PRIMARY KEY("round_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"relevance" integer NOT NULL,
	"effectiveness" integer NOT NULL,
	"feasibility" integer NOT NULL,
	"relevance_comment" text,
	"effectiveness_comment" text,
	"feasibility_comment" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_relevance_check" CHECK (relevance between 1 and 5),
	CONSTRAINT "scores_effectiveness_check" CHECK (effectiveness between 1 and 5),
	CONSTRAINT "scores_feasibility_check" CHECK (feasibility between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "scoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_rounds_status_check" CHECK (status in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "score_weights" jsonb DEFAULT '{"relevance":1,"effectiveness":1,"feasibility":1}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "selection_rule" jsonb DEFAULT '{"minCriterionMean":3,"minOverall":3.5}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "hide_scores_until_submitted" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_round_id_scoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_vectors" ADD CONSTRAINT "proposal_vectors_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_vectors" ADD CONSTRAINT "proposal_vectors_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_vectors" ADD CONSTRAINT "proposal_vectors_vector_id_vectors_id_fk" FOREIGN KEY ("vector_id") REFERENCES "public"."vectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_evaluators" ADD CONSTRAINT "round_evaluators_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_evaluators" ADD CONSTRAINT "round_evaluators_round_id_scoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_evaluators" ADD CONSTRAINT "round_evaluators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_proposals" ADD CONSTRAINT "round_proposals_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_proposals" ADD CONSTRAINT "round_proposals_round_id_scoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_proposals" ADD CONSTRAINT "round_proposals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_round_id_scoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rounds" ADD CONSTRAINT "scoring_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_proposal_idx" ON "decisions" USING btree ("proposal_id","decided_at");--> statement-breakpoint
CREATE INDEX "proposals_mission_plan_idx" ON "proposals" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE INDEX "proposals_author_idx" ON "proposals" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "round_evaluators_user_idx" ON "round_evaluators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "round_proposals_proposal_idx" ON "round_proposals" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_round_proposal_evaluator_key" ON "scores" USING btree ("round_id","proposal_id","evaluator_id");--> statement-breakpoint
CREATE INDEX "scoring_rounds_mission_plan_idx" ON "scoring_rounds" USING btree ("mission_id","plan_id");