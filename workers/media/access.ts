import { attachableMedia } from "../catalog";
import { type ChatMediaLink, mayReadChatMedia } from "../chat";
import { isAvatarOf } from "../identity";
import { database } from "../platform/db";
import type { MediaAccess } from "./store";

/**
 * Who may read an upload (GET /api/v1/media/:id), and how it may be cached:
 * - a product photo is public (anyone, cached for a year);
 * - a chat upload is private: its uploader, and the current members of a dialog it was sent in
 *   (the message's url names the dialog and carries its signature, the caller's access token says
 *   who asks; chat decides), kept by no cache. A link alone, a stranger's token or a removed
 *   member's token opens nothing;
 * - a chat upload its uploader made their avatar is public, as the avatar is.
 * Anything else answers as if the media did not exist, so a link reveals nothing.
 */
export interface MediaReader {
  /** The signed-in caller, if any. */
  userId?: string;
  /** The dialog link of a message's url (`?dialog=&sig=`), if the request carries one. */
  link?: ChatMediaLink;
}

/** What the stored object says about itself (uploads before access was recorded say nothing). */
interface StoredFacts {
  access?: MediaAccess;
  ownerId?: string;
}

function factsOf(stored: R2Object): StoredFacts {
  const meta = stored.customMetadata ?? {};
  const access = meta.access === "public" || meta.access === "private" ? meta.access : undefined;
  return { access, ownerId: meta.owner };
}

/** How the upload may be served to `reader`: public, private, or not at all (undefined). */
export async function accessFor(
  env: Env,
  mediaId: string,
  stored: R2Object,
  reader: MediaReader,
): Promise<MediaAccess | undefined> {
  let { access, ownerId } = factsOf(stored);
  if (access === undefined || ownerId === undefined) {
    // Stored before uploads recorded their access: the D1 record says whether it is a product photo.
    const record = await attachableMedia(database(env), mediaId);
    if (!record) return undefined;
    access = record.productId === null ? "private" : "public";
    ownerId = record.ownerId;
  }
  if (access === "public") return "public";
  if (reader.userId !== undefined) {
    if (reader.userId === ownerId) return "private";
    if (reader.link && (await mayReadChatMedia(env, mediaId, reader.link, reader.userId))) return "private";
  }
  if (await isAvatarOf(database(env), ownerId, mediaId)) return "public";
  return undefined;
}
