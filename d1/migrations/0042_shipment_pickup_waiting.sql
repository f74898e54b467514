ALTER TABLE `shipments` ADD `pickup_waiting_since` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_ready_at` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_retry_at` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `shipments_pickup_waiting` ON `shipments` (`pickup_retry_at`);