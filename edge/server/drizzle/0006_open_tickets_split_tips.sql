CREATE TABLE `tip_declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`business_day` text NOT NULL,
	`actor` text NOT NULL,
	`device` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tip_declarations_day_staff` ON `tip_declarations` (`business_day`,`staff_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `owner_staff_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `owner_name` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `split` text;--> statement-breakpoint
CREATE INDEX `orders_held` ON `orders` (`owner_staff_id`,`held_at`) WHERE held_at is not null;--> statement-breakpoint
ALTER TABLE `payment_intents` ADD `tip` integer;--> statement-breakpoint
ALTER TABLE `payment_intents` ADD `part` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `tip` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `part` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `staff_id` text;--> statement-breakpoint
CREATE INDEX `payments_staff_at` ON `payments` (`staff_id`,`at`);