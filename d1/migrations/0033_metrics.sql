CREATE TABLE `alert_incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`open_rule_id` text,
	`metric` text NOT NULL,
	`op` text NOT NULL,
	`threshold` real NOT NULL,
	`window_minutes` integer NOT NULL,
	`opened_value` real NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_value` real,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_incidents_open_rule` ON `alert_incidents` (`open_rule_id`);--> statement-breakpoint
CREATE INDEX `alert_incidents_opened` ON `alert_incidents` (`opened_at`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`metric` text NOT NULL,
	`op` text NOT NULL,
	`threshold` real NOT NULL,
	`window_minutes` integer NOT NULL,
	`notify` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metric_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`blob2` text DEFAULT '' NOT NULL,
	`blob3` text DEFAULT '' NOT NULL,
	`blob4` text DEFAULT '' NOT NULL,
	`blob5` text DEFAULT '' NOT NULL,
	`blob6` text DEFAULT '' NOT NULL,
	`double1` real DEFAULT 0 NOT NULL,
	`double2` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `metric_points_kind_at` ON `metric_points` (`kind`,`at`);