import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { dialogMembers, dialogs } from "../../d1/schema/chat";
import type { DialogListItemSchema, DialogMemberFaceSchema, LastMessageSchema } from "../../schemas/chat";
import { publicFaceOf } from "../identity";
import { type Database, database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { shopFactOf } from "../shops";
import { type DialogRow, dialogOf, loadDialog, NO_DIALOG, presentDialog } from "./dialogs";
import { openContent, snippet } from "./room/content";
import { isDialogId } from "./rooms";

/** The caller's dialogs as their list shows them: unread counts, the last message, their settings. */

type DialogListItem = z.infer<typeof DialogListItemSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

/** A page of the caller's dialogs, most recent activity first: one query per page. */
export async function dialogsPage(
  env: Env,
  userId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<DialogListItem>> {
  const after = decodeCursor(cursor, CursorSchema);
  const rows = await listDialogs(database(env), userId, limit + 1, after ? { at: after[0], id: after[1] } : undefined);
  const page = toPage(rows, limit, (r) => [r.row.activityAt, r.row.id]);
  const items = await Promise.all(
    page.items.map((r) => listItem(env, presentDialog(r.row, r.participantIds, r.adminIds), r.row, r, r.faces)),
  );
  return { items, nextCursor: page.nextCursor };
}

/** One of the caller's dialogs: 404 when there is none, 403 when they are not in it. */
export async function memberDialog(env: Env, userId: string, id: string): Promise<DialogListItem> {
  if (!isDialogId(id)) throw new ApiError("not_found", NO_DIALOG);
  const db = database(env);
  const [loaded, me, faces] = await Promise.all([
    loadDialog(db, id),
    db
      .select()
      .from(dialogMembers)
      .where(and(eq(dialogMembers.dialogId, id), eq(dialogMembers.userId, userId)))
      .get(),
    db.select(facesOf(dialogs)).from(dialogs).where(eq(dialogs.id, id)).get(),
  ]);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  if (!me) throw new ApiError("forbidden", "You are not a member of this dialog.");
  return listItem(env, dialogOf(loaded), loaded.row, me, faces ?? { faces: "[]", shopName: null });
}

/** The caller's own settings for a dialog (mute); 403 when they are not in it. */
export async function setMuted(env: Env, userId: string, id: string, muted: boolean): Promise<{ muted: boolean }> {
  const updated = await database(env)
    .update(dialogMembers)
    .set({ muted })
    .where(and(eq(dialogMembers.dialogId, id), eq(dialogMembers.userId, userId)))
    .returning({ muted: dialogMembers.muted });
  if (updated.length === 0) throw new ApiError("forbidden", "You are not a member of this dialog.");
  return { muted: updated[0].muted };
}

async function listItem(
  env: Env,
  dialog: ReturnType<typeof presentDialog>,
  row: DialogRow,
  me: { role: "member" | "admin"; lastReadSeq: number; muted: boolean },
  faces: MemberFaces,
): Promise<DialogListItem> {
  return {
    ...dialog,
    members: presentFaces(row, faces),
    unreadCount: Math.max(0, row.lastSeq - me.lastReadSeq),
    lastMessage: await lastMessageOf(env, row),
    lastSeq: row.lastSeq,
    lastReadSeq: me.lastReadSeq,
    role: me.role,
    muted: me.muted,
  };
}

interface ListedDialog {
  row: DialogRow;
  role: "member" | "admin";
  lastReadSeq: number;
  muted: boolean;
  participantIds: string[];
  adminIds: string[];
  faces: MemberFaces;
}

/**
 * A page of the caller's dialogs, most recent activity first, each with its members: one query
 * (members come as JSON arrays from correlated subqueries, never one query per dialog).
 */
async function listDialogs(
  db: Database,
  userId: string,
  limit: number,
  after: { at: number; id: string } | undefined,
): Promise<ListedDialog[]> {
  const rows = await db
    .select({
      row: dialogs,
      role: dialogMembers.role,
      lastReadSeq: dialogMembers.lastReadSeq,
      muted: dialogMembers.muted,
      participantIds: sql<string>`(SELECT json_group_array(x.user_id) FROM dialog_members x WHERE x.dialog_id = ${dialogs.id})`,
      adminIds: sql<string>`(SELECT json_group_array(x.user_id) FROM dialog_members x WHERE x.dialog_id = ${dialogs.id} AND x.role = 'admin')`,
      ...facesOf(dialogs),
    })
    .from(dialogMembers)
    .innerJoin(dialogs, eq(dialogs.id, dialogMembers.dialogId))
    .where(
      and(
        eq(dialogMembers.userId, userId),
        after
          ? or(lt(dialogs.activityAt, after.at), and(eq(dialogs.activityAt, after.at), lt(dialogs.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(dialogs.activityAt), desc(dialogs.id))
    .limit(limit);
  return rows.map(({ faces, shopName, ...r }) => ({
    ...r,
    faces: { faces, shopName },
    participantIds: JSON.parse(r.participantIds) as string[],
    adminIds: JSON.parse(r.adminIds) as string[],
  }));
}

type DialogMemberFace = z.infer<typeof DialogMemberFaceSchema>;

/** The members' public faces (JSON from the dialog's own query) and, for a support dialog, its shop's name. */
interface MemberFaces {
  faces: string;
  shopName: string | null;
}

/**
 * The columns that give a dialog's members their public faces (identity's) and its shop's name
 * (shops'), as subqueries of the query that reads the dialog: a page of dialogs stays one query.
 */
function facesOf(d: typeof dialogs): { faces: SQL<string>; shopName: SQL<string | null> } {
  const face = publicFaceOf(sql`x.user_id`);
  return {
    faces: sql<string>`(SELECT json_group_array(json_object('userId', m.user_id, 'face', json(m.face))) FROM
      (SELECT x.user_id, ${face} AS face FROM dialog_members x WHERE x.dialog_id = ${d.id}
        ORDER BY x.joined_at, x.user_id) m)`,
    shopName: shopFactOf(d.shopId, "name"),
  };
}

/**
 * Each member's public name and avatar (an account that no longer exists is left out); in a support
 * dialog everyone but the buyer who opened it speaks for the shop, so carries the shop's name.
 */
function presentFaces(row: DialogRow, { faces, shopName }: MemberFaces): DialogMemberFace[] {
  const parsed = JSON.parse(faces) as {
    userId: string;
    face: { displayName: string; avatarUrl: string | null } | null;
  }[];
  return parsed.flatMap(({ userId, face }) => {
    if (!face) return [];
    const forShop = row.shopId !== null && shopName !== null && userId !== row.createdBy;
    return [
      {
        userId,
        displayName: face.displayName,
        ...(face.avatarUrl ? { avatarUrl: face.avatarUrl } : {}),
        ...(forShop ? { shopName } : {}),
      },
    ];
  });
}

async function lastMessageOf(env: Env, row: DialogRow): Promise<z.infer<typeof LastMessageSchema> | null> {
  if (row.lastSeq === 0 || row.lastMessageId === null || row.lastMessageAt === null) return null;
  const base = {
    id: row.lastMessageId,
    seq: row.lastSeq,
    senderId: row.lastSenderId ?? "",
    kind: row.lastKind ?? "text",
    createdAt: iso(row.lastMessageAt),
  };
  if (row.lastDeleted) return { ...base, deleted: true };
  let text: string | undefined;
  try {
    text = snippet((await openContent(env, row.lastPreviewEnc)).text);
  } catch {
    text = undefined;
  }
  return text === undefined ? base : { ...base, text };
}
