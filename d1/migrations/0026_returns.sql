CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`shop_id` text NOT NULL,
	`customer_id` text,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`items` text NOT NULL,
	`media_ids` text NOT NULL,
	`refund_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`full` integer NOT NULL,
	`refund_id` text,
	`last_move_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	`received_at` integer,
	`restocked_at` integer,
	`refunded_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_order_seq` ON `returns` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `returns_shop` ON `returns` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `returns_status` ON `returns` (`status`,`updated_at`);