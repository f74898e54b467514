import { forgetUploads, personalUploadsOf } from "../catalog";
import { database } from "../platform/db";

/**
 * Erases up to `limit` of a deleted account's own uploads (pictures and files sent in chat; product
 * photos are the shop's): the bytes from R2 first, then their records, so a run that stops in
 * between finds the records again and deletes their (absent) bytes again. True when more are left.
 */
export async function eraseUploadsOf(env: Env, ownerId: string, limit: number): Promise<boolean> {
  const db = database(env);
  const uploads = await personalUploadsOf(db, ownerId, limit);
  if (uploads.length === 0) return false;
  await env.MEDIA.delete(uploads.map((u) => u.r2Key));
  await forgetUploads(
    db,
    uploads.map((u) => u.id),
  );
  return uploads.length === limit;
}
