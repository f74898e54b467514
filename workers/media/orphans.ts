import { recordedUploadIds } from "../catalog";
import { database, nowMs } from "../platform/db";
import { crockford } from "../platform/ids";
import { MEDIA_PREFIX, mediaKey, UPLOAD_MAX_LIFE_MS } from "./store";

/** Where the sweep keeps its place: beside the media, outside their prefix. */
const CURSOR_KEY = "sweeps/media-orphans";
/** R2 keys one run looks at (one list call, one D1 query, one delete call). */
const KEYS_PER_RUN = 200;

export interface OrphanSweep {
  checked: number;
  deleted: number;
}

/**
 * Deletes uploaded bytes that no record points at: an upload whose process died between its R2
 * put and its D1 record (uploads.ts). Media ids are time-sortable, so R2 lists uploads oldest
 * first: the sweep walks them once, from a cursor kept in R2, and stops before the first upload
 * younger than UPLOAD_MAX_LIFE_MS (one that may still be on its way to its record). The cursor
 * moves only after the deletes, so a run killed in between looks at the same keys again, which
 * deletes nothing twice. Run by the minute cron.
 */
export async function sweepOrphanUploads(env: Env, now = nowMs()): Promise<OrphanSweep> {
  const cursor = await (await env.MEDIA.get(CURSOR_KEY))?.text();
  // Every key below this one belongs to an upload begun more than UPLOAD_MAX_LIFE_MS ago.
  const youngest = mediaKey(`med_${crockford(now - UPLOAD_MAX_LIFE_MS, 10)}`);
  const listing = await env.MEDIA.list({
    prefix: MEDIA_PREFIX,
    limit: KEYS_PER_RUN,
    ...(cursor ? { startAfter: cursor } : {}),
  });
  const settled = listing.objects.filter((object) => object.key < youngest);
  if (settled.length === 0) return { checked: 0, deleted: 0 };
  const idOf = (key: string) => key.slice(MEDIA_PREFIX.length);
  const recorded = await recordedUploadIds(
    database(env),
    settled.map((object) => idOf(object.key)),
  );
  const orphans = settled.filter((object) => !recorded.has(idOf(object.key))).map((object) => object.key);
  if (orphans.length) await env.MEDIA.delete(orphans);
  await env.MEDIA.put(CURSOR_KEY, settled[settled.length - 1].key);
  return { checked: settled.length, deleted: orphans.length };
}
