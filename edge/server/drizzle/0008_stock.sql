CREATE TABLE `stock_levels` (
	`item_id` text PRIMARY KEY NOT NULL,
	`tracked` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`eighty_sixed` text,
	`eighty_sixed_at` integer,
	`eighty_six_note` text,
	`updated_at` integer NOT NULL,
	CONSTRAINT "stock_levels_count_not_negative" CHECK("stock_levels"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`count_after` integer NOT NULL,
	`order_id` text,
	`line_id` text,
	`reason` text,
	`event_seq` integer,
	`actor` text NOT NULL,
	`device` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `stock_levels`(`item_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_moves_item_at` ON `stock_moves` (`item_id`,`at`);--> statement-breakpoint
CREATE INDEX `stock_moves_order` ON `stock_moves` (`order_id`) WHERE order_id is not null;