-- Search index (workers/search, docs/search.md). Raw SQL: drizzle-kit cannot express FTS5 virtual
-- tables or triggers, so these tables are not in d1/schema. The indexer writes only search_docs;
-- triggers keep the FTS5 index, the filter rows, the vocabulary (typo tolerance) and the
-- autocomplete keys in step inside the same transaction.

-- One row per product ever indexed. live = 1: searchable; live = 0: a tombstone (deleted, draft or
-- archived) kept so that a stale event processed late cannot bring the product back. `version` is
-- products.updated_at of the state indexed: an older state never overwrites a newer one.
-- name/brand/category/description hold the text as indexed: folded (lower case, no diacritics),
-- segmented into words (Thai, Lao, Khmer, Myanmar, CJK) and joined by single spaces.
CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY,
	`product_id` text NOT NULL,
	`version` integer NOT NULL,
	`live` integer NOT NULL,
	`shop_id` text NOT NULL,
	`category_id` text,
	`brand_value` text,
	`brand_key` text,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`rating_average` real NOT NULL,
	`rating_count` integer NOT NULL,
	`sold_count` integer NOT NULL,
	`popularity` integer NOT NULL,
	`created_at` integer NOT NULL,
	`title` text NOT NULL,
	`name` text NOT NULL,
	`brand` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`terms` text NOT NULL,
	`completions` text NOT NULL,
	`indexed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_product` ON `search_docs` (`product_id`);--> statement-breakpoint
-- What filters, facets and sorts read, for live documents only. Rows are kept narrow on purpose:
-- every match of a query is looked up here, and narrow rows mean few pages (half the time of
-- looking the same values up in search_docs, whose rows carry all the text).
CREATE TABLE `search_filters` (
	`doc_id` integer PRIMARY KEY,
	`category_id` text,
	`brand_key` text,
	`brand_value` text,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`rating_average` real NOT NULL,
	`rating_count` integer NOT NULL,
	`sold_count` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_filters_category` ON `search_filters` (`category_id`);--> statement-breakpoint
CREATE INDEX `search_filters_price` ON `search_filters` (`price_amount`);--> statement-breakpoint
CREATE INDEX `search_filters_brand` ON `search_filters` (`brand_key`, `brand_value`);--> statement-breakpoint
-- External-content FTS5 index over search_docs. Marks (M*) are token characters so Thai words keep
-- their vowel and tone marks; diacritics of Latin letters are removed (the text is folded already).
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	`name`, `brand`, `category`, `description`,
	content = 'search_docs', content_rowid = 'doc_id',
	tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
--> statement-breakpoint
-- Vocabulary: every token of a live document with the number of live documents holding it.
CREATE TABLE `search_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`docs` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- Deletion neighbourhood of each term (the term itself and every string with one character removed):
-- a query word w is within Damerau distance 1 of a term t only if a key of w equals a key of t.
CREATE TABLE `search_term_keys` (
	`key` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY (`key`, `term`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Autocomplete: a product's folded name from each word start on, pointing at its document.
CREATE TABLE `search_completions` (
	`key` text NOT NULL,
	`doc_id` integer NOT NULL,
	PRIMARY KEY (`key`, `doc_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_completions_doc` ON `search_completions` (`doc_id`);--> statement-breakpoint
-- Typo keys only for words of 3..32 characters without digits (model numbers are never "corrected").
CREATE TRIGGER `search_terms_keys` AFTER INSERT ON `search_terms`
WHEN length(new.`term`) BETWEEN 3 AND 32 AND new.`term` NOT GLOB '*[0-9]*'
BEGIN
	INSERT OR IGNORE INTO `search_term_keys` (`key`, `term`)
	SELECT CASE WHEN p.value = 0 THEN new.`term` ELSE substr(new.`term`, 1, p.value - 1) || substr(new.`term`, p.value + 1) END, new.`term`
	FROM json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32]') AS p
	WHERE p.value <= length(new.`term`);
END;
--> statement-breakpoint
-- search_fts mirrors every row of search_docs (a tombstone's text is empty, so it matches nothing),
-- which keeps the external-content index exactly consistent with its table ('rebuild' and
-- 'integrity-check' work). Vocabulary and autocomplete keys count live documents only.
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs`
BEGIN
	INSERT INTO `search_fts` (rowid, `name`, `brand`, `category`, `description`)
	VALUES (new.`doc_id`, new.`name`, new.`brand`, new.`category`, new.`description`);
	INSERT INTO `search_filters` SELECT new.`doc_id`, new.`category_id`, new.`brand_key`, new.`brand_value`,
		new.`price_amount`, new.`currency`, new.`rating_average`, new.`rating_count`, new.`sold_count`,
		new.`created_at` WHERE new.`live` = 1;
	INSERT INTO `search_terms` (`term`, `docs`) SELECT value, 1 FROM json_each(new.`terms`) WHERE new.`live` = 1
	ON CONFLICT (`term`) DO UPDATE SET `docs` = `docs` + 1;
	INSERT OR IGNORE INTO `search_completions` (`key`, `doc_id`)
	SELECT value, new.`doc_id` FROM json_each(new.`completions`) WHERE new.`live` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs`
BEGIN
	INSERT INTO `search_fts` (`search_fts`, rowid, `name`, `brand`, `category`, `description`)
	VALUES ('delete', old.`doc_id`, old.`name`, old.`brand`, old.`category`, old.`description`);
	DELETE FROM `search_filters` WHERE `doc_id` = old.`doc_id`;
	UPDATE `search_terms` SET `docs` = `docs` - 1
	WHERE old.`live` = 1 AND `term` IN (SELECT value FROM json_each(old.`terms`));
	DELETE FROM `search_completions` WHERE `doc_id` = old.`doc_id`;
END;
--> statement-breakpoint
-- One trigger for both halves, so the old text always leaves the index before the new text enters.
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs`
BEGIN
	INSERT INTO `search_fts` (`search_fts`, rowid, `name`, `brand`, `category`, `description`)
	VALUES ('delete', old.`doc_id`, old.`name`, old.`brand`, old.`category`, old.`description`);
	DELETE FROM `search_filters` WHERE `doc_id` = old.`doc_id`;
	UPDATE `search_terms` SET `docs` = `docs` - 1
	WHERE old.`live` = 1 AND `term` IN (SELECT value FROM json_each(old.`terms`));
	DELETE FROM `search_completions` WHERE old.`live` = 1 AND `doc_id` = old.`doc_id`;
	INSERT INTO `search_fts` (rowid, `name`, `brand`, `category`, `description`)
	VALUES (new.`doc_id`, new.`name`, new.`brand`, new.`category`, new.`description`);
	INSERT INTO `search_filters` SELECT new.`doc_id`, new.`category_id`, new.`brand_key`, new.`brand_value`,
		new.`price_amount`, new.`currency`, new.`rating_average`, new.`rating_count`, new.`sold_count`,
		new.`created_at` WHERE new.`live` = 1;
	INSERT INTO `search_terms` (`term`, `docs`) SELECT value, 1 FROM json_each(new.`terms`) WHERE new.`live` = 1
	ON CONFLICT (`term`) DO UPDATE SET `docs` = `docs` + 1;
	INSERT OR IGNORE INTO `search_completions` (`key`, `doc_id`)
	SELECT value, new.`doc_id` FROM json_each(new.`completions`) WHERE new.`live` = 1;
END;
