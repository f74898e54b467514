import { eq } from "drizzle-orm";
import { productMedia } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";

/** An uploaded file as a message may attach it: who uploaded it, what it is, and its product (photos). */
export interface AttachableMedia {
  id: string;
  ownerId: string;
  /** Set for a product photo (public); null for a chat upload (POST /api/v1/media). */
  productId: string | null;
  kind: "image" | "file";
  contentType: string;
  size: number;
}

/** The upload with this id (POST /api/v1/media), or undefined: one statement. */
export async function attachableMedia(db: Database, id: string): Promise<AttachableMedia | undefined> {
  return db
    .select({
      id: productMedia.id,
      ownerId: productMedia.ownerId,
      productId: productMedia.productId,
      kind: productMedia.kind,
      contentType: productMedia.contentType,
      size: productMedia.size,
    })
    .from(productMedia)
    .where(eq(productMedia.id, id))
    .get();
}
