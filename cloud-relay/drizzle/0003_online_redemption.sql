ALTER TABLE "online_orders" ADD COLUMN "member_id" text;--> statement-breakpoint
ALTER TABLE "online_orders" ADD COLUMN "points_redeemed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "online_orders_member" ON "online_orders" USING btree ("member_id");