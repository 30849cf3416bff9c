CREATE TABLE "alarm_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"alarm_variable_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_variable_initiatives" (
	"mission_id" uuid NOT NULL,
	"alarm_variable_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	CONSTRAINT "alarm_variable_initiatives_alarm_variable_id_initiative_id_pk" PRIMARY KEY("alarm_variable_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "alarm_variables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"unit" text,
	"direction" text NOT NULL,
	"amber_bound" double precision NOT NULL,
	"red_bound" double precision NOT NULL,
	"frequency_days" integer NOT NULL,
	"escalation_owner_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "alarm_variables_direction_check" CHECK (direction in ('higher_is_worse', 'lower_is_worse')),
	CONSTRAINT "alarm_variables_bounds_check" CHECK ((direction = 'higher_is_worse' and red_bound > amber_bound) or (direction = 'lower_is_worse' and red_bound < amber_bound)),
	CONSTRAINT "alarm_variables_frequency_check" CHECK (frequency_days between 1 and 366)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"alarm_variable_id" uuid NOT NULL,
	"observation_id" uuid,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_level_check" CHECK (level in ('amber', 'red')),
	CONSTRAINT "alerts_status_check" CHECK (status in ('open', 'resolved')),
	CONSTRAINT "alerts_resolution_check" CHECK (status = 'open' or (resolution_note is not null and length(trim(resolution_note)) > 0))
);
--> statement-breakpoint
CREATE TABLE "risk_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"done_at" date,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_settings" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"mission_id" uuid NOT NULL,
	"areas" jsonb NOT NULL,
	"matrix" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"initiative_id" uuid,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"cause" text,
	"event" text,
	"consequence" text,
	"inherent_likelihood" text NOT NULL,
	"inherent_impact" text NOT NULL,
	"residual_likelihood" text NOT NULL,
	"residual_impact" text NOT NULL,
	"response" text,
	"owner_id" uuid,
	"review_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "risks_inherent_likelihood_check" CHECK (inherent_likelihood in ('rare', 'unlikely', 'possible', 'likely', 'almost_certain')),
	CONSTRAINT "risks_inherent_impact_check" CHECK (inherent_impact in ('insignificant', 'minor', 'moderate', 'major', 'catastrophic')),
	CONSTRAINT "risks_residual_likelihood_check" CHECK (residual_likelihood in ('rare', 'unlikely', 'possible', 'likely', 'almost_certain')),
	CONSTRAINT "risks_residual_impact_check" CHECK (residual_impact in ('insignificant', 'minor', 'moderate', 'major', 'catastrophic')),
	CONSTRAINT "risks_response_check" CHECK (response is null or response in ('avoid', 'reduce', 'transfer', 'accept', 'escalate'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"alert_id" uuid,
	"initiative_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK (status in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "fallback_alternative" text;--> statement-breakpoint
ALTER TABLE "alarm_observations" ADD CONSTRAINT "alarm_observations_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_observations" ADD CONSTRAINT "alarm_observations_alarm_variable_id_alarm_variables_id_fk" FOREIGN KEY ("alarm_variable_id") REFERENCES "public"."alarm_variables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_observations" ADD CONSTRAINT "alarm_observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variable_initiatives" ADD CONSTRAINT "alarm_variable_initiatives_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variable_initiatives" ADD CONSTRAINT "alarm_variable_initiatives_alarm_variable_id_alarm_variables_id_fk" FOREIGN KEY ("alarm_variable_id") REFERENCES "public"."alarm_variables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variable_initiatives" ADD CONSTRAINT "alarm_variable_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variables" ADD CONSTRAINT "alarm_variables_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variables" ADD CONSTRAINT "alarm_variables_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variables" ADD CONSTRAINT "alarm_variables_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_variables" ADD CONSTRAINT "alarm_variables_escalation_owner_id_people_id_fk" FOREIGN KEY ("escalation_owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_alarm_variable_id_alarm_variables_id_fk" FOREIGN KEY ("alarm_variable_id") REFERENCES "public"."alarm_variables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_observation_id_alarm_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."alarm_observations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_observations_variable_idx" ON "alarm_observations" USING btree ("alarm_variable_id","observed_on");--> statement-breakpoint
CREATE INDEX "alarm_variable_initiatives_initiative_idx" ON "alarm_variable_initiatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "alarm_variables_risk_idx" ON "alarm_variables" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "alarm_variables_mission_plan_idx" ON "alarm_variables" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE INDEX "alerts_mission_plan_idx" ON "alerts" USING btree ("mission_id","plan_id","status");--> statement-breakpoint
CREATE INDEX "alerts_variable_idx" ON "alerts" USING btree ("alarm_variable_id");--> statement-breakpoint
CREATE INDEX "risk_actions_risk_idx" ON "risk_actions" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "risk_actions_due_idx" ON "risk_actions" USING btree ("mission_id","due_date");--> statement-breakpoint
CREATE INDEX "risks_mission_plan_idx" ON "risks" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE INDEX "risks_initiative_idx" ON "risks" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "tasks_mission_plan_idx" ON "tasks" USING btree ("mission_id","plan_id","status");--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tasks" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_alert_key" ON "tasks" USING btree ("alert_id");