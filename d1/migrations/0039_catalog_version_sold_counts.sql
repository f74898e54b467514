-- Sold counts out of the catalog version (docs/performance.md, part 4): a paid order moves its
-- products' sold_count, and bumping the whole catalog's version with it made every kept list page
-- die on a busy catalog. The products' update trigger now fires on the columns a kept body holds
-- except sold_count; kept pages and details read the live sold counts in the same statement as their
-- version check (workers/catalog/read-cache.ts). A sold count moves its own version ('#sold'), the
-- one best-selling pages (ordered by it) are kept under besides the whole catalog's.
DROP TRIGGER IF EXISTS `catalog_version_products_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_products_update` AFTER UPDATE OF `id`, `shop_id`, `name`, `slug`, `description`, `category_id`, `brand`, `sku`, `price_amount`, `currency`, `status`, `attributes`, `weight_grams`, `length_mm`, `width_mm`, `height_mm`, `rating_average`, `rating_count`, `stock_snapshot`, `created_at`, `updated_at`, `deleted_at` ON `products`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), (NEW.`id`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sold_counts`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sold_counts` AFTER UPDATE OF `sold_count` ON `products`
WHEN NEW.`sold_count` IS NOT OLD.`sold_count`
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('#sold', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
