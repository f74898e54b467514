import type { z } from "@hono/zod-openapi";
import { and, eq, isNull, sql } from "drizzle-orm";
import { categories, products } from "../../d1/schema/catalog";
import type { AdminCategorySchema, CreateCategoryInput, UpdateCategoryInput } from "../../schemas/catalog";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { isUniqueViolation } from "./product-input";
import { categoryAndBelow } from "./read-models";

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

async function findCategory(db: Database, id: string): Promise<CategoryRow> {
  const row = await db.select().from(categories).where(eq(categories.id, id)).get();
  if (!row) throw new ApiError("not_found", "There is no category with this id.");
  return row;
}

/** A parent must exist and must not be the category itself or one of its descendants (no cycles). */
async function checkParent(db: Database, parentId: string, categoryId?: string): Promise<void> {
  const parent = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, parentId)).get();
  if (!parent) {
    throw new ApiError("validation_failed", "There is no category with this parentId.", {
      errors: [{ path: "parentId", message: "Unknown category" }],
    });
  }
  if (!categoryId) return;
  const [cycle] = await db.all<{ id: string }>(
    sql`SELECT ${parentId} AS id WHERE ${parentId} IN ${categoryAndBelow(categoryId)}`,
  );
  if (cycle) {
    throw new ApiError("validation_failed", "A category cannot move under itself or one of its sub-categories.", {
      errors: [{ path: "parentId", message: "Would make a cycle" }],
    });
  }
}

async function checkSlugFree(db: Database, slug: string, exceptId = ""): Promise<void> {
  const taken = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get();
  if (taken && taken.id !== exceptId) {
    throw new ApiError("conflict", `The slug ${slug} is already used by category ${taken.id}. Choose another.`);
  }
}

/** Adds a category (POST /admin/categories); a slug already used is a 409. */
export async function createCategory(env: Env, input: CreateCategoryInput): Promise<CategoryRow> {
  const db = database(env);
  await checkSlugFree(db, input.slug);
  if (input.parentId) await checkParent(db, input.parentId);
  const now = nowMs();
  try {
    return await db
      .insert(categories)
      .values({
        id: newId("cat", now),
        slug: input.slug,
        parentId: input.parentId ?? null,
        names: input.names,
        position: input.position ?? 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", `The slug ${input.slug} is already used.`);
    throw err;
  }
}

/** Renames, re-slugs or moves a category (PATCH /admin/categories/{id}); never under itself. */
export async function updateCategory(env: Env, id: string, patch: UpdateCategoryInput): Promise<CategoryRow> {
  const db = database(env);
  const current = await findCategory(db, id);
  if (patch.slug !== undefined) await checkSlugFree(db, patch.slug, current.id);
  if (patch.parentId) await checkParent(db, patch.parentId, current.id);
  try {
    const row = await db
      .update(categories)
      .set({
        ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
        ...(patch.names !== undefined ? { names: patch.names } : {}),
        ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        updatedAt: nowMs(),
      })
      .where(eq(categories.id, current.id))
      .returning()
      .get();
    return row ?? current;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", `The slug ${patch.slug} is already used.`);
    throw err;
  }
}

/** Deletes a category with no sub-categories and no products (DELETE /admin/categories/{id}); else 409. */
export async function deleteCategory(env: Env, id: string): Promise<void> {
  const db = database(env);
  const category = await findCategory(db, id);
  const [children, used] = await db.batch([
    db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, category.id)).limit(1),
    db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.categoryId, category.id), isNull(products.deletedAt)))
      .limit(1),
  ]);
  if (children.length > 0) {
    throw new ApiError("conflict", "This category has sub-categories. Move or delete them first.");
  }
  if (used.length > 0) {
    throw new ApiError("conflict", `Products are listed in this category (e.g. ${used[0].id}). Move them first.`);
  }
  await db.delete(categories).where(eq(categories.id, category.id));
}
