CREATE TABLE `payment_intents` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`reference` text,
	`payment_id` text,
	`actor` text NOT NULL,
	`device` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`reversal_attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`attention` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_intents_one_open` ON `payment_intents` (`order_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `payment_intents_order` ON `payment_intents` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_intents_unsettled` ON `payment_intents` (`status`,`next_attempt_at`) WHERE status in ('open', 'reversal-pending');--> statement-breakpoint
CREATE INDEX `payment_intents_attention` ON `payment_intents` (`created_at`) WHERE attention is not null;--> statement-breakpoint
CREATE INDEX `orders_open_placed` ON `orders` (`placed_at`,`id`) WHERE status in ('placed', 'paid', 'in_kitchen', 'ready');