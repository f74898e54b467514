CREATE TABLE `search_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
