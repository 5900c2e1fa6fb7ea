CREATE TABLE "safety_stock" (
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_stock_store_id_item_id_pk" PRIMARY KEY("store_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"name" text,
	"tracked" boolean DEFAULT false NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"count_seq" bigint DEFAULT 0 NOT NULL,
	"eighty_six" text,
	"eighty_six_note" text,
	"eighty_six_at" timestamp with time zone,
	"eighty_six_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_store_id_item_id_pk" PRIMARY KEY("store_id","item_id")
);
--> statement-breakpoint
CREATE INDEX "stock_levels_item" ON "stock_levels" USING btree ("item_id","store_id");