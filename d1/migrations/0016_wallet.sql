CREATE TABLE `wallet_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`currency` text NOT NULL,
	`type` text NOT NULL,
	`direction` text NOT NULL,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	`counterparty_user_id` text,
	`reference` text,
	`note` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	`version` integer NOT NULL,
	`projected_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `wallet_transactions_history` ON `wallet_transactions` (`user_id`,`currency`,`created_at`,`id`);