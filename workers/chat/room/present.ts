import type { Card, Message } from "../../../schemas/chat";
import type { TransferCard } from "../../../schemas/wallet";
import { cardKey, liveCards } from "./cards";
import { type ContentCache, openContent, snippet } from "./content";
import { type MessageRow, messagesByIds, messagesBySeqs, type Payload, parsePayload, reactionsFor } from "./store";
import { liveTransfers } from "./transfer-cards";
import type { Content } from "./types";

/**
 * Turns the room's rows into CONTRACT Messages. Two steps, so that what reaches a socket is always
 * the state at the moment it is sent: `prepare` does the slow work (decrypting, reading live card
 * data from D1) and may interleave with other requests; `assemble` then re-reads the rows and
 * their reactions synchronously and builds the messages.
 */
export interface PresentContext {
  sql: SqlStorage;
  env: Env;
  cache: ContentCache;
  dialogId: string;
  origin: string;
}

export interface Prepared {
  contents: Map<number, Content>;
  cards: Map<string, Card>;
  /** Transfer cards by transfer id, read from the senders' wallets. */
  transfers: Map<string, TransferCard | null>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function prepare(ctx: PresentContext, rows: readonly MessageRow[], withCards = true): Promise<Prepared> {
  const replyIds = [...new Set(rows.map((r) => r.reply_to).filter((id): id is string => id !== null))];
  const all = [...rows, ...messagesByIds(ctx.sql, replyIds)];
  const contents = new Map<number, Content>();
  await Promise.all(
    all.map(async (row) => {
      if (row.deleted_at !== null || row.content_enc === null) return;
      let content = ctx.cache.get(row.seq);
      if (!content) {
        content = await openContent(ctx.env, row.content_enc);
        ctx.cache.set(row.seq, content);
      }
      contents.set(row.seq, content);
    }),
  );
  const refs = withCards ? rows.filter((r) => r.deleted_at === null).flatMap((r) => parsePayload(r).card ?? []) : [];
  const [cards, transfers] = await Promise.all([
    refs.length > 0 ? liveCards(ctx.env, refs, ctx.origin) : new Map<string, Card>(),
    withCards ? liveTransfers(ctx.env, rows) : new Map<string, TransferCard | null>(),
  ]);
  return { contents, cards, transfers };
}

/** Synchronous: the current rows for `seqs` (in that order), with what `prepare` gathered. */
export function assemble(ctx: PresentContext, seqs: readonly number[], prepared: Prepared): Message[] {
  const rows = new Map(messagesBySeqs(ctx.sql, seqs).map((r) => [r.seq, r]));
  const reactions = reactionsFor(ctx.sql, seqs);
  const replyIds = [...new Set([...rows.values()].map((r) => r.reply_to).filter((id): id is string => id !== null))];
  const replies = new Map(messagesByIds(ctx.sql, replyIds).map((r) => [r.id, r]));
  const contentOf = (row: MessageRow) =>
    row.deleted_at !== null ? {} : (ctx.cache.get(row.seq) ?? prepared.contents.get(row.seq) ?? {});
  const out: Message[] = [];
  for (const seq of seqs) {
    const row = rows.get(seq);
    if (!row) continue;
    const payload = parsePayload(row);
    const card = payload.card ? prepared.cards.get(cardKey(payload.card)) : undefined;
    const reply = row.reply_to ? replies.get(row.reply_to) : undefined;
    out.push(
      presentRow(ctx.dialogId, row, contentOf(row), payload, reactions.get(seq) ?? [], {
        card,
        transfer: payload.transfer ? prepared.transfers.get(payload.transfer.id) : undefined,
        reply: reply ? { row: reply, content: contentOf(reply) } : undefined,
      }),
    );
  }
  return out;
}

export async function present(ctx: PresentContext, rows: readonly MessageRow[]): Promise<Message[]> {
  const prepared = await prepare(ctx, rows);
  return assemble(
    ctx,
    rows.map((r) => r.seq),
    prepared,
  );
}

export function presentRow(
  dialogId: string,
  row: MessageRow,
  content: Content,
  payload: Payload,
  reactions: Message["reactions"],
  extra: { card?: Card; transfer?: TransferCard | null; reply?: { row: MessageRow; content: Content } } = {},
): Message {
  const deleted = row.deleted_at !== null;
  const message: Message = {
    id: row.id,
    dialogId,
    seq: row.seq,
    senderId: row.sender_id,
    clientId: row.client_id,
    kind: row.kind,
    reactions: deleted ? [] : reactions,
    createdAt: iso(row.created_at),
  };
  if (!deleted) {
    if (content.text !== undefined) message.text = content.text;
    if (content.location !== undefined) message.location = content.location;
    if (payload.media) message.media = payload.media;
    if (payload.sticker) message.sticker = payload.sticker;
    if (payload.card) message.card = extra.card ?? { type: payload.card.type, id: payload.card.id };
    if (payload.transfer) {
      message.transferId = payload.transfer.id;
      message.transfer = extra.transfer ?? null;
    }
  }
  if (payload.system) message.system = payload.system;
  if (row.reply_to) {
    message.replyTo = row.reply_to;
    const reply = extra.reply;
    if (reply) {
      message.replyPreview = {
        id: reply.row.id,
        seq: reply.row.seq,
        senderId: reply.row.sender_id,
        kind: reply.row.kind,
        ...(reply.row.deleted_at !== null
          ? { deleted: true }
          : reply.content.text !== undefined
            ? { text: snippet(reply.content.text) }
            : {}),
      };
    }
  }
  if (row.edited_at !== null) message.editedAt = iso(row.edited_at);
  if (deleted) message.deleted = true;
  return message;
}

/** Case-, width- and (Latin) accent-insensitive form for per-dialog search; Thai marks are kept. */
export function searchForm(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .replace(/đ/g, "d")
    .normalize("NFC")
    .replace(/\s+/g, " ");
}
