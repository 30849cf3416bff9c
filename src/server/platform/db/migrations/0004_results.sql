CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date,
	"period_end" date NOT NULL,
	"value" numeric(18, 4),
	"comment" text,
	"evidence_url" text,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_period_check" CHECK (period_start is null or period_end >= period_start)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid,
	"initiative_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"amec_stage" text NOT NULL,
	"measure" text DEFAULT 'unit' NOT NULL,
	"ascending" boolean DEFAULT true NOT NULL,
	"unit" text,
	"baseline_value" numeric(18, 4),
	"baseline_date" date,
	"target_value" numeric(18, 4),
	"target_date" date,
	"source_of_verification" text,
	"collection_frequency" text,
	"responsible_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "indicators_kind_check" CHECK (kind in ('result', 'impact')),
	CONSTRAINT "indicators_amec_stage_check" CHECK (amec_stage in ('input', 'activity', 'output', 'out_take', 'outcome', 'impact')),
	CONSTRAINT "indicators_measure_check" CHECK (measure in ('unit', 'percentage', 'ordinal', 'qualitative')),
	CONSTRAINT "indicators_one_level_check" CHECK (objective_id is null or initiative_id is null),
	CONSTRAINT "indicators_dates_order_check" CHECK (baseline_date is null or target_date is null or target_date >= baseline_date)
);
--> statement-breakpoint
CREATE TABLE "initiative_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"attendance" integer,
	"participants_trained" integer,
	"scholarships" integer,
	"online_views" integer,
	"audience_reached" integer,
	"qualitative_outcomes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_results_non_negative_check" CHECK (coalesce(attendance, 0) >= 0 and coalesce(participants_trained, 0) >= 0 and coalesce(scholarships, 0) >= 0 and coalesce(online_views, 0) >= 0 and coalesce(audience_reached, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "social_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"handle" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "social_accounts_platform_check" CHECK (platform in ('instagram', 'facebook', 'x', 'linkedin', 'youtube', 'telegram', 'tiktok', 'vk', 'other'))
);
--> statement-breakpoint
CREATE TABLE "social_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"external_id" text,
	"published_on" date NOT NULL,
	"url" text,
	"caption" text,
	"reach" integer,
	"impressions" integer,
	"likes" integer,
	"comments" integer,
	"shares" integer,
	"saves" integer,
	"clicks" integer,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"followers" integer,
	"accounts_reached" integer,
	"accounts_engaged" integer,
	"impressions" integer,
	"posts" integer,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_snapshots_month_check" CHECK (extract(day from month) = 1)
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_responsible_id_people_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_results" ADD CONSTRAINT "initiative_results_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_results" ADD CONSTRAINT "initiative_results_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_snapshots" ADD CONSTRAINT "social_snapshots_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_snapshots" ADD CONSTRAINT "social_snapshots_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_snapshots" ADD CONSTRAINT "social_snapshots_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_idx" ON "indicator_values" USING btree ("indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "indicators_plan_idx" ON "indicators" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_results_initiative_key" ON "initiative_results" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_accounts_handle_key" ON "social_accounts" USING btree ("mission_id","platform",lower("handle"));--> statement-breakpoint
CREATE INDEX "social_posts_account_idx" ON "social_posts" USING btree ("account_id","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "social_posts_external_key" ON "social_posts" USING btree ("account_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_snapshots_month_key" ON "social_snapshots" USING btree ("account_id","month");