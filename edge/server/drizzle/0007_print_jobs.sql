CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`device_id` text NOT NULL,
	`rerouted_from` text,
	`state` text NOT NULL,
	`order_id` text,
	`ticket_id` text,
	`station` text,
	`detail` text NOT NULL,
	`event_seq` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`device_attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`expires_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`reprint_of` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`printed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_key_unique` ON `print_jobs` (`key`);--> statement-breakpoint
CREATE INDEX `print_jobs_due` ON `print_jobs` (`next_attempt_at`) WHERE state = 'queued';--> statement-breakpoint
CREATE INDEX `print_jobs_device_created` ON `print_jobs` (`device_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_order` ON `print_jobs` (`order_id`);