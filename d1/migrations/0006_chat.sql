CREATE TABLE `chat_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`dialog_id` text NOT NULL,
	`message_id` text NOT NULL,
	`seq` integer NOT NULL,
	`sender_id` text NOT NULL,
	`reason` text NOT NULL,
	`reporter_id` text,
	`note` text,
	`excerpt_enc` text,
	`status` text NOT NULL,
	`resolved_by` text,
	`resolved_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_flags_key` ON `chat_flags` (`key`);--> statement-breakpoint
CREATE INDEX `chat_flags_status` ON `chat_flags` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `chat_presence` (
	`user_id` text NOT NULL,
	`dialog_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `dialog_id`)
);
--> statement-breakpoint
CREATE TABLE `dialog_members` (
	`dialog_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`joined_at` integer NOT NULL,
	`last_read_seq` integer DEFAULT 0 NOT NULL,
	`muted` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`dialog_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `dialog_members_user` ON `dialog_members` (`user_id`,`dialog_id`);--> statement-breakpoint
CREATE TABLE `dialogs` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text,
	`shop_id` text,
	`direct_key` text,
	`created_by` text NOT NULL,
	`member_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`activity_at` integer NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_message_id` text,
	`last_message_at` integer,
	`last_sender_id` text,
	`last_kind` text,
	`last_preview_enc` text,
	`last_deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialogs_direct_key` ON `dialogs` (`direct_key`);--> statement-breakpoint
CREATE INDEX `dialogs_shop` ON `dialogs` (`shop_id`);--> statement-breakpoint
CREATE TABLE `realtime_tickets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `realtime_tickets_user` ON `realtime_tickets` (`user_id`,`expires_at`);