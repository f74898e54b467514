import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Demo-data seeders that have run on this database (`npm start` seeds once). */
export const seedRuns = sqliteTable("seed_runs", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
  summary: text("summary").notNull(),
  ranAt: integer("ran_at").notNull(),
});
