-- Every write to what product reads show bumps catalog_versions in the same statement: key '' (the
-- whole catalog: lists) and the product's id (its detail). The isolates keep reads per version
-- (workers/catalog/read-cache.ts) and check it with one primary-key read. A version is at least the
-- write's time in milliseconds (and always above the last one), so a database restored or created
-- afresh never hands out a version an isolate already keeps something under.
DROP TRIGGER IF EXISTS `catalog_version_products_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_products_insert` AFTER INSERT ON `products`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_variants_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_variants_insert` AFTER INSERT ON `product_variants`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sale_items_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sale_items_insert` AFTER INSERT ON `flash_sale_items`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_categories_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_categories_insert` AFTER INSERT ON `categories`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_products_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_products_update` AFTER UPDATE ON `products`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_variants_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_variants_update` AFTER UPDATE ON `product_variants`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sale_items_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sale_items_update` AFTER UPDATE ON `flash_sale_items`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_categories_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_categories_update` AFTER UPDATE ON `categories`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_products_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_products_delete` AFTER DELETE ON `products`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (OLD.`id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_variants_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_variants_delete` AFTER DELETE ON `product_variants`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (OLD.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sale_items_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sale_items_delete` AFTER DELETE ON `flash_sale_items`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (OLD.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_categories_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_categories_delete` AFTER DELETE ON `categories`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_media_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_media_insert` AFTER INSERT ON `product_media`
WHEN NEW.`product_id` IS NOT NULL
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_media_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_media_update` AFTER UPDATE ON `product_media`
WHEN NEW.`product_id` IS NOT NULL OR OLD.`product_id` IS NOT NULL
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (COALESCE(NEW.`product_id`, ''), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (COALESCE(OLD.`product_id`, ''), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_media_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_media_delete` AFTER DELETE ON `product_media`
WHEN OLD.`product_id` IS NOT NULL
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (OLD.`product_id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
