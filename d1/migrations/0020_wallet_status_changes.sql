CREATE TABLE `wallet_status_changes` (
	`transaction_id` text NOT NULL,
	`version` integer NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`transaction_id`, `version`)
);
--> statement-breakpoint
CREATE INDEX `wallet_status_changes_user` ON `wallet_status_changes` (`user_id`,`at`);