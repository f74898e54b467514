DROP INDEX `refunds_payment`;--> statement-breakpoint
DROP INDEX `refunds_order`;--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_payment_order` ON `refunds` (`payment_id`,`order_id`);--> statement-breakpoint
CREATE INDEX `refunds_order` ON `refunds` (`order_id`);