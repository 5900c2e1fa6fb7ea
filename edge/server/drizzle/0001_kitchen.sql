CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`tendered` integer,
	`change` integer,
	`reference` text,
	`card_last4` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_order` ON `payments` (`order_id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`station` text NOT NULL,
	`status` text NOT NULL,
	`fired_at` integer NOT NULL,
	`bumped_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_order_station` ON `tickets` (`order_id`,`station`);--> statement-breakpoint
CREATE INDEX `tickets_station_bumped` ON `tickets` (`station`,`bumped_at`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `bumped_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment` text DEFAULT 'unpaid' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `table_label` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `promised_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `due_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `rush` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `fire_policy` text DEFAULT 'now' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `fire_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `paid_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `orders_day` ON `orders` (`business_day`);--> statement-breakpoint
CREATE INDEX `orders_waiting` ON `orders` (`status`) WHERE status in ('placed', 'paid');