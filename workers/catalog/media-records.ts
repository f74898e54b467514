import { and, asc, eq, isNull } from "drizzle-orm";
import { productMedia, products } from "../../d1/schema/catalog";
import { type Database, inList, nowMs } from "../platform/db";
import { PRODUCT_UPDATED, productEvent } from "./events";
import type { LoadedProduct } from "./products";

/**
 * The D1 record of every upload (the bytes are in R2 under `r2Key`): product photos and the
 * pictures and files sent in chat, which belong to no product. The media domain stores the bytes
 * and calls these.
 */
export interface StoredMedia {
  id: string;
  ownerId: string;
  r2Key: string;
  kind: "image" | "file";
  contentType: string;
  size: number;
  etag: string;
}

/** Records an upload that belongs to no product (POST /media). */
export async function recordUpload(db: Database, media: StoredMedia): Promise<void> {
  await db.insert(productMedia).values({ ...media, productId: null, createdAt: nowMs() });
}

/** Uploads of the owner that belong to no product (chat pictures and files), oldest first. */
export async function personalUploadsOf(db: Database, ownerId: string, limit: number) {
  return db
    .select({ id: productMedia.id, r2Key: productMedia.r2Key })
    .from(productMedia)
    .where(and(eq(productMedia.ownerId, ownerId), isNull(productMedia.productId)))
    .orderBy(asc(productMedia.id))
    .limit(limit);
}

/** Which of these upload ids have a record (the media orphan sweep keeps their bytes). */
export async function recordedUploadIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: productMedia.id }).from(productMedia).where(inList(productMedia.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Forgets upload records whose bytes are gone from R2. */
export async function forgetUploads(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.delete(productMedia).where(inList(productMedia.id, ids));
}

/**
 * Adds an uploaded image as the product's last photo: the record, the product's `updatedAt` and
 * `product.updated` in one batch. The caller then forgets the cached product (invalidateProduct).
 */
export async function addProductImage(
  db: Database,
  product: LoadedProduct,
  media: StoredMedia,
  actorId: string,
): Promise<void> {
  const now = nowMs();
  await db.batch([
    db
      .insert(productMedia)
      .values({ ...media, productId: product.row.id, position: product.images.length, createdAt: now }),
    db.update(products).set({ updatedAt: now }).where(eq(products.id, product.row.id)),
    productEvent(db, PRODUCT_UPDATED, product.row, actorId),
  ]);
}
