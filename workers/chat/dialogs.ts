import { asc, eq } from "drizzle-orm";
import { dialogMembers, dialogs } from "../../d1/schema/chat";
import type { Dialog, DialogType } from "../../schemas/chat";
import { activeAccounts } from "../identity";
import { type Database, database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { statement } from "./effects";
import type { RoomMember, RoomSnapshot } from "./room/types";

export type DialogRow = typeof dialogs.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

export const NO_DIALOG = "There is no dialog with this id.";

export function presentDialog(row: DialogRow, participantIds: string[], adminIds: string[]): Dialog {
  return {
    id: row.id,
    type: row.type,
    ...(row.name !== null ? { name: row.name } : {}),
    ...(row.shopId !== null ? { shopId: row.shopId } : {}),
    participantIds,
    adminIds,
    memberCount: row.memberCount,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    lastMessageAt: row.lastMessageAt === null ? null : iso(row.lastMessageAt),
  };
}

/** The dialog and its members (oldest first): one D1 round trip. */
export async function loadDialog(
  db: Database,
  id: string,
): Promise<{ row: DialogRow; members: RoomMember[] } | undefined> {
  const [rows, members] = await db.batch([
    db.select().from(dialogs).where(eq(dialogs.id, id)).limit(1),
    db
      .select({ userId: dialogMembers.userId, role: dialogMembers.role, joinedAt: dialogMembers.joinedAt })
      .from(dialogMembers)
      .where(eq(dialogMembers.dialogId, id))
      .orderBy(asc(dialogMembers.joinedAt), asc(dialogMembers.userId)),
  ]);
  const row = rows[0];
  return row ? { row, members } : undefined;
}

export function dialogOf(loaded: { row: DialogRow; members: RoomMember[] }): Dialog {
  return presentDialog(
    loaded.row,
    loaded.members.map((m) => m.userId),
    loaded.members.filter((m) => m.role === "admin").map((m) => m.userId),
  );
}

/** The dialog as the API shows it, or 404. */
export async function dialogById(db: Database, id: string): Promise<Dialog> {
  const loaded = await loadDialog(db, id);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  return dialogOf(loaded);
}

/** What a room needs when it has never been set up (see rooms.ts). */
export async function roomSnapshot(db: Database, id: string): Promise<RoomSnapshot | undefined> {
  const loaded = await loadDialog(db, id);
  if (!loaded) return undefined;
  return {
    dialogId: id,
    type: loaded.row.type,
    shopId: loaded.row.shopId,
    createdAt: loaded.row.createdAt,
    members: loaded.members,
  };
}

/** 422 naming each participant that is not an active account (one identity query, however many ids). */
export async function requireActiveAccounts(
  db: Database,
  ids: readonly string[],
  field = "participantIds",
): Promise<void> {
  const found = await activeAccounts(db, ids);
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (missing.length === 0) return;
  const named = missing
    .slice(0, 5)
    .map((m) => m.id)
    .join(", ");
  throw new ApiError(
    "validation_failed",
    missing.length === 1
      ? `One participant does not exist: ${named}. Send the ids of existing users.`
      : `${missing.length} participants do not exist: ${named}. Send the ids of existing users.`,
    { errors: missing.slice(0, 50).map(({ i }) => ({ path: `${field}.${i}`, message: "No such user" })) },
  );
}

export interface NewDialog {
  id: string;
  type: DialogType;
  name: string | null;
  shopId: string | null;
  /** Direct and support dialogs: the pair's key; a second create finds the first dialog. */
  directKey: string | null;
  createdBy: string;
  members: RoomMember[];
  now: number;
}

/** The row a new dialog starts with: no message yet. */
export function newDialogRow(d: NewDialog): DialogRow {
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    shopId: d.shopId,
    directKey: d.directKey,
    createdBy: d.createdBy,
    memberCount: d.members.length,
    createdAt: d.now,
    updatedAt: d.now,
    activityAt: d.now,
    lastSeq: 0,
    lastMessageId: null,
    lastMessageAt: null,
    lastSenderId: null,
    lastKind: null,
    lastPreviewEnc: null,
    lastDeleted: false,
  };
}

/**
 * Inserts the dialog and its members in one batch. With a direct key, a concurrent create of the
 * same pair inserts nothing (the unique key) and both calls read the one winner back.
 */
export async function insertDialog(env: Pick<Env, "DB">, d: NewDialog): Promise<{ id: string; created: boolean }> {
  const db = database(env);
  const members = JSON.stringify(d.members.map((m) => ({ u: m.userId, r: m.role })));
  const insert = statement(env.DB, db.insert(dialogs).values(newDialogRow(d)).onConflictDoNothing());
  const insertMembers = env.DB.prepare(
    `INSERT INTO dialog_members (dialog_id, user_id, role, joined_at, last_read_seq, muted)
       SELECT ?1, json_extract(value, '$.u'), json_extract(value, '$.r'), ?2, 0, 0
         FROM json_each(?3) WHERE EXISTS (SELECT 1 FROM dialogs WHERE id = ?1)
     ON CONFLICT DO NOTHING`,
  ).bind(d.id, d.now, members);
  if (!d.directKey) {
    await env.DB.batch([insert, insertMembers]);
    return { id: d.id, created: true };
  }
  const [, , winner] = await env.DB.batch<{ id: string }>([
    insert,
    insertMembers,
    env.DB.prepare("SELECT id FROM dialogs WHERE direct_key = ?").bind(d.directKey),
  ]);
  const id = winner.results[0]?.id ?? d.id;
  return { id, created: id === d.id };
}

export const directKey = (a: string, b: string) => `u:${[a, b].sort().join(":")}`;
export const supportKey = (shopId: string, buyerId: string) => `shop:${shopId}:${buyerId}`;
