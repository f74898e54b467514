CREATE TABLE `courier_stores` (
	`id` text PRIMARY KEY NOT NULL,
	`courier` text NOT NULL,
	`shop_id` text NOT NULL,
	`store_id` text NOT NULL,
	`district_id` integer NOT NULL,
	`ward_code` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `courier_stores_shop` ON `courier_stores` (`shop_id`);