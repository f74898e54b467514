ALTER TABLE `dead_letters` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `outbox_events` ADD `check_delay_ms` integer;--> statement-breakpoint
ALTER TABLE `outbox_events` ADD `settled_at` integer;--> statement-breakpoint
ALTER TABLE `outbox_events` ADD `outcome` text;--> statement-breakpoint
CREATE INDEX `outbox_events_unsettled` ON `outbox_events` (`published_at`) WHERE "outbox_events"."settled_at" IS NULL AND "outbox_events"."published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_events_settled_at` ON `outbox_events` (`settled_at`);--> statement-breakpoint
CREATE INDEX `processed_events_event` ON `processed_events` (`event_id`);--> statement-breakpoint
-- Events published before the reconciler existed were done once the queue accepted them: settled as they were.
UPDATE `outbox_events` SET `settled_at` = `published_at`, `outcome` = 'applied' WHERE `published_at` IS NOT NULL;
