CREATE TABLE `fx_quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`from_currency` text NOT NULL,
	`from_amount` integer NOT NULL,
	`to_currency` text NOT NULL,
	`to_amount` integer NOT NULL,
	`fee_amount` integer NOT NULL,
	`rate` text NOT NULL,
	`mid_rate` text NOT NULL,
	`spread_bps` integer NOT NULL,
	`rates_fetched_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fx_quotes_expiry` ON `fx_quotes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`currency` text PRIMARY KEY NOT NULL,
	`per_usd` text NOT NULL,
	`provider` text NOT NULL,
	`published_at` integer NOT NULL,
	`fetched_at` integer NOT NULL
);
