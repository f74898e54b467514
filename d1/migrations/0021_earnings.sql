CREATE TABLE `earning_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`type` text NOT NULL,
	`order_id` text,
	`payout_id` text,
	`currency` text NOT NULL,
	`pending_delta` integer NOT NULL,
	`available_delta` integer NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `earning_entries_shop_time` ON `earning_entries` (`shop_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `earning_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`line_total` integer NOT NULL,
	`paid_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `earning_order_lines_shop_paid` ON `earning_order_lines` (`shop_id`,`paid_at`);--> statement-breakpoint
CREATE TABLE `earning_orders` (
	`order_id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`currency` text NOT NULL,
	`gross` integer NOT NULL,
	`commission` integer NOT NULL,
	`net` integer NOT NULL,
	`state` text NOT NULL,
	`refunded_gross` integer DEFAULT 0 NOT NULL,
	`refunded_net` integer DEFAULT 0 NOT NULL,
	`paid_at` integer NOT NULL,
	`completed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`last_run` text
);
--> statement-breakpoint
CREATE INDEX `earning_orders_shop_paid` ON `earning_orders` (`shop_id`,`paid_at`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`destination` text NOT NULL,
	`bank_code` text,
	`account_number_enc` text,
	`account_name_enc` text,
	`account_last4` text,
	`status` text NOT NULL,
	`failure_code` text,
	`last_run` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `payouts_shop` ON `payouts` (`shop_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `payouts_owner` ON `payouts` (`owner_id`);--> statement-breakpoint
CREATE TABLE `shop_balances` (
	`shop_id` text PRIMARY KEY NOT NULL,
	`currency` text NOT NULL,
	`pending` integer NOT NULL,
	`available` integer NOT NULL,
	`paid_out` integer NOT NULL,
	`last_run` text,
	`updated_at` integer NOT NULL
);
