CREATE TABLE `alert_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`claimed_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `alert_notices_unsent` ON `alert_notices` (`sent_at`,`created_at`);