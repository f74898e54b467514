import { attachableMedia } from "../catalog";
import { database } from "../platform/db";

/**
 * Which of these uploads are `userId`'s own pictures (POST /api/v1/media: private, not a product
 * photo). A return's photos must be: an id of someone else's upload, or of a file, is not theirs
 * to attach. Few ids (a return takes at most 10), one small read each.
 */
export async function ownPictures(env: Env, ids: readonly string[], userId: string | undefined): Promise<Set<string>> {
  if (!userId || ids.length === 0) return new Set();
  const db = database(env);
  const records = await Promise.all([...new Set(ids)].map((id) => attachableMedia(db, id)));
  return new Set(
    records
      .filter((r) => r !== undefined && r.ownerId === userId && r.productId === null && r.kind === "image")
      .map((r) => r!.id),
  );
}
