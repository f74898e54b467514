ALTER TABLE `orders` ADD `checkout_ip_hash` text;--> statement-breakpoint
CREATE INDEX `orders_checkout_ip` ON `orders` (`checkout_ip_hash`,`status`);