-- The search tables, now declared in Drizzle (d1/schema/search.ts) so drizzle-kit knows them.
-- Migration 0004 created them by hand, with their triggers and the FTS5 index (which Drizzle cannot
-- express): on every database that ran 0004 each statement below does nothing ("IF NOT EXISTS").
CREATE TABLE IF NOT EXISTS `search_completions` (
	`key` text NOT NULL,
	`doc_id` integer NOT NULL,
	PRIMARY KEY(`key`, `doc_id`)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `search_completions_doc` ON `search_completions` (`doc_id`);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS `search_docs` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`version` integer NOT NULL,
	`live` integer NOT NULL,
	`shop_id` text NOT NULL,
	`category_id` text,
	`brand_value` text,
	`brand_key` text,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`rating_average` real NOT NULL,
	`rating_count` integer NOT NULL,
	`sold_count` integer NOT NULL,
	`popularity` integer NOT NULL,
	`created_at` integer NOT NULL,
	`title` text NOT NULL,
	`name` text NOT NULL,
	`brand` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`terms` text NOT NULL,
	`completions` text NOT NULL,
	`indexed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS `search_docs_product` ON `search_docs` (`product_id`);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS `search_filters` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`category_id` text,
	`brand_key` text,
	`brand_value` text,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`rating_average` real NOT NULL,
	`rating_count` integer NOT NULL,
	`sold_count` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `search_filters_category` ON `search_filters` (`category_id`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `search_filters_price` ON `search_filters` (`price_amount`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `search_filters_brand` ON `search_filters` (`brand_key`,`brand_value`);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS `search_term_keys` (
	`key` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY(`key`, `term`)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS `search_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`docs` integer NOT NULL
);
