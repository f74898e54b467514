import type { z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import { categories } from "../../d1/schema/catalog";
import type { AdminCategorySchema } from "../../schemas/catalog";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";

export type CategoryRow = typeof categories.$inferSelect;

export function presentAdminCategory(row: CategoryRow): z.infer<typeof AdminCategorySchema> {
  return {
    id: row.id,
    slug: row.slug,
    names: row.names,
    parentId: row.parentId,
    position: row.position,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function findCategory(db: Database, id: string): Promise<CategoryRow> {
  const row = await db.select().from(categories).where(eq(categories.id, id)).get();
  if (!row) throw new ApiError("not_found", "There is no category with this id.");
  return row;
}

/** A parent must exist and must not be the category itself or one of its descendants (no cycles). */
export async function checkParent(db: Database, parentId: string, categoryId?: string): Promise<void> {
  const parent = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, parentId)).get();
  if (!parent) {
    throw new ApiError("validation_failed", "There is no category with this parentId.", {
      errors: [{ path: "parentId", message: "Unknown category" }],
    });
  }
  if (!categoryId) return;
  const [cycle] = await db.all<{ id: string }>(sql`
    WITH RECURSIVE sub(id) AS (SELECT ${categoryId} UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
    SELECT id FROM sub WHERE id = ${parentId} LIMIT 1`);
  if (cycle) {
    throw new ApiError("validation_failed", "A category cannot move under itself or one of its sub-categories.", {
      errors: [{ path: "parentId", message: "Would make a cycle" }],
    });
  }
}

export async function checkSlugFree(db: Database, slug: string, exceptId = ""): Promise<void> {
  const taken = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get();
  if (taken && taken.id !== exceptId) {
    throw new ApiError("conflict", `The slug ${slug} is already used by category ${taken.id}. Choose another.`);
  }
}
