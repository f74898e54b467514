CREATE TABLE `disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`owner_id` text NOT NULL,
	`provider` text NOT NULL,
	`country` text NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`bank_code` text NOT NULL,
	`account_number_enc` text NOT NULL,
	`account_name_enc` text NOT NULL,
	`account_last4` text NOT NULL,
	`status` text NOT NULL,
	`provider_ref` text,
	`failure_code` text,
	`checks` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `disbursements_due` ON `disbursements` (`status`,`next_check_at`);--> statement-breakpoint
CREATE INDEX `disbursements_owner` ON `disbursements` (`owner_id`);