import type { Message } from "../../../schemas/chat";
import { openContent } from "./content";
import { type PresentContext, present, searchForm } from "./present";
import type { MessageRow } from "./store";

const BATCH = 200;

/**
 * Messages whose text contains `q` (case-, width- and Latin accent-insensitive), newest first,
 * before `before`. The text is encrypted at rest, so there is no index: the room decrypts and scans
 * its own messages, at most `scanLimit` per call; `nextCursor` says where to continue.
 */
export async function searchMessages(
  ctx: PresentContext,
  q: string,
  before: number | null,
  limit: number,
  scanLimit: number,
): Promise<{ messages: Message[]; nextCursor: number | null }> {
  const needle = searchForm(q.trim());
  const matches: MessageRow[] = [];
  let cursor = before ?? Number.MAX_SAFE_INTEGER;
  let scanned = 0;
  let exhausted = false;
  while (matches.length < limit && scanned < scanLimit) {
    const rows = ctx.sql
      .exec<MessageRow & Record<string, SqlStorageValue>>(
        `SELECT seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at, edited_at, deleted_at
           FROM messages WHERE seq < ? AND deleted_at IS NULL AND content_enc IS NOT NULL ORDER BY seq DESC LIMIT ?`,
        cursor,
        BATCH,
      )
      .toArray();
    if (rows.length === 0) {
      exhausted = true;
      break;
    }
    // Decrypted for the scan only: a long search must not push fresh messages out of the cache.
    const contents = await Promise.all(
      rows.map(async (r) => ctx.cache.get(r.seq) ?? (await openContent(ctx.env, r.content_enc))),
    );
    for (let i = 0; i < rows.length; i++) {
      scanned += 1;
      cursor = rows[i].seq;
      const text = contents[i].text;
      if (text !== undefined && searchForm(text).includes(needle)) matches.push(rows[i]);
      if (matches.length >= limit) break;
    }
    if (rows.length < BATCH && cursor === rows[rows.length - 1].seq) exhausted = true;
  }
  const messages = await present(ctx, matches);
  return { messages, nextCursor: exhausted || cursor <= 1 ? null : cursor };
}
