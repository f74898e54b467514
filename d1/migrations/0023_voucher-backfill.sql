-- Vouchers written before they had an API id get one; redemptions learn their checkout, so a use is
-- counted once per checkout (however many of its orders share the discount).
UPDATE `vouchers` SET `id` = 'vch_' || lower(hex(randomblob(10))) WHERE `id` IS NULL;--> statement-breakpoint
UPDATE `voucher_redemptions` SET `checkout_id` = (SELECT `checkout_id` FROM `orders` WHERE `orders`.`id` = `voucher_redemptions`.`order_id`) WHERE `checkout_id` IS NULL;
