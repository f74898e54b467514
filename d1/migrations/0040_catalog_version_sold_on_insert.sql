-- Sold counts that arrive with a product's row (a restore from a backup, a bulk import) move the
-- sold counts' version ('#sold') too, as a sold_count update does (0039): otherwise a database
-- restored afresh has no '#sold' version at all (0), older than the one its sales had written.
-- Kept best-selling pages were safe regardless (they also check the whole catalog's version, which
-- every insert moves); this keeps the rule that a restore never brings a version back in time.
DROP TRIGGER IF EXISTS `catalog_version_sold_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sold_on_insert` AFTER INSERT ON `products`
WHEN NEW.`sold_count` > 0
BEGIN
  INSERT INTO `catalog_versions` (`key`, `value`) VALUES ('#sold', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (`key`) DO UPDATE SET `value` = MAX(`catalog_versions`.`value` + 1, excluded.`value`);
END;
