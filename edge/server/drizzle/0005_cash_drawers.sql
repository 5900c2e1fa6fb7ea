CREATE TABLE `drawer_devices` (
	`device_id` text PRIMARY KEY NOT NULL,
	`drawer_id` text NOT NULL,
	`assigned_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drawer_id`) REFERENCES `drawers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drawer_devices_drawer` ON `drawer_devices` (`drawer_id`);--> statement-breakpoint
CREATE TABLE `drawer_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`drawer_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text,
	`order_id` text,
	`payment_id` text,
	`event_seq` integer,
	`actor` text NOT NULL,
	`device` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `drawer_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drawer_moves_session` ON `drawer_moves` (`session_id`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_moves_payment` ON `drawer_moves` (`payment_id`) WHERE payment_id is not null;--> statement-breakpoint
CREATE TABLE `drawer_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`drawer_id` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`opening_float` integer NOT NULL,
	`opening_count` text,
	`opened_at` integer NOT NULL,
	`opened_by` text NOT NULL,
	`opened_on` text,
	`counted` integer,
	`count` text,
	`counted_at` integer,
	`counted_by` text,
	`expected` integer,
	`variance` integer,
	`closed_at` integer,
	`closed_by` text,
	`approved_by` text,
	FOREIGN KEY (`drawer_id`) REFERENCES `drawers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_sessions_one_current` ON `drawer_sessions` (`drawer_id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `drawer_sessions_drawer_opened` ON `drawer_sessions` (`drawer_id`,`opened_at`);--> statement-breakpoint
CREATE TABLE `drawers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
