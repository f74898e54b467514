CREATE TABLE `catalog_versions` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
