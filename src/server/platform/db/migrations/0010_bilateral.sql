CREATE TABLE "bilateral_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"summary" text,
	"parties" text[] DEFAULT '{}'::text[] NOT NULL,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text,
	"direction" text,
	"place" text,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"value" numeric,
	"currency" text,
	"unit" text,
	"source_media_item_id" uuid,
	"source_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bilateral_facts_kind_check" CHECK (kind in ('visit', 'agreement', 'economic_figure')),
	CONSTRAINT "bilateral_facts_date_precision_check" CHECK (date_precision in ('day', 'month', 'year'))
);
--> statement-breakpoint
ALTER TABLE "bilateral_facts" ADD CONSTRAINT "bilateral_facts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_facts" ADD CONSTRAINT "bilateral_facts_source_media_item_id_media_items_id_fk" FOREIGN KEY ("source_media_item_id") REFERENCES "public"."media_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bilateral_facts_mission_date_idx" ON "bilateral_facts" USING btree ("mission_id","date");