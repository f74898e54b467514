CREATE TABLE `shop_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`verification_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shop_documents_shop` ON `shop_documents` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `shop_documents_request` ON `shop_documents` (`verification_id`);--> statement-breakpoint
CREATE TABLE `shop_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`submitted_by` text NOT NULL,
	`status` text NOT NULL,
	`message` text,
	`review_note` text,
	`reviewed_by` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shop_verifications_status` ON `shop_verifications` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `shop_verifications_shop` ON `shop_verifications` (`shop_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `shop_verifications_one_pending` ON `shop_verifications` (`shop_id`) WHERE status = 'pending';