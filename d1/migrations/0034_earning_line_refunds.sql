CREATE TABLE `earning_line_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `earning_line_refunds_shop_paid` ON `earning_line_refunds` (`shop_id`,`paid_at`);