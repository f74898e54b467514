import { and, eq } from "drizzle-orm";
import { dialogMembers } from "../../d1/schema/chat";
import { constantTimeEqual, hmac } from "../platform/crypto";
import { database } from "../platform/db";
import { base64url, fromBase64url } from "../platform/ids";

/**
 * Who may read a picture or file sent in a dialog: the current members of that dialog. A
 * message's `media.url` names the dialog and carries `sig`, an HMAC (MEDIA_SIGNING_KEY) of the
 * media id and the dialog id made when the message was sent, so the link proves which dialog the
 * upload was sent in without a lookup; the reader's access token proves who is asking, and the
 * dialog's member list (D1, kept in step with the room) says whether they may. Removing a member
 * (or the member leaving) ends their access at once; the link alone opens nothing.
 */

/** What a chat attachment link carries besides the media id. */
export interface ChatMediaLink {
  dialogId: string;
  sig: string;
}

const SIG_LENGTH = 43; // 32 bytes of HMAC-SHA256, base64url without padding

function signingKey(env: Env): Uint8Array {
  const raw: string | undefined = env.MEDIA_SIGNING_KEY;
  const bytes = raw ? fromBase64url(raw) : new Uint8Array();
  if (bytes.length !== 32) throw new Error("MEDIA_SIGNING_KEY must be 32 bytes of base64url");
  return bytes;
}

async function signature(env: Env, mediaId: string, dialogId: string): Promise<string> {
  return base64url(await hmac("SHA-256", signingKey(env), `chat-media\n${mediaId}\n${dialogId}`));
}

/** The url a message gives its attachment: served to the dialog's members (with their token). */
export async function chatMediaUrl(env: Env, origin: string, dialogId: string, mediaId: string): Promise<string> {
  const query = new URLSearchParams({ dialog: dialogId, sig: await signature(env, mediaId, dialogId) });
  return `${origin}/api/v1/media/${mediaId}?${query}`;
}

/** True when the link is one a message of `link.dialogId` gave out for this media and `userId` is a member now. */
export async function mayReadChatMedia(
  env: Env,
  mediaId: string,
  link: ChatMediaLink,
  userId: string,
): Promise<boolean> {
  if (link.sig.length !== SIG_LENGTH) return false;
  if (!(await constantTimeEqual(link.sig, await signature(env, mediaId, link.dialogId)))) return false;
  const member = await database(env)
    .select({ userId: dialogMembers.userId })
    .from(dialogMembers)
    .where(and(eq(dialogMembers.dialogId, link.dialogId), eq(dialogMembers.userId, userId)))
    .get();
  return member !== undefined;
}
