CREATE TABLE `order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`type` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_events_order` ON `order_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text,
	`name` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`line_total` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_items_order` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_product` ON `order_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
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
	`shipping_address_enc` text NOT NULL,
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
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_guest` ON `orders` (`guest_token_hash`,`id`);--> statement-breakpoint
CREATE INDEX `orders_shop` ON `orders` (`shop_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_checkout` ON `orders` (`checkout_id`);--> statement-breakpoint
CREATE INDEX `orders_expiry` ON `orders` (`status`,`reservation_expires_at`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`gateway` text NOT NULL,
	`event_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`outcome` text NOT NULL,
	`amount` integer,
	`currency` text,
	`accepted` integer NOT NULL,
	`note` text,
	`received_at` integer NOT NULL,
	`applied_at` integer,
	PRIMARY KEY(`gateway`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `payment_events_payment` ON `payment_events` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_ids` text NOT NULL,
	`customer_id` text,
	`guest_token_hash` text,
	`gateway` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider_ref` text,
	`next_action` text,
	`failure_reason` text,
	`refunded_amount` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payments_customer` ON `payments` (`customer_id`,`id`);--> statement-breakpoint
CREATE INDEX `payments_provider_ref` ON `payments` (`gateway`,`provider_ref`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`order_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider_refund_ref` text,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_order` ON `refunds` (`order_id`);--> statement-breakpoint
CREATE INDEX `refunds_payment` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE TABLE `review_reports` (
	`review_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `reporter_id`)
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`user_id` text NOT NULL,
	`order_id` text NOT NULL,
	`rating` integer NOT NULL,
	`title` text,
	`body` text NOT NULL,
	`seller_reply` text,
	`seller_replied_at` integer,
	`report_count` integer DEFAULT 0 NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_user_product` ON `reviews` (`product_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `reviews_product` ON `reviews` (`product_id`,`id`);--> statement-breakpoint
CREATE TABLE `voucher_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`user_key` text NOT NULL,
	`order_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`released_at` integer
);
--> statement-breakpoint
CREATE INDEX `voucher_redemptions_user` ON `voucher_redemptions` (`code`,`user_key`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`code` text PRIMARY KEY NOT NULL,
	`shop_id` text,
	`type` text NOT NULL,
	`value` integer NOT NULL,
	`currency` text,
	`max_discount` integer,
	`min_spend` integer DEFAULT 0 NOT NULL,
	`per_user_limit` integer DEFAULT 1 NOT NULL,
	`usage_limit` integer,
	`used_count` integer DEFAULT 0 NOT NULL,
	`starts_at` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL
);
