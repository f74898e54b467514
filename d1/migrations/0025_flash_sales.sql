CREATE TABLE `flash_sale_items` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`sale_price` integer NOT NULL,
	`currency` text NOT NULL,
	`quota` integer NOT NULL,
	`per_user_limit` integer,
	`position` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `flash_sale_items_sale` ON `flash_sale_items` (`sale_id`,`position`);--> statement-breakpoint
CREATE INDEX `flash_sale_items_sku` ON `flash_sale_items` (`product_id`,`variant_id`,`ends_at`);--> statement-breakpoint
CREATE TABLE `flash_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`name` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer
);
--> statement-breakpoint
CREATE INDEX `flash_sales_shop` ON `flash_sales` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `flash_sales_window` ON `flash_sales` (`ends_at`,`starts_at`);