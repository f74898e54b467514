import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Search synonyms per language (`hp` → handphone); admins extend the list. */
export const searchSynonyms = sqliteTable(
  "search_synonyms",
  {
    id: text("id").primaryKey(),
    locale: text("locale").notNull(),
    term: text("term").notNull(),
    synonyms: text("synonyms", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("search_synonyms_term").on(t.locale, t.term)],
);
