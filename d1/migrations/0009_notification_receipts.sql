CREATE TABLE `provider_receipts` (
	`provider` text NOT NULL,
	`receipt_key` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`outcome` text NOT NULL,
	`provider_status` text NOT NULL,
	`detail` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `receipt_key`)
);
--> statement-breakpoint
CREATE INDEX `provider_receipts_message` ON `provider_receipts` (`provider`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `provider_receipts_received` ON `provider_receipts` (`received_at`);--> statement-breakpoint
ALTER TABLE `notification_deliveries` ADD `delivered_at` integer;--> statement-breakpoint
CREATE INDEX `notification_deliveries_message` ON `notification_deliveries` (`outbound_message_id`);--> statement-breakpoint
CREATE INDEX `product_views_day` ON `product_views` (`day`,`product_id`);--> statement-breakpoint
CREATE INDEX `products_status_sold` ON `products` (`status`,`sold_count`,`id`);--> statement-breakpoint
CREATE INDEX `products_brand` ON `products` (`brand`,`status`);--> statement-breakpoint
CREATE INDEX `outbound_messages_provider` ON `outbound_messages` (`provider`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `outbound_messages_created` ON `outbound_messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_created` ON `notifications` (`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_moderation` ON `reviews` (`hidden`,`report_count`,`id`);