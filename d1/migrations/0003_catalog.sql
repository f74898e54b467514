CREATE TABLE `brands` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brands_slug_unique` ON `brands` (`slug`);--> statement-breakpoint
CREATE TABLE `product_media` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text,
	`owner_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`kind` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`etag` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `product_media_product` ON `product_media` (`product_id`,`position`);--> statement-breakpoint
CREATE INDEX `product_media_owner` ON `product_media` (`owner_id`,`id`);--> statement-breakpoint
CREATE TABLE `product_variants` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`price_amount` integer,
	`attributes` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `product_variants_product` ON `product_variants` (`product_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_sku` ON `product_variants` (`product_id`,`sku`);--> statement-breakpoint
CREATE TABLE `product_views` (
	`product_id` text NOT NULL,
	`viewer_id` text NOT NULL,
	`day` integer NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`last_viewed_at` integer NOT NULL,
	PRIMARY KEY(`product_id`, `viewer_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `product_views_viewer` ON `product_views` (`viewer_id`,`last_viewed_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text NOT NULL,
	`category_id` text,
	`brand` text,
	`sku` text NOT NULL,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`attributes` text NOT NULL,
	`weight_grams` integer,
	`length_mm` integer,
	`width_mm` integer,
	`height_mm` integer,
	`rating_average` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`sold_count` integer DEFAULT 0 NOT NULL,
	`stock_snapshot` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_shop_sku` ON `products` (`shop_id`,`sku`);--> statement-breakpoint
CREATE INDEX `products_shop` ON `products` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`category_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `products_status_created` ON `products` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `products_status_price` ON `products` (`status`,`price_amount`,`id`);--> statement-breakpoint
CREATE TABLE `search_synonyms` (
	`id` text PRIMARY KEY NOT NULL,
	`locale` text NOT NULL,
	`term` text NOT NULL,
	`synonyms` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_synonyms_term` ON `search_synonyms` (`locale`,`term`);--> statement-breakpoint
CREATE TABLE `shops` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`category` text NOT NULL,
	`country` text NOT NULL,
	`currency` text NOT NULL,
	`contact_enc` text,
	`verification_status` text NOT NULL,
	`verification_note` text,
	`verified_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shops_owner` ON `shops` (`owner_id`);--> statement-breakpoint
CREATE INDEX `shops_country` ON `shops` (`country`,`id`);