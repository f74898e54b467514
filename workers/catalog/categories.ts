import { asc } from "drizzle-orm";
import { categories } from "../../d1/schema/catalog";
import { type CategoryNode, CategoryTreeSchema, LocaleQuerySchema } from "../../schemas/catalog";
import type { Locale } from "../../schemas/platform";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { localized, requestLocale } from "../platform/locale";
import { createRouter, defineRoute } from "../platform/openapi";
import { CATEGORY_TREE, type SeedCategory } from "./category-seed";

export async function categoryTree(db: Database, locale: Locale): Promise<CategoryNode[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.slug));
  const nodes = new Map<string, CategoryNode>(
    rows.map((r) => [
      r.id,
      { id: r.id, slug: r.slug, name: localized(r.names, locale), parentId: r.parentId, children: [] },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Inserts the demo tree; categories already present (by slug) are left as they are. */
export async function seedCategories(db: Database): Promise<{ categories: number }> {
  const now = nowMs();
  const rows: (typeof categories.$inferInsert)[] = [];
  const walk = (list: SeedCategory[], parentId: string | null) =>
    list.forEach((cat, position) => {
      const id = newId("cat");
      rows.push({ id, slug: cat.slug, parentId, names: cat.names, position, createdAt: now, updatedAt: now });
      walk(cat.children ?? [], id);
    });
  walk(CATEGORY_TREE, null);
  // 7 columns per row and at most 100 bound parameters per D1 statement.
  const inserts = [];
  for (let i = 0; i < rows.length; i += 14) {
    inserts.push(
      db
        .insert(categories)
        .values(rows.slice(i, i + 14))
        .onConflictDoNothing({ target: categories.slug }),
    );
  }
  const [first, ...rest] = inserts;
  if (first) await db.batch([first, ...rest]);
  return { categories: rows.length };
}

export const listCategoriesRoute = defineRoute({
  method: "get",
  path: "/api/v1/categories",
  tags: ["Catalog"],
  summary: "The category tree, named in the reader's language",
  request: { query: LocaleQuerySchema },
  responses: {
    200: {
      description: "Root categories with their children",
      content: { "application/json": { schema: CategoryTreeSchema } },
    },
  },
});

export const categoriesRouter = createRouter().openapi(listCategoriesRoute, async (c) => {
  const items = await categoryTree(database(c.env), requestLocale(c));
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ items }, 200);
});
