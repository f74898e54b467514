import { eq } from "drizzle-orm";
import { productMedia } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";

/** An uploaded file as a message may attach it: who uploaded it, and what it is. */
export interface AttachableMedia {
  id: string;
  ownerId: string;
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
      kind: productMedia.kind,
      contentType: productMedia.contentType,
      size: productMedia.size,
    })
    .from(productMedia)
    .where(eq(productMedia.id, id))
    .get();
}
