CREATE TABLE `open_payments` (
	`order_id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `open_payments_payment` ON `open_payments` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payment_event_refusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gateway` text NOT NULL,
	`event_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`outcome` text NOT NULL,
	`amount` integer,
	`currency` text,
	`reason` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_event_refusals_payment` ON `payment_event_refusals` (`payment_id`);--> statement-breakpoint
CREATE TABLE `sandbox_gateway_payments` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `payments` ADD `status_checked_at` integer;--> statement-breakpoint
CREATE INDEX `payments_status_created` ON `payments` (`status`,`created_at`);--> statement-breakpoint
-- Refused events leave the dedupe table (so a valid retry of the same event applies) and are kept for review.
INSERT INTO `payment_event_refusals` (`gateway`, `event_id`, `payment_id`, `outcome`, `amount`, `currency`, `reason`, `received_at`)
	SELECT `gateway`, `event_id`, `payment_id`, `outcome`, `amount`, `currency`, coalesce(`note`, 'refused'), `received_at`
	FROM `payment_events` WHERE `accepted` = 0;--> statement-breakpoint
DELETE FROM `payment_events` WHERE `accepted` = 0;--> statement-breakpoint
-- Each order keeps its newest pending payment open; older pending ones are superseded.
INSERT OR IGNORE INTO `open_payments` (`order_id`, `payment_id`, `created_at`)
	SELECT j.value, p.id, p.created_at FROM `payments` p, json_each(p.order_ids) j
	WHERE p.status = 'pending' ORDER BY p.created_at DESC, p.id DESC;--> statement-breakpoint
UPDATE `payments` SET `status` = 'superseded', `failure_reason` = 'superseded by a newer payment request'
	WHERE `status` = 'pending' AND `id` NOT IN (SELECT `payment_id` FROM `open_payments`);--> statement-breakpoint
ALTER TABLE `payment_events` DROP COLUMN `accepted`;--> statement-breakpoint
ALTER TABLE `payment_events` DROP COLUMN `note`;