ALTER TABLE `voucher_redemptions` ADD `checkout_id` text;--> statement-breakpoint
CREATE INDEX `voucher_redemptions_order` ON `voucher_redemptions` (`order_id`);--> statement-breakpoint
ALTER TABLE `vouchers` ADD `id` text;--> statement-breakpoint
ALTER TABLE `vouchers` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_id_unique` ON `vouchers` (`id`);--> statement-breakpoint
CREATE INDEX `vouchers_shop` ON `vouchers` (`shop_id`,`created_at`);