import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The category tree. Names per locale as JSON ({"en": "...", "th": "...", ...}). */
export const categories = sqliteTable(
  "categories",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    parentId: text("parent_id"),
    names: text("names", { mode: "json" }).$type<Record<string, string>>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("categories_parent").on(t.parentId, t.position)],
);
