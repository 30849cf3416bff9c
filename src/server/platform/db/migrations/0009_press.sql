CREATE TABLE "media_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_item_links" (
	"mission_id" uuid NOT NULL,
	"media_item_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"score" real,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_item_links_media_item_id_initiative_id_pk" PRIMARY KEY("media_item_id","initiative_id"),
	CONSTRAINT "media_item_links_status_check" CHECK (status in ('suggested', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "media_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"url" text,
	"canonical_url" text,
	"url_hash" text,
	"text_hash" text,
	"title" text,
	"author" text,
	"published_at" timestamp with time zone,
	"outlet" text,
	"kind" text DEFAULT 'online' NOT NULL,
	"language" text,
	"text" text DEFAULT '' NOT NULL,
	"excerpt" text,
	"html" text,
	"entities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tone" text,
	"tone_score" real,
	"tone_override" text,
	"fetch_status" text DEFAULT 'ok' NOT NULL,
	"fetch_error" text,
	"created_by" uuid,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector((case language when 'it' then 'italian'::regconfig when 'en' then 'english'::regconfig when 'ru' then 'russian'::regconfig else 'simple'::regconfig end), coalesce(title, '') || ' ' || text)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "media_items_source_kind_check" CHECK (source_kind in ('url', 'file', 'paste', 'feed')),
	CONSTRAINT "media_items_kind_check" CHECK (kind in ('online', 'print', 'tv', 'radio', 'social')),
	CONSTRAINT "media_items_fetch_status_check" CHECK (fetch_status in ('ok', 'failed')),
	CONSTRAINT "media_items_language_check" CHECK (language is null or language in ('it', 'en', 'ru', 'kk')),
	CONSTRAINT "media_items_tone_check" CHECK (tone is null or tone in ('positive', 'neutral', 'negative')),
	CONSTRAINT "media_items_tone_override_check" CHECK (tone_override is null or tone_override in ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
ALTER TABLE "media_feeds" ADD CONSTRAINT "media_feeds_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_feeds" ADD CONSTRAINT "media_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_item_links" ADD CONSTRAINT "media_item_links_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_item_links" ADD CONSTRAINT "media_item_links_media_item_id_media_items_id_fk" FOREIGN KEY ("media_item_id") REFERENCES "public"."media_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_item_links" ADD CONSTRAINT "media_item_links_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_item_links" ADD CONSTRAINT "media_item_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "media_feeds_mission_url" ON "media_feeds" USING btree ("mission_id","url");--> statement-breakpoint
CREATE INDEX "media_item_links_initiative_idx" ON "media_item_links" USING btree ("initiative_id","status");--> statement-breakpoint
CREATE INDEX "media_items_mission_published_idx" ON "media_items" USING btree ("mission_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_items_mission_url_hash" ON "media_items" USING btree ("mission_id","url_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "media_items_mission_text_hash" ON "media_items" USING btree ("mission_id","text_hash");--> statement-breakpoint
CREATE INDEX "media_items_search_idx" ON "media_items" USING gin ("search_vector");