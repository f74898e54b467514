CREATE TABLE `cod_remittance_items` (
	`id` text PRIMARY KEY NOT NULL,
	`remittance_id` text NOT NULL,
	`courier` text NOT NULL,
	`tracking_number` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cod_remittance_items_parcel` ON `cod_remittance_items` (`courier`,`tracking_number`);--> statement-breakpoint
CREATE INDEX `cod_remittance_items_remittance` ON `cod_remittance_items` (`remittance_id`);--> statement-breakpoint
CREATE TABLE `cod_remittances` (
	`id` text PRIMARY KEY NOT NULL,
	`courier` text NOT NULL,
	`reference` text NOT NULL,
	`currency` text NOT NULL,
	`total` integer NOT NULL,
	`item_count` integer NOT NULL,
	`remitted_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cod_remittances_reference` ON `cod_remittances` (`courier`,`reference`);--> statement-breakpoint
CREATE INDEX `cod_remittances_at` ON `cod_remittances` (`created_at`);--> statement-breakpoint
CREATE TABLE `shipping_quotes` (
	`key` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`option_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_reference` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_from` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `pickup_until` integer;