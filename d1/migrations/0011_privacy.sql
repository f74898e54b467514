CREATE TABLE `account_erasures` (
	`user_id` text PRIMARY KEY NOT NULL,
	`step` text NOT NULL,
	`cursor` text,
	`lease_until` integer DEFAULT 0 NOT NULL,
	`requested_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `account_erasures_open` ON `account_erasures` (`completed_at`,`lease_until`);--> statement-breakpoint
CREATE TABLE `pii_rotation_cursors` (
	`key_id` text NOT NULL,
	`target` text NOT NULL,
	`cursor` text,
	`rewritten` integer DEFAULT 0 NOT NULL,
	`unreadable` integer DEFAULT 0 NOT NULL,
	`done_at` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`key_id`, `target`)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`checkout_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`customer_id` text,
	`guest_token_hash` text,
	`contact_email_enc` text,
	`status` text NOT NULL,
	`payment_status` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal` integer NOT NULL,
	`shipping_cost` integer NOT NULL,
	`tax` integer NOT NULL,
	`discount` integer NOT NULL,
	`total` integer NOT NULL,
	`voucher_code` text,
	`shipping_address_enc` text,
	`shipping_country` text NOT NULL,
	`shipping` text NOT NULL,
	`reservation_id` text NOT NULL,
	`reservation_expires_at` integer NOT NULL,
	`last_move_id` text,
	`paid_by_payment_id` text,
	`paid_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "number", "checkout_id", "shop_id", "customer_id", "guest_token_hash", "contact_email_enc", "status", "payment_status", "currency", "subtotal", "shipping_cost", "tax", "discount", "total", "voucher_code", "shipping_address_enc", "shipping_country", "shipping", "reservation_id", "reservation_expires_at", "last_move_id", "paid_by_payment_id", "paid_at", "created_at", "updated_at") SELECT "id", "number", "checkout_id", "shop_id", "customer_id", "guest_token_hash", "contact_email_enc", "status", "payment_status", "currency", "subtotal", "shipping_cost", "tax", "discount", "total", "voucher_code", "shipping_address_enc", "shipping_country", "shipping", "reservation_id", "reservation_expires_at", "last_move_id", "paid_by_payment_id", "paid_at", "created_at", "updated_at" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_guest` ON `orders` (`guest_token_hash`,`id`);--> statement-breakpoint
CREATE INDEX `orders_shop` ON `orders` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_checkout` ON `orders` (`checkout_id`);--> statement-breakpoint
CREATE INDEX `orders_expiry` ON `orders` (`status`,`reservation_expires_at`);