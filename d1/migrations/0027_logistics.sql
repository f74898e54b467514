CREATE TABLE `shipment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`shipment_id` text NOT NULL,
	`event_key` text NOT NULL,
	`status` text NOT NULL,
	`description` text NOT NULL,
	`location` text,
	`at` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_events_key` ON `shipment_events` (`shipment_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `shipment_events_at` ON `shipment_events` (`shipment_id`,`at`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`courier` text NOT NULL,
	`service` text NOT NULL,
	`tracking_number` text NOT NULL,
	`status` text NOT NULL,
	`rank` integer NOT NULL,
	`label_key` text NOT NULL,
	`cod_amount` integer,
	`cod_currency` text,
	`live_order_id` text,
	`last_heard_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_live_order` ON `shipments` (`live_order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_tracking` ON `shipments` (`courier`,`tracking_number`);--> statement-breakpoint
CREATE INDEX `shipments_order` ON `shipments` (`order_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_heard` ON `shipments` (`rank`,`last_heard_at`);