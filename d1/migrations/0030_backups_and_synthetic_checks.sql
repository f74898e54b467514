CREATE TABLE `backup_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`prefix` text NOT NULL,
	`status` text NOT NULL,
	`migration` text NOT NULL,
	`plan` text NOT NULL,
	`progress` text NOT NULL,
	`table_index` integer NOT NULL,
	`cursor` integer NOT NULL,
	`error` text,
	`lease_until` integer NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `backup_runs_started` ON `backup_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `synthetic_check_results` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`check` text NOT NULL,
	`status` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`http_status` integer NOT NULL,
	`detail` text,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `synthetic_check_results_check` ON `synthetic_check_results` (`check`,`checked_at`);