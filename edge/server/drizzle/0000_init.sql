CREATE TABLE `catalogs` (
	`version` integer PRIMARY KEY NOT NULL,
	`document` text NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`topic` text NOT NULL,
	`subject` text NOT NULL,
	`data` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_id_unique` ON `events` (`id`);--> statement-breakpoint
CREATE INDEX `events_topic_seq` ON `events` (`topic`,`seq`);--> statement-breakpoint
CREATE INDEX `events_subject` ON `events` (`subject`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`item_id` text NOT NULL,
	`variant_id` text,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`line_total` integer NOT NULL,
	`station` text NOT NULL,
	`detail` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_position` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE TABLE `order_numbers` (
	`business_day` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`business_day` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`order_type` text NOT NULL,
	`guest_name` text,
	`currency` text NOT NULL,
	`subtotal` integer NOT NULL,
	`total` integer NOT NULL,
	`request_hash` text NOT NULL,
	`catalog_version` integer NOT NULL,
	`placed_at` integer NOT NULL,
	`fired_at` integer,
	`ready_at` integer,
	`picked_up_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_day_number` ON `orders` (`business_day`,`number`);--> statement-breakpoint
CREATE INDEX `orders_open` ON `orders` (`status`) WHERE status <> 'picked_up';