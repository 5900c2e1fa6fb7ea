CREATE TABLE "chain_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"number" integer,
	"business_day" text,
	"channel" text,
	"order_type" text,
	"status" text,
	"status_seq" bigint DEFAULT 0 NOT NULL,
	"payment" text DEFAULT 'unpaid' NOT NULL,
	"payment_seq" bigint DEFAULT 0 NOT NULL,
	"totals" jsonb,
	"totals_seq" bigint DEFAULT 0 NOT NULL,
	"placed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"fired_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"picked_up_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_versions" (
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "config_versions_store_id_kind_version_pk" PRIMARY KEY("store_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "online_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"code" text,
	"reason" text,
	"request" jsonb NOT NULL,
	"quote" jsonb NOT NULL,
	"number" integer,
	"totals" jsonb,
	"paid" boolean,
	"status" text,
	"status_seq" bigint DEFAULT 0 NOT NULL,
	"status_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "store_events" (
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"subject" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" jsonb NOT NULL,
	"device" text,
	"data" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_events_store_id_seq_pk" PRIMARY KEY("store_id","seq")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"status" text DEFAULT 'unknown' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"max_seq" bigint DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone,
	"state_at" timestamp with time zone,
	"state" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chain_orders_store_placed" ON "chain_orders" USING btree ("store_id","placed_at");--> statement-breakpoint
CREATE INDEX "online_orders_store" ON "online_orders" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "store_events_type" ON "store_events" USING btree ("store_id","type");