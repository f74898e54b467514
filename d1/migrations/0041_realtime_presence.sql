CREATE TABLE `realtime_presence` (
	`user_id` text PRIMARY KEY NOT NULL,
	`online_until` integer NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` integer NOT NULL
);
