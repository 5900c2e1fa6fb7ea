CREATE TABLE "loyalty_accounts" (
	"member_id" text PRIMARY KEY NOT NULL,
	"name" text,
	"phone" text,
	"qr_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"origin" text NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"store_id" text,
	"seq" bigint,
	"order_id" text,
	"reason" text,
	"conflict" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_accounts_phone" ON "loyalty_accounts" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_accounts_qr" ON "loyalty_accounts" USING btree ("qr_code");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_ledger_origin" ON "loyalty_ledger" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_member" ON "loyalty_ledger" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_store" ON "loyalty_ledger" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_conflicts" ON "loyalty_ledger" USING btree ("conflict","recorded_at");