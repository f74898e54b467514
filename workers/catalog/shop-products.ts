import { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { products } from "../../d1/schema/catalog";
import type { ShopProductsQuery } from "../../schemas/seller-products";
import { database } from "../platform/db";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { findShop } from "../shops";
import type { BrowsedProduct } from "./browse";
import { imagesOf, type ProductRow, variantsOf } from "./products";

const cursorSchema = z.object({ t: z.number().int(), id: z.string().min(1).max(64) });

/**
 * A shop's products, newest first (GET /shops/{id}/products). Its owner sees drafts and archived
 * products too (every status unless `status` narrows it); anyone else sees active products only,
 * so asking for drafts of someone else's shop answers an empty page, not another shop's secrets.
 */
export async function shopProducts(
  env: Env,
  shopId: string,
  viewerId: string | undefined,
  query: ShopProductsQuery,
): Promise<Page<BrowsedProduct>> {
  const db = database(env);
  const shop = await findShop(db, shopId);
  const isOwner = viewerId !== undefined && viewerId === shop.ownerId;
  const visible: ProductRow["status"][] = isOwner ? ["draft", "active", "archived"] : ["active"];
  const statuses = query.status ? visible.filter((s) => s === query.status) : visible;
  const cursor = decodeCursor(query.cursor, cursorSchema);
  if (statuses.length === 0) return { items: [], nextCursor: null };
  const rows = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.shopId, shop.id),
        isNull(products.deletedAt),
        inArray(products.status, statuses),
        cursor ? sql`(${products.createdAt}, ${products.id}) < (${cursor.t}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ t: r.createdAt, id: r.id }));
  const ids = page.items.map((r) => r.id);
  const [variants, images] = ids.length > 0 ? await db.batch([variantsOf(db, ids), imagesOf(db, ids)]) : [[], []];
  return {
    items: page.items.map((row) => ({
      row,
      variants: variants.filter((v) => v.productId === row.id),
      images: images.filter((m) => m.productId === row.id),
    })),
    nextCursor: page.nextCursor,
  };
}
