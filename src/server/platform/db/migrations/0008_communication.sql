CREATE TABLE "comms_logos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"programme_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comms_logos_mime_check" CHECK (mime_type in ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "comms_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"primary_colour" text,
	"secondary_colour" text,
	"testimonial_id" uuid,
	"testimonial_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_list_members" (
	"mission_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	CONSTRAINT "media_list_members_list_id_profile_id_pk" PRIMARY KEY("list_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "media_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"outlet_id" uuid,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience_size" integer,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "media_profiles_one_subject_check" CHECK ((person_id is null) <> (organisation_id is null)),
	CONSTRAINT "media_profiles_audience_check" CHECK (audience_size is null or audience_size >= 0)
);
--> statement-breakpoint
CREATE TABLE "media_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"other_attendees" text,
	"suggestions" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "press_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "press_releases_language_check" CHECK (language in ('it', 'en', 'ru', 'kk')),
	CONSTRAINT "press_releases_status_check" CHECK (status in ('draft', 'approved', 'sent'))
);
--> statement-breakpoint
ALTER TABLE "comms_logos" ADD CONSTRAINT "comms_logos_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_logos" ADD CONSTRAINT "comms_logos_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_logos" ADD CONSTRAINT "comms_logos_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_logos" ADD CONSTRAINT "comms_logos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_strategies" ADD CONSTRAINT "comms_strategies_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_strategies" ADD CONSTRAINT "comms_strategies_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_strategies" ADD CONSTRAINT "comms_strategies_testimonial_id_people_id_fk" FOREIGN KEY ("testimonial_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_list_members" ADD CONSTRAINT "media_list_members_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_list_members" ADD CONSTRAINT "media_list_members_list_id_media_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."media_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_list_members" ADD CONSTRAINT "media_list_members_profile_id_media_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."media_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_lists" ADD CONSTRAINT "media_lists_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_profiles" ADD CONSTRAINT "media_profiles_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_profiles" ADD CONSTRAINT "media_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_profiles" ADD CONSTRAINT "media_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_profiles" ADD CONSTRAINT "media_profiles_outlet_id_organisations_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_sessions" ADD CONSTRAINT "media_sessions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_sessions" ADD CONSTRAINT "media_sessions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comms_logos_plan_key" ON "comms_logos" USING btree ("plan_id") WHERE programme_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "comms_logos_programme_key" ON "comms_logos" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comms_strategies_plan_key" ON "comms_strategies" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "media_list_members_profile_idx" ON "media_list_members" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "media_lists_mission_name_key" ON "media_lists" USING btree ("mission_id",lower("name"));--> statement-breakpoint
CREATE INDEX "media_profiles_mission_idx" ON "media_profiles" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "media_profiles_person_key" ON "media_profiles" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "media_profiles_organisation_key" ON "media_profiles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "media_sessions_plan_idx" ON "media_sessions" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "press_releases_plan_idx" ON "press_releases" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "press_releases_initiative_language_key" ON "press_releases" USING btree ("initiative_id","language") WHERE archived_at is null;